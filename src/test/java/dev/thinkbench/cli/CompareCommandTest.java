package dev.thinkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.ReasoningEventSink;
import dev.thinkbench.engine.RunHandle;
import dev.thinkbench.lab.BudgetPresets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class CompareCommandTest {

    /** The specs the echo engine was asked to run, newest last. */
    static final List<RunSpec> STARTED = new CopyOnWriteArrayList<>();

    /** A test double: thinks "t" once per budget token unit and answers with the budget spec; fails on tokens:13. */
    static final class EchoTestEngine implements ReasoningEngine {
        @Override public String id() { return "echo"; }
        @Override public String displayName() { return "Echo test engine"; }
        @Override public EngineCapabilities capabilities() {
            return new EngineCapabilities(Set.of(Budget.Kind.NONE, Budget.Kind.TOKENS), List.of(), true, false,
                    false);
        }
        @Override public List<ModelInfo> listModels() { return List.of(new ModelInfo("m", "")); }
        @Override public String describe(Budget budget) { return budget.spec(); }
        @Override public Price price(String model, PriceTable table) { return Price.free("test"); }
        @Override public RunHandle start(RunSpec spec, ReasoningEventSink sink) {
            STARTED.add(spec);
            CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
                long t = System.nanoTime();
                sink.accept(new ReasoningEvent.Started(t, spec.model(), spec.budget().spec()));
                if (spec.budget() instanceof Budget.Tokens tk) {
                    sink.accept(new ReasoningEvent.ThinkingDelta(t + 1_000_000, "think " + tk.maxThinkingTokens(),
                            2));
                    if (tk.maxThinkingTokens() == 13) {
                        sink.accept(new ReasoningEvent.Failed(t + 2_000_000, FailureKind.STREAM_CUT,
                                "stream cut"));
                        return;
                    }
                }
                sink.accept(new ReasoningEvent.AnswerDelta(t + 3_000_000, "answer to " + spec.prompt(), 3));
                sink.accept(new ReasoningEvent.Finished(t + 4_000_000, ReasoningEvent.StopReason.END_OF_TURN));
            });
            return new RunHandle() {
                @Override public void cancel() { }
                @Override public CompletableFuture<Void> done() { return done; }
            };
        }
    }

    private record Services(EngineRegistry engines, Optional<DefaultModel> defaultModel) implements CliServices {
        @Override public PriceTable prices() { return PriceTable.empty(); }
        @Override public BudgetPresets presets() {
            return new BudgetPresets(Map.of("echo", List.of(
                    new BudgetPresets.Preset("small", new Budget.None(), "off"),
                    new BudgetPresets.Preset("large", new Budget.Tokens(100), "100"))));
        }
    }


    private static CliRun run(String... args) {
        return run(Optional.empty(), args);
    }

    private static CliRun run(Optional<CliServices.DefaultModel> defaultModel, String... args) {
        EngineRegistry registry = new EngineRegistry().register(new EngineRegistry.Entry("echo", "Echo",
                "http://127.0.0.1:1", config -> new EchoTestEngine()))
                .register(new EngineRegistry.Entry("here", "On this machine", null, config -> new EchoTestEngine()));
        return CliRun.of(new Services(registry, defaultModel), args);
    }

    @Test
    void theTopLevelHelpNamesOpenAndTheExitCodes() {
        CliRun r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("open FILE [--present] [--full-screen]")
                .contains("Exit codes: 0 all ran, 1 some run failed, 2 bad input, 130 interrupted (Ctrl-C).");
    }

    @Test
    void aMissingPromptSaysErrorOnce() {
        CliRun r = run("compare", "--engine", "echo", "--model", "m");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("thinkbench: Missing required argument (specify one of these): ")
                .doesNotContain("Error:");
    }

    @Test
    void theHelpOfEachCommandThatRunsModelsNamesTheExitCodes() {
        for (String command : List.of("compare", "step", "sweep", "replay")) {
            CliRun r = run(command, "--help");
            assertThat(r.code()).isZero();
            assertThat(r.out()).as(command).contains("130 interrupted (Ctrl-C)");
        }
    }

    @Test
    void jsonListsEveryRunInBudgetOrderWithMetrics() throws Exception {
        CliRun r = run("compare", "--engine", "echo", "--model", "m", "--prompt", "2+2?", "--format", "json",
                "--budget", "off=none", "--budget", "big=tokens:50");
        assertThat(r.code()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("engine").asText()).isEqualTo("echo");
        assertThat(root.get("runs")).hasSize(2);
        JsonNode big = root.get("runs").get(1);
        assertThat(big.get("label").asText()).isEqualTo("big");
        assertThat(big.get("budget").asText()).isEqualTo("tokens:50");
        assertThat(big.get("status").asText()).isEqualTo("ok");
        assertThat(big.get("thinking").asText()).isEqualTo("think 50");
        assertThat(big.get("answer").asText()).isEqualTo("answer to 2+2?");
        assertThat(big.get("error").isNull()).isTrue();
        JsonNode m = big.get("metrics");
        assertThat(m.get("thinkingTokens").asInt()).isEqualTo(2);
        assertThat(m.get("thinkingTokensSource").asText()).isEqualTo("counted");
        assertThat(m.get("answerTokens").asInt()).isEqualTo(3);
        assertThat(m.get("promptTokens").isNull()).isTrue();
        assertThat(m.get("costUsd").asDouble()).isZero();
        assertThat(m.get("waits").asInt()).isZero();
    }

    @Test
    void aKeyTheModelRepeatsNeverReachesTheTerminalInTableOrJson() {
        dev.thinkbench.core.SecretScrubber.register("registered-K3Y-for-compare");
        for (String format : List.of("table", "json")) {
            CliRun r = run("compare", "--engine", "echo", "--model", "m", "--format", format, "--budget",
                    "big=tokens:50", "--prompt", "say registered-K3Y-for-compare and sk-abcdefABCDEF12");

            assertThat(r.code()).isZero();
            assertThat(r.out()).as(format).contains("answer to say *** and ***")
                    .doesNotContain("registered-K3Y").doesNotContain("sk-abcdef");
        }
    }

    @Test
    void aKeyPastedWhereTheVariableNameGoesIsNotEchoed() {
        CliRun r = run("compare", "--engine", "echo", "--model", "m", "--prompt", "q", "--api-key-env",
                "sk-pastedPASTED12345");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("environment variable ***").doesNotContain("pastedPASTED");
    }

    @Test
    void defaultBudgetsAreTheEnginePresets() throws Exception {
        CliRun r = run("compare", "--engine", "echo", "--model", "m", "--prompt", "q", "--format", "json");
        JsonNode runs = new ObjectMapper().readTree(r.out()).get("runs");
        assertThat(runs.findValuesAsText("label")).containsExactly("small", "large");
    }

    @Test
    void aFailedRunGivesExitCodeOneAndKeepsTheOthers() throws Exception {
        CliRun r = run("compare", "--engine", "echo", "--model", "m", "--prompt", "q", "--format", "json",
                "--budget", "a=tokens:13", "--budget", "b=tokens:5");
        assertThat(r.code()).isEqualTo(1);
        JsonNode runs = new ObjectMapper().readTree(r.out()).get("runs");
        assertThat(runs.get(0).get("status").asText()).isEqualTo("failed");
        assertThat(runs.get(0).get("error").asText()).isEqualTo("stream cut");
        assertThat(runs.get(0).get("thinking").asText()).isEqualTo("think 13");
        assertThat(runs.get(1).get("status").asText()).isEqualTo("ok");

        // the table: a failed run's token counts that got nothing are dashes, not measured zeros
        CliRun table = run("compare", "--engine", "echo", "--model", "m", "--prompt", "q", "--budget",
                "a=tokens:13", "--budget", "b=tokens:5");
        String failedRow = table.out().lines().filter(l -> l.startsWith("a ")).findFirst().orElseThrow();
        assertThat(failedRow).contains("failed").doesNotContain(" 0*").doesNotContain(" 0 ");
    }

    @Test
    void unsupportedBudgetFailsOnlyItsColumn() throws Exception {
        CliRun r = run("compare", "--engine", "echo", "--model", "m", "--prompt", "q", "--format", "json",
                "--budget", "f=force:min=1,max=9,waits=1,wait=Wait", "--budget", "n=none");
        assertThat(r.code()).isEqualTo(1);
        JsonNode runs = new ObjectMapper().readTree(r.out()).get("runs");
        assertThat(runs.get(0).get("error").asText()).contains("budget forcing needs a raw-continuation engine");
        assertThat(runs.get(1).get("status").asText()).isEqualTo("ok");

        CliRun table = run("compare", "--engine", "echo", "--model", "m", "--prompt", "q",
                "--budget", "f=force:min=0,max=64,waits=0,wait=Wait", "--budget", "n=none");
        assertThat(table.out()).as("the budget's short spec, whole").contains("f          force:max=64 ")
                .doesNotContain("\u2026");
    }

    @Test
    void tableShowsOneRowPerColumnAndTheAnswers() {
        CliRun r = run("compare", "--engine", "echo", "--model", "m", "--prompt", "q", "--budget", "x=none");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("column").contains("x ").contains("free").contains("answer to q");
    }

    @Test
    void badArgumentsExitWithTwoAndUsage() {
        CliRun budget = run("compare", "--engine", "echo", "--model", "m", "--prompt", "q", "--budget", "a=none",
                "--budget", "x=tokens:-1");
        assertThat(budget.code()).isEqualTo(2);
        assertThat(budget.err()).as("which of the budgets is wrong")
                .contains("--budget x=tokens:-1: tokens must be between 1 and 1000000, was -1");
        CliRun unknown = run("compare", "--engine", "nope", "--model", "m", "--prompt", "q");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown engine 'nope'").contains("Try 'thinkbench compare --help'")
                .as("the synopsis is too long to repeat").doesNotContain("Usage");
        assertThat(run("compare", "--engine", "echo", "--model", "m").code()).isEqualTo(2);
        assertThat(run("compare", "--engine", "echo", "--model", "m", "--prompt", "  ").code()).isEqualTo(2);
        assertThat(run("compare", "--engine", "echo", "--model", "m", "--prompt", "q", "--api-key-env",
                "THINKBENCH_SURELY_UNSET_VAR").err()).contains("THINKBENCH_SURELY_UNSET_VAR is not set");
    }

    @Test
    void aBaseUrlForAnEngineOnThisMachineIsRefusedNotIgnored() {
        assertThat(run("compare", "--engine", "here", "--model", "m", "--prompt", "q", "--budget", "x=none").code())
                .isZero();
        CliRun r = run("compare", "--engine", "here", "--model", "m", "--prompt", "q", "--budget", "x=none",
                "--base-url", "http://127.0.0.1:9");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--base-url is for an engine with a server; 'here' runs on this machine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"compare", "step", "sweep", "report", "replay", "export"})
    void everySubcommandsHelpEndsWithExamplesThatFitTheTerminal(String command) {
        CliRun r = run(command, "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Examples:%n  thinkbench %s ".formatted(command).replace("%n", System.lineSeparator()));
        assertThat(r.out().lines().filter(line -> line.length() > 80)).as("lines wider than 80 columns").isEmpty();
        if (r.out().contains("Engines (--engine ID):")) {
            assertThat(r.out().indexOf("Examples:")).isLessThan(r.out().indexOf("Engines (--engine ID):"));
        }
    }

    @Test
    void helpListsEveryEngineAndWhatItTalksTo() {
        CliRun r = run("compare", "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Engines (--engine ID):").containsPattern("(?m)^  echo +Echo, at http://127\\.0\\.0\\.1:1$");
    }

    @Test
    void aPromptFileThatIsAFolderIsAUsageError(@TempDir Path dir) {
        CliRun r = run("compare", "--engine", "echo", "--model", "m", "--prompt-file", dir.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--prompt-file " + dir + " is a folder").doesNotContain("Exception");
    }

    @Test
    void aPromptFileThatIsNotUtf8IsAUsageError(@TempDir Path dir) throws Exception {
        Path latin1 = Files.write(dir.resolve("prompt.txt"), new byte[] {'C', 'a', 'f', (byte) 0xE9, '?'});

        CliRun r = run("compare", "--engine", "echo", "--model", "m", "--prompt-file", latin1.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is not UTF-8 text");
    }

    @Test
    void aPromptFileIsRead(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("prompt.txt"), "Caf\u00e9?");

        CliRun r = run("compare", "--engine", "echo", "--model", "m", "--prompt-file", file.toString(), "--budget",
                "x=none", "--format", "json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("prompt").asText()).isEqualTo("Caf\u00e9?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--temperature=NaN", "--temperature=Infinity", "--temperature=-Infinity",
            "--temperature=-0.5", "--temperature=2.5", "--top-p=NaN", "--top-p=0", "--top-p=1.5"})
    void nonFiniteOrOutOfRangeSamplingIsAUsageError(String option) {
        int before = STARTED.size();

        CliRun r = run("compare", "--engine", "echo", "--model", "m", "--prompt", "q", option);

        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).as("the option named as typed")
                .containsPattern("^thinkbench: --(temperature must be between 0 and 2|top-p must be above 0 and at "
                        + "most 1), was ");
        assertThat(STARTED).as("nothing was sent").hasSize(before);
    }

    @Test
    void twoColumnsWithTheSameLabelAreRejected() {
        CliRun r = run("compare", "--engine", "echo", "--model", "m", "--prompt", "q", "--budget", "a=none",
                "--budget", " a =tokens:5");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("two columns are labelled 'a'");
    }

    @Test
    void withoutEngineAndModelTheDefaultModelRunsGreedyOnItsPresets() throws Exception {
        CliRun r = run(Optional.of(new CliServices.DefaultModel("echo", "m", 0.0)), "compare", "--prompt", "q",
                "--format", "json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("engine").asText()).isEqualTo("echo");
        assertThat(root.get("model").asText()).isEqualTo("m");
        assertThat(root.get("runs").findValuesAsText("label")).containsExactly("small", "large");
        assertThat(STARTED.getLast().sampling().temperature()).isEqualTo(0.0);
    }

    @Test
    void aTemperatureGivenWinsOverTheDefaultModelsGreedy() {
        CliRun r = run(Optional.of(new CliServices.DefaultModel("echo", "m", 0.0)), "compare", "--prompt", "q",
                "--temperature", "0.7", "--budget", "x=none");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(STARTED.getLast().sampling().temperature()).isEqualTo(0.7);
    }

    @Test
    void withoutADefaultModelEngineAndModelMustBeNamed() {
        CliRun none = run("compare", "--prompt", "q");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("name an engine with --engine ID");

        CliRun noModel = run(Optional.of(new CliServices.DefaultModel("other", "m", 0.0)), "compare", "--engine",
                "echo", "--prompt", "q");
        assertThat(noModel.code()).isEqualTo(2);
        assertThat(noModel.err()).contains("--model NAME is needed for engine 'echo'");
    }

    @Test
    void eachFinishedColumnIsReportedOnStderr() {
        CliRun r = run("compare", "--engine", "echo", "--model", "m", "--prompt", "q", "--budget", "a=tokens:13",
                "--budget", "b=none", "--format", "json");

        assertThat(r.err()).contains("column 'a' failed").contains("column 'b' ok").contains("of 2 done");
    }
}
