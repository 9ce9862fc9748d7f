package dev.thinkbench.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (listing models, reading files) off the UI thread and hands the outcome back on the UI thread.
 * Production uses {@link FxBackgroundTasks}; tests may run everything on the calling thread.
 */
public interface BackgroundTasks {

    /**
     * Runs {@code work} on a background thread, then exactly one of {@code onSuccess} or {@code onFailure} on the UI
     * thread. Never throws; the callbacks must not throw either.
     */
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure);

    /** Stops the worker threads; work in progress is abandoned. */
    default void shutdown() {
    }
}
