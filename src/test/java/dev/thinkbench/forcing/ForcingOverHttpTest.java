package dev.thinkbench.forcing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.ForcingPlan;
import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.testing.ScriptedTestBackend;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.raw.DeepSeekPrefixBackend;
import dev.thinkbench.engine.raw.LlamaServerBackend;
import dev.thinkbench.engine.raw.OllamaRawBackend;
import dev.thinkbench.engine.raw.OpenAiCompletionsBackend;
import dev.thinkbench.engine.RawBackendSpec;
import dev.thinkbench.testing.DeepSeekTestServer;
import dev.thinkbench.testing.LlamaServerTestServer;
import dev.thinkbench.testing.OllamaTestServer;
import dev.thinkbench.testing.OpenAiCompletionsTestServer;
import dev.thinkbench.testing.ScriptStep;
import dev.thinkbench.testing.SimulatedModel;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** s1 forcing end to end over real loopback HTTP: the exact request sequence on each raw protocol. */
class ForcingOverHttpTest {

    private static final String BASE = "<|im_start|>user\nHow many r in raspberry?<|im_end|>\n"
            + "<|im_start|>assistant\n<think>\n";
    private static final ForcingPlan TWO_WAITS = new ForcingPlan(30, 40, 2, List.of("Wait", "Hmm"), null);

    private static ForcingOutcome force(dev.thinkbench.engine.CompletionBackend backend, ForcingPlan plan,
                                        Events events) {
        return new BudgetForcer(backend, ChatTemplates.CHATML_THINK).run(
                new ForcingRun("", "How many r in raspberry?", "m", plan, null, "force"), events, new CancelToken());
    }

    private static RawBackendSpec spec(URI base, String key, String model) {
        return new RawBackendSpec(base, key, model, Duration.ofSeconds(5));
    }

    private static ScriptStep[] raspberry() {
        return new ScriptStep[] {
            ScriptStep.reply("Two", " r", "'s", ".", "</think>", "\n", "2"),
            ScriptStep.reply(" Let", " me", " recount", ".", "</think>"),
            ScriptStep.endless(60),
            ScriptStep.reply(" 3", "<|im_end|>")};
    }

    @Test
    void llamaServerPromptsGrowByTheWaitTextAndCapsShrink() {
        try (LlamaServerTestServer server = new LlamaServerTestServer()) {
            server.then(raspberry());
            Events events = new Events();

            ForcingOutcome out = force(new LlamaServerBackend(spec(server.baseUrl(), null, "")), TWO_WAITS, events);

            List<JsonNode> bodies = server.bodies("/completion");
            assertThat(server.prompts()).containsExactly(
                    BASE,
                    BASE + "Two r's.Wait",
                    BASE + "Two r's.Wait Let me recount.Hmm",
                    BASE + "Two r's.Wait Let me recount.Hmm" + " t".repeat(30) + "\n</think>\nFinal Answer:");
            assertThat(bodies).extracting(b -> b.path("n_predict").asInt()).containsExactly(40, 35, 30, 2048);
            assertThat(bodies.get(0).path("stop").toString()).isEqualTo("[\"</think>\",\"<|im_end|>\"]");
            assertThat(bodies.get(3).path("stop").toString()).isEqualTo("[\"<|im_end|>\"]");
            assertThat(bodies).allSatisfy(b -> assertThat(b.path("cache_prompt").asBoolean()).isTrue());
            assertThat(out.steps()).extracting(StepRecord::promptTokensEvaluated).doesNotContainNull();
            assertThat(out.steps().get(1).promptTokensEvaluated()).isEqualTo(1);
            assertThat(events.interventions()).extracting(ReasoningEvent.Intervention::kind).containsExactly(
                    InterventionKind.WAIT_INSERTED, InterventionKind.WAIT_INSERTED, InterventionKind.ANSWER_FORCED);
            assertThat(out.answer()).isEqualTo(" 3");
        }
    }

    @Test
    void promptTokensAreTheTemplatedPromptsSizeHoweverMuchTheCacheServed() {
        try (LlamaServerTestServer server = new LlamaServerTestServer()) {
            server.then(raspberry()).then(raspberry());
            LlamaServerBackend backend = new LlamaServerBackend(spec(server.baseUrl(), null, ""));
            Events cold = new Events();
            Events warm = new Events();

            ForcingOutcome first = force(backend, TWO_WAITS, cold);
            ForcingOutcome second = force(backend, TWO_WAITS, warm);

            int promptSize = SimulatedModel.countTokens(BASE);
            assertThat(cold.usage().promptTokens()).isEqualTo(promptSize);
            assertThat(warm.usage().promptTokens()).as("same prompt, same prompt tokens").isEqualTo(promptSize);
            assertThat(first.steps()).extracting(StepRecord::promptTokens).first().isEqualTo(promptSize);
            // the cache did differ: the first run evaluated its whole prompt, the second only its last token
            assertThat(first.steps().getFirst().promptTokensEvaluated()).isEqualTo(promptSize);
            assertThat(second.steps().getFirst().promptTokensEvaluated()).isEqualTo(1);
            assertThat(cold.usage().outputTokens())
                    .isEqualTo(first.steps().stream().mapToInt(StepRecord::tokens).sum());
        }
    }

    @Test
    void openAiCompletionsSendsTheSameSequenceWithMaxTokens() {
        try (OpenAiCompletionsTestServer server = new OpenAiCompletionsTestServer()) {
            server.then(raspberry());

            force(new OpenAiCompletionsBackend(spec(URI.create(server.baseUrl() + "/v1"), null, "sim")), TWO_WAITS,
                    new Events());

            List<JsonNode> bodies = server.bodies("/v1/completions");
            assertThat(bodies).extracting(b -> b.path("prompt").asText()).containsExactly(
                    BASE, BASE + "Two r's.Wait", BASE + "Two r's.Wait Let me recount.Hmm",
                    BASE + "Two r's.Wait Let me recount.Hmm" + " t".repeat(30) + "\n</think>\nFinal Answer:");
            assertThat(bodies).extracting(b -> b.path("max_tokens").asInt()).containsExactly(40, 35, 30, 2048);
        }
    }

    @Test
    void ollamaRawSendsTheSequenceAsRawPromptsWithNumPredict() {
        try (OllamaTestServer server = new OllamaTestServer("r1")) {
            server.then(raspberry());

            ForcingOutcome out = force(new OllamaRawBackend(spec(server.baseUrl(), null, "r1")), TWO_WAITS,
                    new Events());

            List<JsonNode> bodies = server.bodies("/api/generate");
            assertThat(bodies).allSatisfy(b -> assertThat(b.path("raw").asBoolean()).isTrue());
            assertThat(bodies).extracting(b -> b.path("options").path("num_predict").asInt())
                    .containsExactly(40, 35, 30, 2048);
            assertThat(bodies.get(3).path("prompt").asText()).endsWith("\n</think>\nFinal Answer:");
            assertThat(out.answer()).isEqualTo(" 3");
        }
    }

    @Test
    void aServerThatIgnoresStopStillGetsCutAtTheMarker() {
        try (LlamaServerTestServer server = new LlamaServerTestServer()) {
            server.ignoringStop().then(ScriptStep.reply("Two", ".", "</think>", "\n", "2", "<|im_end|>"),
                    ScriptStep.reply(" 2", "<|im_end|>", "<|im_start|>", "user"));
            Events events = new Events();

            ForcingOutcome out = force(new LlamaServerBackend(spec(server.baseUrl(), null, "")),
                    ForcingPlan.of(0, 40, 0), events);

            assertThat(server.prompts().get(1)).isEqualTo(BASE + "Two.\n</think>\n");
            assertThat(out.answer()).isEqualTo(" 2");
            assertThat(events.interventions().getLast().reason()).contains("ignored the stop string </think>");
        }
    }

    @Test
    void deepSeekPrefixCarriesTheGrowingChainOfThought() {
        try (DeepSeekTestServer server = new DeepSeekTestServer("sk-ds")) {
            server.then(ScriptStep.reply("Two", ".", "</think>", "2"), ScriptStep.reply(" Three", ".", "</think>"),
                    ScriptStep.reply("</think>", " 3"));

            ForcingOutcome out = force(new DeepSeekPrefixBackend(spec(server.betaUrl(), "sk-ds", "deepseek-reasoner")),
                    new ForcingPlan(10, 40, 1, List.of("Wait"), null), new Events());

            List<JsonNode> last = server.bodies("/beta/chat/completions").stream()
                    .map(b -> b.path("messages").get(1)).toList();
            assertThat(last).extracting(m -> m.path("reasoning_content").asText())
                    .containsExactly("", "Two.Wait", "Two.Wait Three.\n");
            assertThat(last).allSatisfy(m -> assertThat(m.path("prefix").asBoolean()).isTrue());
            assertThat(out.answer()).isEqualTo(" 3");
        }
    }

    @Test
    void everyRawProtocolCountsTheInsertedWaitsAndTokensAlike() {
        List<RunMetrics> metrics = new java.util.ArrayList<>();
        ScriptedTestBackend inProcess = new ScriptedTestBackend();
        inProcess.then("Two", " r", "'s", ".", "</think>").then(" Let", " me", " recount", ".", "</think>")
                .thenEndless(60).then(" 3", "<|im_end|>");
        metrics.add(recorded(inProcess));
        try (LlamaServerTestServer llama = new LlamaServerTestServer();
             OpenAiCompletionsTestServer completions = new OpenAiCompletionsTestServer();
             OllamaTestServer ollama = new OllamaTestServer("r1")) {
            llama.then(raspberry());
            completions.then(raspberry());
            ollama.then(raspberry());
            metrics.add(recorded(new LlamaServerBackend(spec(llama.baseUrl(), null, ""))));
            metrics.add(recorded(new OpenAiCompletionsBackend(spec(completions.baseUrl(), null, "m"))));
            metrics.add(recorded(new OllamaRawBackend(spec(ollama.baseUrl(), null, "r1"))));
        }
        assertThat(metrics).extracting(RunMetrics::waits).containsOnly(2);
        assertThat(metrics).extracting(m -> m.thinkingTokens().value()).containsOnly(metrics.getFirst()
                .thinkingTokens().value());
    }

    private static RunMetrics recorded(dev.thinkbench.engine.CompletionBackend backend) {
        RunRecorder recorder = new RunRecorder(null);
        new BudgetForcer(backend, ChatTemplates.CHATML_THINK).run(
                new ForcingRun("", "How many r in raspberry?", "m", TWO_WAITS, null, "force"), recorder::accept,
                new CancelToken());
        assertThat(recorder.status()).isEqualTo(dev.thinkbench.core.RunStatus.OK);
        return recorder.metrics(System.nanoTime());
    }
}
