package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.RunRecorder;

import java.time.Duration;

/** What the calls of one run tell the sweep as they happen. Called on the worker thread; must not throw. */
interface CallObserver {

    /** A call began on {@code endpoint}; {@code recorder} folds its events (live, thread-safe). */
    void callStarted(String endpoint, String budgetSpec, RunRecorder recorder);

    /** A call failed with {@code kind} and is tried again after {@code delay}. */
    void backoff(String endpoint, FailureKind kind, String message, Duration delay, int attempt);

    /** Registers something that cancels an engine call in flight; the returned action unregisters it. */
    Runnable inFlight(Runnable cancel);
}
