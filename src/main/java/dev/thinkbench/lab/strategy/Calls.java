package dev.thinkbench.lab.strategy;

import dev.thinkbench.core.RunSpec;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ReasoningEventSink;

/**
 * How a strategy reaches the engines: each call is served by one endpoint under its concurrency limit, retried with
 * backoff on 429/503/529 and moved to another endpoint when one fails, and shown live to whoever watches the sweep.
 * A strategy never sees endpoints, permits or retries.
 *
 * <p>Threading: every method blocks the calling (sweep worker) thread until the call has ended; never throws for an
 * engine's failure (the {@link Call} says so); throws {@link InterruptedException} when the sweep is cancelled.
 */
public interface Calls {

    /** Runs one chat call to its end. */
    Call run(RunSpec spec) throws InterruptedException;

    /** Whether some endpoint can continue raw text (needed by adaptive thinking). */
    boolean hasRaw();

    /**
     * Runs {@code body} on an endpoint with a raw-continuation backend, under a permit of that endpoint; the body
     * emits the call's events into the sink (from {@code Started} to exactly one terminal event) and returns what it
     * learned besides. An {@link EngineException} from the body fails this attempt (retried like a chat call when
     * the failure is worth retrying). Without a raw endpoint the call fails as unsupported.
     */
    <T> RawCall<T> raw(String model, String budgetSpec, RawBody<T> body) throws InterruptedException;

    /** What a raw call does on the endpoint it was given. */
    @FunctionalInterface
    interface RawBody<T> {
        T run(RawAccess raw, ReasoningEventSink sink, CancelToken cancel) throws EngineException;
    }

    /** A raw call's outcome: the call, and the body's own value (null when the body never completed). */
    record RawCall<T>(Call call, T value) {
    }
}
