package dev.thinkbench.lab.sweep;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A sweep in progress. Every method may be called from any thread (a UI's) and returns at once.
 */
public interface SweepHandle {

    /** Starts no new run until {@link #resume()}; runs in flight finish and are written. */
    void pause();

    void resume();

    /**
     * Cancels the runs in flight (their results are not written, so a resumed sweep runs them again) and starts no
     * more; {@link #done()} completes once they have stopped.
     */
    void cancel();

    boolean paused();

    SweepProgress progress();

    /** The latest result of each run finished so far, resumed ones included, in plan order. */
    List<SweepRecord> results();

    /**
     * How the sweep stands now, as {@link #done()} would complete with it had the sweep ended here: for output that
     * cannot wait for the end (a command line interrupted with Ctrl-C while a run does not take its cancellation).
     */
    SweepOutcome soFar();

    /** Completes (never exceptionally) when the sweep has ended, after the {@link SweepEvent.Ended} event. */
    CompletableFuture<SweepOutcome> done();
}
