package dev.thinkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.app.AppContext;
import dev.thinkbench.testing.LlamaServerTestServer;
import dev.thinkbench.testing.OllamaChatScript;
import dev.thinkbench.testing.OllamaChatTestServer;
import dev.thinkbench.testing.OpenAiChatScript;
import dev.thinkbench.testing.OpenAiChatTestServer;
import dev.thinkbench.testing.ScriptStep;
import dev.thinkbench.testing.ScriptedReply;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** {@code thinkbench compare} through the real composition root and adapters against loopback servers. */
class CompareEndToEndTest {


    private static CliRun run(String... args) {
        AppContext context = AppContext.create();
        try {
            return CliRun.of(context, args);
        } finally {
            context.builtin().close();
        }
    }

    @Test
    void ollamaPresetsRunSideBySideWithThinkingOnlyWhereTheBudgetAllowsIt() throws Exception {
        try (OllamaChatTestServer server = OllamaChatTestServer.start()) {
            server.models("qwen3:8b");
            server.respond(request -> request.json().path("think").asBoolean()
                    ? OllamaChatScript.of("qwen3:8b").thinking("Two", " r's", "? Count", " again: three.")
                        .answer("There are ", "3.").done()
                    : OllamaChatScript.of("qwen3:8b").answer("2").done());

            CliRun r = run("compare", "--engine", "ollama", "--base-url", server.baseUrl().toString(), "--model",
                    "qwen3:8b", "--prompt", "How many r in raspberry?", "--format", "json", "--seed", "7");

            assertThat(r.code()).as(r.err()).isZero();
            JsonNode root = r.json();
            assertThat(root.path("engine").asText()).isEqualTo("ollama");
            assertThat(root.path("runs").findValuesAsText("label")).containsExactly("small", "medium", "large");
            JsonNode small = root.path("runs").get(0);
            JsonNode large = root.path("runs").get(2);
            assertThat(small.path("thinking").asText()).isEmpty();
            assertThat(small.path("answer").asText()).isEqualTo("2");
            assertThat(large.path("thinking").asText()).isEqualTo("Two r's? Count again: three.");
            assertThat(large.path("answer").asText()).isEqualTo("There are 3.");
            assertThat(large.path("metrics").path("thinkingTokens").asInt()).isEqualTo(4);
            assertThat(large.path("metrics").path("promptTokens").asInt()).isEqualTo(12);
            assertThat(large.path("metrics").path("costUsd").asDouble()).isZero();
            assertThat(server.chatRequests()).hasSize(3)
                    .allSatisfy(req -> assertThat(req.json().path("options").path("seed").asLong()).isEqualTo(7));
        }
    }

    @Test
    void openAiCompatibleColumnFailingWithA500LeavesTheOthersAndExitsOne() throws Exception {
        try (OpenAiChatTestServer server = OpenAiChatTestServer.start()) {
            server.models("r1-distill");
            server.respond(request -> switch (request.json().path("reasoning_effort").asText()) {
                case "medium" -> ScriptedReply.status(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server\"}}");
                default -> OpenAiChatScript.of("r1-distill").reasoning("Think", "ing.").content("42").finish("stop")
                        .usage(20, 9, 6).done();
            });

            CliRun r = run("compare", "--engine", "openai-compatible", "--base-url", server.baseUrl().toString(),
                    "--model", "r1-distill", "--prompt", "6*7?", "--format", "json");

            assertThat(r.code()).isEqualTo(1);
            JsonNode runs = r.json().path("runs");
            assertThat(runs.get(0).path("status").asText()).isEqualTo("ok");
            assertThat(runs.get(1).path("status").asText()).isEqualTo("failed");
            assertThat(runs.get(1).path("error").asText()).isNotBlank();
            assertThat(runs.get(2).path("status").asText()).isEqualTo("ok");
            JsonNode m = runs.get(2).path("metrics");
            assertThat(m.path("thinkingTokens").asInt()).isEqualTo(6);
            assertThat(m.path("thinkingTokensSource").asText()).isEqualTo("reported");
            assertThat(m.path("answerTokens").asInt()).isEqualTo(3);
            assertThat(m.path("promptTokens").asInt()).isEqualTo(20);
        }
    }

    @Test
    void forcingBudgetsOnLlamaServerAppendWaitAndCountIt() throws Exception {
        try (LlamaServerTestServer server = new LlamaServerTestServer()) {
            server.then(ScriptStep.reply("Two", ".", "</think>"), ScriptStep.reply(" Three", ".", "</think>"),
                    ScriptStep.reply(" 3", "<|im_end|>"));

            CliRun r = run("compare", "--engine", "llama-server", "--base-url", server.baseUrl().toString(),
                    "--model", "m", "--template", "chatml-think", "--prompt", "How many r in raspberry?",
                    "--budget", "forced=force:min=4,max=50,waits=1,wait=Wait", "--format", "json");

            assertThat(r.code()).as(r.err()).isZero();
            JsonNode run = r.json().path("runs").get(0);
            assertThat(run.path("thinking").asText()).isEqualTo("Two.Wait Three.");
            assertThat(run.path("answer").asText()).contains("3");
            assertThat(run.path("metrics").path("waits").asInt()).isEqualTo(1);
            assertThat(server.bodies("/completion").get(1).path("prompt").asText()).endsWith("Two.Wait");
        }
    }

    @Test
    void templateModelLaysThePromptOutWithTheServersOwnTemplate() throws Exception {
        try (LlamaServerTestServer server = new LlamaServerTestServer()) {
            server.withChatTemplate("[USER]{% for m in messages %}{{ m.content }}{% endfor %}[/USER]"
                    + "{% if add_generation_prompt %}[BOT]{% endif %}");
            server.then(ScriptStep.reply("Two", ".", "</think>"), ScriptStep.reply(" 3", "<|im_end|>"));

            CliRun r = run("compare", "--engine", "llama-server", "--base-url", server.baseUrl().toString(),
                    "--model", "m", "--template", "model", "--prompt", "How many r in raspberry?",
                    "--budget", "capped=force:min=0,max=50", "--format", "json");

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(server.bodies("/completion").get(0).path("prompt").asText())
                    .startsWith("[USER]How many r in raspberry?[/USER][BOT]<think>");
        }
    }

    @Test
    void templateOnAChatEngineIsRejectedAsABadArgument() {
        CliRun r = run("compare", "--engine", "ollama", "--model", "m", "--prompt", "q", "--template", "s1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--template applies only to raw-continuation engines");
    }

    @Test
    void withNoEngineOrModelTheBundledMicroModelRunsItsPresetsOnTheBuiltInEngine() throws Exception {
        CliRun r = run("compare", "--prompt", "Start with 8. Add 38. Halve it. What number do you get?", "--format",
                "json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = r.json();
        assertThat(root.path("engine").asText()).isEqualTo("builtin");
        assertThat(root.path("model").asText()).isEqualTo("micro-reasoner.gguf");
        assertThat(root.path("runs").findValuesAsText("label")).containsExactly("small", "medium", "large");
        assertThat(root.path("runs").findValuesAsText("budget")).allSatisfy(b -> assertThat(b).startsWith("force:"));
        assertThat(root.path("runs").findValuesAsText("status")).containsOnly("ok");
        assertThat(root.path("runs").get(2).path("answer").asText()).isNotBlank();
    }

    @Test
    void aCorruptOrMissingGgufForTheBuiltInEngineIsBadInputBeforeAnyRun(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Path rand = java.nio.file.Files.write(dir.resolve("rand.gguf"), new byte[] {6, 1, 50, 43, 7, 9});
        CliRun corrupt = run("compare", "--engine", "builtin", "--model", rand.toString(), "--prompt", "q");
        assertThat(corrupt.code()).isEqualTo(2);
        assertThat(corrupt.err()).contains("cannot use rand.gguf:");
        CliRun missing = run("compare", "--engine", "builtin", "--model", dir.resolve("nope.gguf").toString(),
                "--prompt", "q");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.gguf: no such file");
    }
}
