package dev.thinkbench.lab.export;

import dev.thinkbench.lab.sweep.SweepRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report's settings table of a sweep, read from its results: the built-in engine's context size is one of its rows;
 * runs of an engine with a server, and lines written before results named the context size, have no such row.
 */
class SweepSettingsTest {

    private static List<SweepRecord> runsMadeWith(String endpoint, String ranWith) {
        return List.of(new SweepRecord("p", "small", "tokens:8", "fixed", 0, "ok", "4", "4", true, 8, 2, 30L, 0.0,
                endpoint, null).withRanWith(ranWith));
    }

    private static List<String> row(SweepSettings settings, String name) {
        return settings.rows().stream().filter(r -> r.getFirst().equals(name)).findFirst().orElse(null);
    }

    @Test
    void theBuiltinEnginesContextSizeIsARowBesideTheSampling() {
        SweepSettings s = SweepSettings.of(runsMadeWith("builtin",
                "micro-reasoner.gguf, temperature 0, seed 3, answer cap 64, context 4096"), "runs.jsonl");

        assertThat(s.model()).isEqualTo("micro-reasoner.gguf");
        assertThat(row(s, "Context")).containsExactly("Context", "4096 tokens");
        assertThat(s.rows()).extracting(List::getFirst).containsSubsequence("Model", "Engine", "Temperature", "Seed",
                "Answer cap", "Context", "Budgets");
    }

    @Test
    void runsOfAServerAndLinesWrittenBeforeResultsNamedTheContextHaveNoContextRow() {
        SweepSettings server = SweepSettings.of(runsMadeWith("http://127.0.0.1:8080", "qwq, temperature 0.6"),
                "runs.jsonl");
        SweepSettings old = SweepSettings.of(runsMadeWith("builtin", "micro-reasoner.gguf, temperature 0"),
                "runs.jsonl");

        for (SweepSettings s : List.of(server, old)) {
            assertThat(row(s, "Context")).isNull();
            assertThat(row(s, "Temperature")).isNotNull();
        }
    }

    @Test
    void runsMadeAtTwoContextSizesAreEachSaidWhole() {
        List<SweepRecord> both = new java.util.ArrayList<>(
                runsMadeWith("builtin", "m.gguf, temperature 0, context 512"));
        both.add(new SweepRecord("q", "small", "tokens:8", "fixed", 0, "ok", "4", "4", true, 8, 2, 30L, 0.0,
                "builtin", null).withRanWith("m.gguf, temperature 0, context 4096"));

        assertThat(row(SweepSettings.of(both, "runs.jsonl"), "Made with")).containsExactly("Made with",
                "m.gguf, temperature 0, context 512; m.gguf, temperature 0, context 4096");
    }

    @Test
    void linesWrittenBeforeResultsNamedTheContextAreOfTheResumedSweepThatNamesIt() {
        // a sweep begun before results named the context size and resumed after: one sweep to the resume check
        List<SweepRecord> resumed = new java.util.ArrayList<>(runsMadeWith("builtin", "m.gguf, temperature 0"));
        resumed.add(new SweepRecord("q", "small", "tokens:8", "fixed", 0, "ok", "4", "4", true, 8, 2, 30L, 0.0,
                "builtin", null).withRanWith("m.gguf, temperature 0, context 4096"));

        SweepSettings s = SweepSettings.of(resumed, "runs.jsonl");

        assertThat(s.model()).isEqualTo("m.gguf");
        assertThat(row(s, "Made with")).isNull();
        assertThat(row(s, "Context")).containsExactly("Context", "4096 tokens");
    }
}
