package dev.thinkbench.engine;

import java.util.concurrent.CompletableFuture;

/**
 * A run in flight. {@link #cancel()} may be called from any thread, any number of times; the engine then emits
 * {@code Cancelled} (unless the run already ended) and completes {@link #done()}.
 */
public interface RunHandle {

    void cancel();

    /** Completes (never exceptionally) after the run's last event was delivered to the sink. */
    CompletableFuture<Void> done();
}
