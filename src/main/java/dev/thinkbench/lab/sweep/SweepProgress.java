package dev.thinkbench.lab.sweep;

/**
 * Where a sweep stands, for a progress bar.
 *
 * @param total runs in the plan
 * @param finished runs with a result (ok or failed), resumed ones included
 * @param failed of those, failed or cancelled
 * @param graded ok runs with a gradable answer
 * @param correct of those, correct
 * @param running runs in flight now
 * @param elapsedMs time this sweep has been running, pauses excluded
 * @param etaMs estimated time to the end from this session's pace, null until a run has finished here
 * @param paused whether the sweep is paused (runs in flight still finish)
 */
public record SweepProgress(int total, int finished, int failed, int graded, int correct, int running,
                            long elapsedMs, Long etaMs, boolean paused) {

    /** Finished share from 0 to 1. */
    public double fraction() {
        return total == 0 ? 1 : (double) finished / total;
    }
}
