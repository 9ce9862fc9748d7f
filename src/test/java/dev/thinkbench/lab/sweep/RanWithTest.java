package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.strategy.FixedStrategy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a sweep ran with, as its plan words it, a result line keeps it and {@link RanWith} reads it back: the built-in
 * engine's context size among it, an engine with a server's left out, and lines written before results named it
 * still read.
 */
class RanWithTest {

    private static SweepPlan plan(Integer contextSize) {
        return new SweepPlan(List.of(BenchProblem.of("p", "2+2?", "4")),
                List.of(new Lane("small", BudgetSpec.parse("tokens:8"))), 1, List.of(new FixedStrategy()),
                "/models/micro-reasoner.gguf", "Be brief", new Sampling(0.0, null, 3L, 64), contextSize);
    }

    private static SweepRecord record(String ranWith) {
        return new SweepRecord("p", "small", "tokens:8", "fixed", 0, "ok", "4", "4", true, 8, 2, 30L, 0.0,
                "builtin", null).withRanWith(ranWith);
    }

    @Test
    void theBuiltinEnginesContextSizeIsNamedAndReadBack() {
        String ranWith = plan(4096).ranWith();

        assertThat(ranWith).startsWith("micro-reasoner.gguf, temperature 0, seed 3, answer cap 64, context 4096, "
                + "system prompt ");
        assertThat(RanWith.parts(ranWith)).containsEntry(RanWith.MODEL, "micro-reasoner.gguf")
                .containsEntry(RanWith.CONTEXT, "4096").containsEntry("answer cap", "64")
                .containsEntry("seed", "3");
    }

    @Test
    void aPlanWithoutAContextSizeNamesNoneNotZero() {
        SweepPlan server = plan(null);

        assertThat(server.ranWith()).doesNotContain("context");
        assertThat(RanWith.parts(server.ranWith())).containsEntry(RanWith.CONTEXT, null);
        assertThat(server.withContextSize(512).ranWith()).contains(", context 512, ");
        assertThat(server.withContextSize(512).withContextSize(null)).isEqualTo(server);
        assertThatThrownBy(() -> plan(0)).hasMessageContaining("context size");
    }

    @Test
    void aResultLineKeepsTheContextSizeAndOneWrittenBeforeResultsNamedItStillLoads() {
        SweepRecord builtin = record(plan(8192).ranWith());
        String line = SweepRecordJson.line(builtin);

        assertThat(line).contains(", context 8192, ");
        assertThat(SweepRecordJson.parse(line)).isEqualTo(builtin);

        SweepRecord server = record(plan(null).ranWith());
        assertThat(SweepRecordJson.parse(SweepRecordJson.line(server))).isEqualTo(server);

        // written before results named the context size, and before they named the model and sampling at all
        SweepRecord old = SweepRecordJson.parse("{\"problemId\":\"p\",\"label\":\"small\",\"budget\":\"tokens:8\","
                + "\"strategy\":\"fixed\",\"sample\":0,\"status\":\"ok\",\"answer\":\"4\",\"expected\":\"4\","
                + "\"correct\":true,\"thinkingTokens\":8,\"answerTokens\":2,\"totalMs\":30,\"costUsd\":0.0,"
                + "\"endpoint\":\"builtin\",\"error\":null,"
                + "\"ranWith\":\"micro-reasoner.gguf, temperature 0, seed 3\"}");
        assertThat(old).isEqualTo(record("micro-reasoner.gguf, temperature 0, seed 3"));
        assertThat(RanWith.parts(old.ranWith())).containsEntry(RanWith.CONTEXT, null)
                .containsEntry(RanWith.MODEL, "micro-reasoner.gguf");
        SweepRecord older = SweepRecordJson.parse("{\"problemId\":\"p\",\"label\":\"small\",\"budget\":\"tokens:8\","
                + "\"strategy\":\"fixed\",\"status\":\"ok\",\"someday\":\"a field of a later version\"}");
        assertThat(older.ranWith()).isEmpty();
    }
}
