package dev.thinkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.testing.AnswerTestEngine;
import dev.thinkbench.testing.AnswerTestEngine.Reply;
import dev.thinkbench.testing.ScriptedTestBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --context TOKENS} of {@code compare}, {@code step} and {@code sweep}: checked against the settings' range,
 * refused for an engine with a server, and handed to the services so the built-in engine runs at that context (which
 * a sweep's results then name, and resume only at). The
 * built-in engine here is a test double answering with the context it was made for; StepOnTheBuiltinEngineTest runs
 * the real one.
 */
@Timeout(60)
class ContextOptionTest {

    @TempDir
    Path dir;

    /** The built-in engine's context when no {@code --context} is given (the app's setting). */
    private static final int SAVED_CONTEXT = 4096;

    /** The contexts the command asked the services for. */
    private final List<Integer> asked = new ArrayList<>();

    /**
     * The built-in engine's entry at a context of {@code contextSize}, its runs answering {@code words}; it can be
     * stepped (its backend, which reports that context, refuses).
     */
    private static EngineRegistry.Entry builtin(String words, int contextSize) {
        return new EngineRegistry.Entry(LocalCompletionBackend.ID, "Built-in test", "Built-in test", null, null,
                config -> new AnswerTestEngine(LocalCompletionBackend.ID, spec -> Reply.answer(words, 2)),
                spec -> new ScriptedTestBackend().withContextSize(contextSize)
                        .thenFail(dev.thinkbench.core.FailureKind.BAD_REQUEST, words));
    }

    private static EngineRegistry registry(String builtinWords, int contextSize) {
        return new EngineRegistry().register(builtin(builtinWords, contextSize))
                .register(new EngineRegistry.Entry("server", "Server test", "http://127.0.0.1:1",
                        config -> new AnswerTestEngine("server", spec -> Reply.answer("server", 2))));
    }

    private CliServices services() {
        EngineRegistry saved = registry("the saved context", SAVED_CONTEXT);
        BudgetPresets presets = new BudgetPresets(Map.of(LocalCompletionBackend.ID,
                List.of(new BudgetPresets.Preset("small", new Budget.Tokens(8), "8"))));
        return new CliServices() {
            @Override
            public PriceTable prices() {
                return PriceTable.empty();
            }

            @Override
            public EngineRegistry engines() {
                return saved;
            }

            @Override
            public BudgetPresets presets() {
                return presets;
            }

            @Override
            public EngineRegistry enginesWithBuiltinContext(int contextSize) {
                asked.add(contextSize);
                return registry("a context of " + contextSize, contextSize);
            }
        };
    }

    private CliRun run(String... args) {
        return CliRun.of(services(), args);
    }

    private Path problems() throws Exception {
        Path file = dir.resolve("problems.jsonl");
        Files.writeString(file, "{\"id\":\"a\",\"prompt\":\"q 1\",\"answer\":\"1\"}\n");
        return file;
    }

    @Test
    void eachCommandThatCanRunTheBuiltinEngineListsTheOptionWithItsRange() {
        for (String command : List.of("compare", "step", "sweep")) {
            CliRun r = run(command, "--help");
            assertThat(r.code()).isZero();
            assertThat(r.out()).as(command).contains("--context=TOKENS").contains("Built-in engine only")
                    .contains("128 to 262144");
        }
    }

    @Test
    void compareRunsTheBuiltinEngineAtTheContextGiven() throws Exception {
        CliRun r = run("compare", "--engine", "builtin", "--model", "m", "--prompt", "q", "--context", "8192",
                "--format", "json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(asked).containsExactly(8192);
        assertThat(r.json().get("runs").get(0).get("answer").asText()).isEqualTo("a context of 8192");

        CliRun without = run("compare", "--engine", "builtin", "--model", "m", "--prompt", "q", "--format", "json");
        assertThat(without.json().get("runs").get(0).get("answer").asText()).isEqualTo("the saved context");
        assertThat(asked).as("nothing asked without --context").containsExactly(8192);
    }

    @Test
    void stepSteersTheBuiltinEngineAtTheContextGiven() {
        CliRun r = run("step", "--engine", "builtin", "--model", "m", "--prompt", "q", "--actions", "answer",
                "--template", "chatml-think", "--context", "256");

        assertThat(asked).containsExactly(256);
        assertThat(r.out() + r.err()).as("the backend of the context asked for ran").contains("a context of 256")
                .doesNotContain("the saved context");
    }

    @Test
    void sweepRunsTheBuiltinEngineAtTheContextGiven() throws Exception {
        Path out = dir.resolve("runs.jsonl");
        CliRun r = run("sweep", "--problems", problems().toString(), "--engine", "builtin", "--model", "m",
                "--context", "512", "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(asked).containsExactly(512);
        assertThat(Files.readString(out)).as("the answer as extracted").contains("\"answer\":\"512\"");
    }

    @Test
    void aSweepOnTheBuiltinEngineRecordsItsContextAndResumesOnlyAtIt() throws Exception {
        String problems = problems().toString();
        Path out = dir.resolve("runs.jsonl");
        CliRun at512 = run("sweep", "--problems", problems, "--engine", "builtin", "--model", "m", "--temperature",
                "0", "--context", "512", "--out", out.toString());

        assertThat(at512.code()).as(at512.err()).isZero();
        assertThat(Files.readString(out)).contains("\"ranWith\":\"m, temperature 0, context 512\"");
        long lines = Files.lines(out).count();

        CliRun other = run("sweep", "--problems", problems, "--engine", "builtin", "--model", "m", "--temperature",
                "0", "--context", "1024", "--out", out.toString());
        assertThat(other.code()).as(other.err()).isEqualTo(2);
        assertThat(other.err()).contains("--out runs.jsonl holds runs of another sweep: its runs were made with "
                + "context 512; this sweep runs with context 1024");
        CliRun saved = run("sweep", "--problems", problems, "--engine", "builtin", "--model", "m", "--temperature",
                "0", "--out", out.toString());
        assertThat(saved.err()).as("without --context, the app's setting")
                .contains("its runs were made with context 512; this sweep runs with context " + SAVED_CONTEXT);
        assertThat(Files.lines(out).count()).as("nothing appended").isEqualTo(lines);

        CliRun same = run("sweep", "--problems", problems, "--engine", "builtin", "--model", "m", "--temperature",
                "0", "--context", "512", "--out", out.toString());
        assertThat(same.code()).as("the same sweep resumes: " + same.err()).isZero();
        assertThat(same.err()).contains("1 of 1 runs already in the results file");
    }

    @Test
    void aSweepOnAServerRecordsNoContext() throws Exception {
        Path out = dir.resolve("server.jsonl");
        CliRun r = run("sweep", "--problems", problems().toString(), "--engine", "server", "--model", "m",
                "--temperature", "0", "--budget", "small=tokens:8", "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(out)).contains("\"ranWith\":\"m, temperature 0\"").doesNotContain("context");
    }

    @Test
    void aContextOutOfTheSettingsRangeIsABadArgument() throws Exception {
        List<List<String>> commands = List.of(
                List.of("compare", "--prompt", "q"),
                List.of("step", "--prompt", "q", "--actions", "answer"),
                List.of("sweep", "--problems", problems().toString()));
        for (List<String> command : commands) {
            for (String size : List.of("127", "262145", "-1")) {
                List<String> args = new ArrayList<>(command);
                args.addAll(List.of("--engine", "builtin", "--model", "m", "--context", size));
                CliRun r = run(args.toArray(String[]::new));
                assertThat(r.code()).as(args + "\n" + r.err()).isEqualTo(2);
                assertThat(r.err()).as(String.join(" ", args))
                        .contains("--context must be between 128 and 262144 tokens, was " + size);
            }
        }
        CliRun words = run("compare", "--prompt", "q", "--engine", "builtin", "--model", "m", "--context", "big");
        assertThat(words.code()).isEqualTo(2);
        assertThat(words.err()).contains("--context").contains("'big'");
        assertThat(asked).isEmpty();
    }

    @Test
    void anEngineWithAServerRefusesTheOptionAsItRefusesNothingElseSilently() throws Exception {
        CliRun compare = run("compare", "--engine", "server", "--model", "m", "--prompt", "q", "--context", "8192");
        CliRun sweep = run("sweep", "--problems", problems().toString(), "--engine", "server", "--model", "m",
                "--context", "8192");

        for (CliRun r : List.of(compare, sweep)) {
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains("--context is for the built-in engine, which loads the model here; "
                    + "'server' loads it on its server");
            assertThat(r.out()).isEmpty();
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void aSweepWhoseJudgeIsTheBuiltinEngineTakesTheOption() throws Exception {
        CliRun r = run("sweep", "--problems", problems().toString(), "--engine", "server", "--model", "m",
                "--strategy", "verifier", "--candidates", "2", "--judge-engine", "builtin", "--judge-model", "j",
                "--context", "1024");

        assertThat(asked).as(r.err()).containsExactly(1024);
    }
}
