package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.SweepProgress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress line never goes back to a snapshot older than the one it shows (events queue in any order). */
class ProgressOrderTest {

    private static SweepProgress snapshot(int finished, int running, long elapsedMs) {
        return new SweepProgress(12, finished, 0, finished, 0, running, elapsedMs, null, false);
    }

    @Test
    void anOlderSnapshotQueuedLastIsNotShown() {
        SweepProgress four = snapshot(4, 0, 900);
        assertThat(ExperimentsViewModel.notOlder(four, null)).isTrue();
        assertThat(ExperimentsViewModel.notOlder(snapshot(2, 2, 800), four)).as("fewer finished").isFalse();
        assertThat(ExperimentsViewModel.notOlder(snapshot(4, 1, 850), four)).as("as many, taken earlier").isFalse();
        assertThat(ExperimentsViewModel.notOlder(snapshot(4, 1, 900), four)).as("as many, same time").isTrue();
        assertThat(ExperimentsViewModel.notOlder(snapshot(5, 3, 950), four)).isTrue();
    }
}
