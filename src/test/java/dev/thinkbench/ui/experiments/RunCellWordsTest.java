package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.SweepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A run cell's text and tooltip: a local run's cost reads free, a priced one in dollars, an unknown one says so. */
@ExtendWith(ApplicationExtension.class) // the table's cell styles need JavaFX started
class RunCellWordsTest {

    private static SweepRecord run(Double cost) {
        return new SweepRecord("p1", "small", "tokens:8", "fixed", 0, "ok", "1", "1", true, 8, 2, 1200L, cost, "e",
                null);
    }

    @Test
    void costReadsFreeForALocalRunAndInDollarsOtherwise() {
        assertThat(ResultsTable.describe(ResultCell.of(run(0.0)))).contains("\u00b7 cost free")
                .doesNotContain("$0.000000");
        assertThat(ResultsTable.describe(ResultCell.of(run(0.00042)))).contains("cost $0.000420");
        assertThat(ResultsTable.describe(ResultCell.of(run(null)))).contains("cost unknown");
        assertThat(ResultsTable.cellText(ResultCell.of(run(0.0)))).isEqualTo("\u2713 8t 1.2s");
        assertThat(ResultsTable.cellText(ResultCell.of(run(0.0012)))).isEqualTo("\u2713 8t 1.2s $0.0012");
    }

    @Test
    void aRunUnderASecondShowsMillisecondsNotZeroSeconds() {
        SweepRecord quick = new SweepRecord("p1", "small", "tokens:8", "fixed", 0, "ok", "1", "1", true, 8, 2, 36L,
                0.0, "e", null);
        assertThat(ResultsTable.cellText(ResultCell.of(quick))).isEqualTo("\u2713 8t 36ms");
    }

    @Test
    void computeSaysWhatItCountsForTheRunsStrategy() {
        assertThat(ResultsTable.describe(ResultCell.of(run(0.0)))).contains("compute 8 tokens (its thinking)");
        SweepRecord vote = new SweepRecord("p1", "small", "tokens:8", "majority", 0, "ok", "1", "1", true, 40, 2,
                1200L, 0.0, "e", null);
        assertThat(ResultsTable.describe(ResultCell.of(vote)))
                .contains("compute 40 tokens (every candidate's thinking and the answers not chosen)");
        assertThat(RunWords.computeOf("adaptive")).isEqualTo("its thinking and the answer probes");
    }
}
