package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.Trace;
import dev.thinkbench.core.Worded;
import dev.thinkbench.lab.strategy.Candidate;

import java.time.Duration;
import java.util.List;

/**
 * What a sweep reports as it goes, to a {@link SweepListener}: for a progress bar, a results table and charts that
 * grow as results arrive, live traces of the calls in flight, and a log of backoffs and dropped endpoints. Every
 * sweep ends with exactly one {@link Ended}.
 */
public sealed interface SweepEvent {

    /**
     * The sweep began.
     *
     * @param resumed results already in the file for this plan (ok and failed), which tables and charts start with
     */
    record Started(SweepProgress progress, List<SweepRecord> resumed) implements SweepEvent {
        public Started {
            resumed = List.copyOf(resumed);
        }
    }

    /**
     * The sweep loads its model on {@code endpoint} before any run starts (an engine that loads models here, as the
     * built-in one does), so that no run's time includes the load. Followed by {@link ModelLoaded}.
     */
    record ModelLoading(String endpoint, String model) implements SweepEvent {
    }

    /**
     * The load that {@link ModelLoading} announced ended; the runs start now.
     *
     * @param loadMs how long the load took, null when the model was loaded already or the load failed
     * @param error why the model could not be loaded (its runs then fail with that), null when it is loaded
     */
    record ModelLoaded(String endpoint, String model, Long loadMs, String error) implements SweepEvent {
    }

    /** A run began. */
    record RunStarted(RunKey key) implements SweepEvent {
    }

    /**
     * One engine call of a run began on {@code endpoint}: a candidate, a judge prompt, a probe session or the single
     * call. {@code recorder} folds its events (thread-safe): read its trace for a live view.
     */
    record CallStarted(RunKey key, String endpoint, String budget, RunRecorder recorder) implements SweepEvent {
    }

    /** A call failed and is tried again after {@code delay}. */
    record Backoff(RunKey key, String endpoint, FailureKind kind, String message, Duration delay, int attempt)
            implements SweepEvent {
    }

    /**
     * A run in flight went back to the queue unfinished because every endpoint was dropped (a sweep that pauses for
     * that, {@link SweepRunner.Options#pauseWhenNoEndpoint}); it runs again once resumed. Said for every such run,
     * the first of which also pauses the sweep.
     */
    record RunGivenBack(RunKey key, SweepProgress progress) implements SweepEvent {
    }

    /** An endpoint failed too often and gets no more runs. */
    record EndpointDropped(String endpoint, String reason) implements SweepEvent {
    }

    /**
     * A run finished and its result line was written.
     *
     * @param trace the chosen call's trace (what a cell opens)
     * @param metrics the chosen call's numbers (tokens with their source, latencies, cost), for the same view
     * @param candidates best-of-N candidates or adaptive probes, empty for a single run
     * @param note how the strategy picked, for people; null when it has nothing to say
     */
    record RunFinished(SweepRecord record, Trace trace, RunMetrics metrics, List<Candidate> candidates, Worded note,
                       SweepProgress progress) implements SweepEvent {
        public RunFinished {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * The sweep paused: no run starts until resumed; runs in flight finish.
     *
     * @param noEndpointLeft why, when the sweep paused itself because every endpoint was dropped (the drop reasons);
     *                       null when pausing was asked for
     */
    record Paused(SweepProgress progress, String noEndpointLeft) implements SweepEvent {

        public Paused(SweepProgress progress) {
            this(progress, null);
        }
    }

    record Resumed(SweepProgress progress) implements SweepEvent {
    }

    /** A result could not be written to the file; it is kept in memory and the sweep goes on. */
    record WriteFailed(RunKey key, String message) implements SweepEvent {
    }

    /** The sweep ended: every run finished, or it was cancelled. The last event. */
    record Ended(SweepOutcome outcome, SweepProgress progress) implements SweepEvent {
    }
}
