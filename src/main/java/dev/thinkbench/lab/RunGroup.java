package dev.thinkbench.lab;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Columns' runs that belong together and are shown or printed together: a live {@link Comparison} or a
 * {@link Replay} of a recorded one. Whoever shows them cannot tell which. Thread-safe.
 */
public interface RunGroup {

    /** The runs, in column order. */
    List<LaneRun> runs();

    /** Ends every run still going; what arrived is kept. */
    void cancelAll();

    /** Completes when every run has ended. */
    CompletableFuture<Void> done();
}
