package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.strategy.FixedStrategy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A results file of another sweep is refused naming only the settings that differ. */
class ResumeCheckTest {

    @Test
    void onlyTheSettingsThatDifferAreNamed() {
        assertThat(ResumeCheck.otherSettings("m.gguf, temperature 0, seed 3", "other.gguf, temperature 0, seed 3"))
                .isEqualTo("its runs were made with model m.gguf; this sweep runs with model other.gguf");
        assertThat(ResumeCheck.otherSettings("m, temperature 0.8, seed 3", "m, temperature the engine's"))
                .isEqualTo("its runs were made with temperature 0.8 and seed 3; this sweep runs with temperature "
                        + "the engine's and no seed");
        assertThat(ResumeCheck.otherSettings("m, temperature 0, answer cap 64",
                "m, temperature 0, top-p 0.9, answer cap 128, system prompt 1a2b3c4d"))
                .isEqualTo("its runs were made with no top-p, answer cap 64 and no system prompt; this sweep runs "
                        + "with top-p 0.9, answer cap 128 and system prompt 1a2b3c4d");
    }

    @Test
    void aModelNameWithACommaStaysWhole() {
        assertThat(ResumeCheck.otherSettings("qwen3, 8b, temperature 0", "qwen3, 4b, temperature 0"))
                .isEqualTo("its runs were made with model qwen3, 8b; this sweep runs with model qwen3, 4b");
    }

    private static SweepPlan plan(String model, Integer contextSize) {
        return new SweepPlan(List.of(BenchProblem.of("p", "2+2?", "4")),
                List.of(new Lane("small", BudgetSpec.parse("tokens:8"))), 1, List.of(new FixedStrategy()), model, "",
                new Sampling(0.0, null, null, null), contextSize);
    }

    private static List<SweepRecord> runOf(SweepPlan plan) {
        return runMadeWith(plan.ranWith());
    }

    private static List<SweepRecord> runMadeWith(String ranWith) {
        return List.of(new SweepRecord("p", "small", "tokens:8", "fixed", 0, "ok", "4", "4", true, 8, 2, 30L, 0.0,
                "builtin", null).withRanWith(ranWith));
    }

    @Test
    void runsMadeAtAnotherContextSizeAreAnotherSweepsAsRunsAtAnotherTemperatureAre() {
        SweepPlan at4096 = plan("m.gguf", 4096);

        assertThat(ResumeCheck.otherSweep(at4096, runOf(at4096))).isEmpty();
        assertThat(ResumeCheck.otherSweep(at4096, runOf(plan("m.gguf", 8192))))
                .contains("its runs were made with context 8192; this sweep runs with context 4096");
        assertThat(ResumeCheck.otherSweep(at4096, runOf(plan("other.gguf", 512))))
                .contains("its runs were made with model other.gguf and context 512; this sweep runs with model "
                        + "m.gguf and context 4096");
        assertThat(ResumeCheck.otherSweep(plan("qwq", null), runOf(at4096)))
                .as("an engine with a server names no context of its own")
                .contains("its runs were made with model m.gguf and context 4096; this sweep runs with model qwq and "
                        + "the server's context");
    }

    @Test
    void runsWrittenBeforeResultsNamedTheContextSizeBelongToTheSweepAtAnyContextSize() {
        SweepPlan at4096 = plan("m.gguf", 4096);
        List<SweepRecord> old = runMadeWith("m.gguf, temperature 0");

        assertThat(ResumeCheck.otherSweep(at4096, old)).isEmpty();
        assertThat(ResumeCheck.otherSweep(plan("m.gguf", 512), old)).isEmpty();
        assertThat(ResumeCheck.otherSweep(plan("other.gguf", 4096), old)).as("only the context size is unsaid")
                .isEqualTo(Optional.of("its runs were made with model m.gguf; this sweep runs with model other.gguf"));
    }
}
