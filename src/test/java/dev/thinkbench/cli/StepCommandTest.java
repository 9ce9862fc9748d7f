package dev.thinkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.raw.RawBackendKinds;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.testing.LlamaServerTestServer;
import dev.thinkbench.testing.ScriptStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StepCommandTest {

    private final LlamaServerTestServer server = new LlamaServerTestServer();

    private record Services() implements CliServices {
        @Override public PriceTable prices() { return PriceTable.empty(); }
        @Override public EngineRegistry engines() {
            EngineRegistry registry = new EngineRegistry();
            RawBackendKinds.standard().forEach(registry::register);
            return registry;
        }
        @Override public BudgetPresets presets() { return new BudgetPresets(Map.of()); }
    }


    @AfterEach
    void stop() {
        server.close();
    }

    private static CliRun run(String... args) {
        return CliRun.of(new Services(), args);
    }

    private void scriptRaspberry() {
        server.then(ScriptStep.reply("Two", ".", "</think>"), ScriptStep.reply(" Let", " me", " see", ".", "</think>"),
                ScriptStep.reply(" r,", " r,", " r", ".", "</think>"), ScriptStep.reply(" Three", ".", "</think>"),
                ScriptStep.reply(" 3", "<|im_end|>"));
    }

    @Test
    void scriptedActionsPrintTheTimelineAsJson() throws Exception {
        scriptRaspberry();

        CliRun r = run("step", "--engine", "llama-server", "--base-url", server.baseUrl().toString(), "--model", "m",
                "--prompt", "How many r in raspberry?", "--actions", "wait,wait,insert:Hmm,answer", "--wait-text",
                "Wait|Hmm", "--format", "json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode branch = root.path("branches").get(0);
        assertThat(root.path("state").asText()).isEqualTo("done");
        assertThat(branch.path("steps")).hasSize(5);
        assertThat(branch.path("steps").findValuesAsText("inserted")).containsExactly("", "Wait", "Hmm", "Hmm",
                "\n</think>\nFinal Answer:");
        assertThat(branch.path("answer").asText()).isEqualTo(" 3");
        assertThat(server.prompts().get(3)).endsWith("<think>\nTwo.Wait Let me see.Hmm r, r, r.Hmm");
    }

    @Test
    void theTextTimelineShowsEachStepAndTheAnswer() {
        scriptRaspberry();

        CliRun r = run("step", "--engine", "llama-server", "--base-url", server.baseUrl().toString(), "--model", "m",
                "--prompt", "How many r in raspberry?", "--actions", "wait,wait,wait,answer");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("branch 1: done").contains("wait").contains("answer (forced)")
                .contains("answer: \"3\" \u2014 answer forced after 16 thinking tokens");
    }

    @Test
    void aForkedBranchsSharedStepsSayTheyRanOnItsParent() {
        server.then(ScriptStep.reply("Two", ".", "</think>"), ScriptStep.reply(" 2", "<|im_end|>"),
                ScriptStep.reply(" Let", " me", " see", ".", "</think>"));

        CliRun r = run("step", "--engine", "llama-server", "--base-url", server.baseUrl().toString(), "--model", "m",
                "--prompt", "How many r in raspberry?", "--actions", "fork,answer,branch:1,wait");

        assertThat(r.out()).as(r.err()).contains("branch 2 (forked from branch 1 after step 1)");
        String second = r.out().substring(r.out().indexOf("branch 2 ("));
        assertThat(second).containsPattern("(?m)^  1 +think +\"\" +\\d+ +shared +shared ");
        String first = r.out().substring(r.out().indexOf("\nbranch 1"), r.out().indexOf("branch 2 ("));
        assertThat(first).doesNotContain("shared");
    }

    @Test
    void anActionThatDoesNotFitIsReportedAndExitsOne() {
        server.then(ScriptStep.reply("Two", ".", "</think>"), ScriptStep.reply("2"));

        CliRun r = run("step", "--engine", "llama-server", "--base-url", server.baseUrl().toString(), "--model", "m",
                "--prompt", "q", "--actions", "continue,wait");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("error: wait: cannot wait now: the answer is written (undo or fork first)");
    }

    @Test
    void aBranchThatIsNotThereIsBadInputToldWithTheBranchesThatAreBeforeAnyStepRuns() {
        CliRun r = run("step", "--engine", "llama-server", "--base-url", server.baseUrl().toString(), "--model", "m",
                "--prompt", "q", "--actions", "branch:7,answer");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("thinkbench: branch:7: no branch 7 at that point of the script (the branches "
                + "are 1; each fork before it adds the next)");
        assertThat(r.out()).isEmpty();
        assertThat(server.requests()).as("no step ran").isEmpty();

        CliRun zero = run("step", "--engine", "llama-server", "--base-url", server.baseUrl().toString(), "--model",
                "m", "--prompt", "q", "--actions", "fork,branch:0");
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).contains("branch:0: no branch 0 at that point of the script (the branches are 1, 2;");
    }

    @Test
    void aFailedStepSaysFailedOnce() {
        server.then(ScriptStep.reply("Two", ".", "</think>"), new ScriptStep.Status(500,
                "{\"error\":{\"code\":500,\"message\":\"out of memory\"}}"));

        CliRun r = run("step", "--engine", "llama-server", "--base-url", server.baseUrl().toString(), "--model", "m",
                "--prompt", "q", "--actions", "wait,answer");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^branch 1: failed: ").doesNotContain("failed \u2014 failed");
    }

    @Test
    void theHelpsExamplesUseBranchesThatExist() {
        assertThat(run("step", "--help").out()).contains("--actions fork,wait,branch:1,continue")
                .doesNotContain("branch:0");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(run("step", "--engine", "vllm", "--model", "m", "--prompt", "q", "--actions", "wait").err())
                .contains("unknown engine 'vllm' (raw engines: llama-server, openai-completions");
        CliRun badTemplate = run("step", "--engine", "llama-server", "--model", "m", "--prompt", "q", "--actions",
                "wait", "--template", "llama3");
        assertThat(badTemplate.code()).isEqualTo(2);
        assertThat(badTemplate.err()).contains("unknown chat template 'llama3' (known: chatml-think");
        assertThat(run("step", "--engine", "llama-server", "--model", "m", "--prompt", "q", "--actions",
                "wiat").err()).contains("unknown step action 'wiat'");
    }

    @Test
    void anOptionOutOfRangeIsNamedAsTyped() {
        Map<String, String> cases = Map.of(
                "--max-thinking=0", "thinkbench: --max-thinking must be between 1 and 1000000, was 0",
                "--max-answer=0", "thinkbench: --max-answer must be at least 1, was 0",
                "--timeout=0", "thinkbench: --timeout must be at least 1 second",
                "--temperature=2.5", "thinkbench: --temperature must be between 0 and 2, was 2.5",
                "--top-p=0", "thinkbench: --top-p must be above 0 and at most 1, was 0.0");
        cases.forEach((option, message) -> {
            CliRun r = run("step", "--engine", "llama-server", "--base-url", server.baseUrl().toString(), "--model",
                    "m", "--prompt", "q", "--actions", "wait", option);
            assertThat(r.code()).as(option).isEqualTo(2);
            assertThat(r.err()).as(option).startsWith(message);
        });
        assertThat(server.requests()).as("no step ran").isEmpty();
    }

    @Test
    void aScriptThatEndsWithoutAnAnswerSaysWhy() throws Exception {
        server.then(ScriptStep.reply("Two", ".", "</think>"));

        CliRun r = run("step", "--engine", "llama-server", "--base-url", server.baseUrl().toString(), "--model", "m",
                "--prompt", "q", "--actions", "undo", "--format", "json");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("thinkbench: step: the script ended without an answer")
                .contains("back at its start after 'undo'").contains("End the actions with answer");
        assertThat(new ObjectMapper().readTree(r.out()).path("error").asText())
                .startsWith("the script ended without an answer");
    }

    @Test
    void helpListsTheRawEnginesAndWhatTheyTalkTo() {
        CliRun r = run("step", "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Engines (--engine ID):")
                .containsPattern("(?m)^  llama-server +llama\\.cpp's llama-server, raw /completion")
                .contains("at http://127.0.0.1:8080").doesNotContain("  ollama  ")
                .contains("deepseek-prefix");
    }

    @Test
    void helpListsEveryTemplateItAccepts() {
        CliRun r = run("step", "--help");

        assertThat(r.out().replaceAll("\\s+", " "))
                .contains("chatml-think, deepseek-r1, s1, qwen3, gpt-oss, model (the model's own");
    }

    /** A user trial: "--wait-text '|'" ran the session with no Wait text at all. */
    @Test
    void aWaitTextListWithNoTextIsAUsageError() {
        for (String waits : List.of("|", " | ", "")) {
            CliRun r = run("step", "--engine", "llama-server", "--model", "m", "--prompt", "q", "--actions", "wait",
                    "--wait-text", waits);

            assertThat(r.code()).as("--wait-text '%s'", waits).isEqualTo(2);
            assertThat(r.err()).contains("--wait-text has no text");
        }
    }

    @Test
    void anEmptyActionListIsAUsageError() {
        CliRun r = run("step", "--engine", "llama-server", "--model", "m", "--prompt", "q", "--actions", " , ");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--actions is empty");
    }
}
