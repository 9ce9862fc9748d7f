package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ReasoningEventSink;
import dev.thinkbench.engine.RunHandle;
import dev.thinkbench.lab.strategy.Call;
import dev.thinkbench.lab.strategy.Calls;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link Calls} of one sweep run over an {@link EndpointPool}: each call takes a permit on an endpoint (the one
 * that last served the same prompt where free), runs there, and on failure is retried as the {@link RetryPolicy}
 * says: after a backoff (honouring Retry-After) for 429/5xx, at once on another endpoint when the endpoint is at
 * fault; failures count toward dropping the endpoint (rate limits do not; one that may be the prompt's, once per
 * call), and a rejected API key drops it at once: once every endpoint has rejected it, the runs left fail with the
 * same message without a request. Confined to one worker thread.
 */
final class PoolCalls implements Calls {

    /** One try on one endpoint. */
    @FunctionalInterface
    private interface Attempt<T> {
        RawCall<T> on(Endpoint endpoint, RunRecorder recorder) throws InterruptedException;
    }

    private final EndpointPool pool;
    private final RetryPolicy retry;
    private final SweepClock clock;
    private final PriceTable prices;
    private final String affinity;
    private final CallObserver observer;
    private final boolean stopWhenNoEndpoint;

    /**
     * Thrown instead of failing the call when every endpoint is dropped and the sweep pauses for that
     * ({@link SweepRunner.Options#pauseWhenNoEndpoint}): the run is not over, it runs again once resumed.
     */
    static final class NoEndpointLeft extends RuntimeException {
        NoEndpointLeft(String reasons) {
            super(reasons, null, false, false);
        }
    }

    PoolCalls(EndpointPool pool, RetryPolicy retry, SweepClock clock, PriceTable prices, String affinity,
              CallObserver observer) {
        this(pool, retry, clock, prices, affinity, observer, false);
    }

    /** @param stopWhenNoEndpoint throw {@link NoEndpointLeft} rather than fail a call when every endpoint is dropped */
    PoolCalls(EndpointPool pool, RetryPolicy retry, SweepClock clock, PriceTable prices, String affinity,
              CallObserver observer, boolean stopWhenNoEndpoint) {
        this.stopWhenNoEndpoint = stopWhenNoEndpoint;
        this.pool = pool;
        this.retry = retry;
        this.clock = clock;
        this.prices = prices;
        this.affinity = affinity;
        this.observer = observer;
    }

    @Override
    public Call run(RunSpec spec) throws InterruptedException {
        return withRetries(false, spec.model(), spec.budget().spec(), (endpoint, recorder) ->
                new RawCall<Void>(chat(endpoint, spec, recorder), null)).call();
    }

    @Override
    public boolean hasRaw() {
        return pool.anyRaw();
    }

    @Override
    public <T> RawCall<T> raw(String model, String budgetSpec, RawBody<T> body) throws InterruptedException {
        if (!pool.anyRaw()) {
            return new RawCall<>(failed(model, budgetSpec, null, FailureKind.UNSUPPORTED, "this strategy needs a "
                    + "raw-continuation engine (built-in, llama.cpp server, vLLM completions, Ollama raw, DeepSeek "
                    + "prefix): a chat engine cannot fork a trace"), null);
        }
        return withRetries(true, model, budgetSpec, (endpoint, recorder) -> rawCall(endpoint, body, recorder));
    }

    /**
     * Tells the pool how the endpoint did; returns how to handle the failure, or null when the call is over (it
     * succeeded, failed for good, or was the last try). A failure that may be the prompt's (a 5xx, a stream cut or
     * garbled, a timeout) counts toward dropping the endpoint once per call, not once per try, so one problem a
     * server always fails is retried and fails alone instead of taking the server from every other run; one that
     * cannot be the prompt's (the server unreachable) counts each try.
     *
     * @param blamed the endpoints this call's failures have counted against so far; this judgement adds to it
     */
    private RetryPolicy.Handling judge(Endpoint endpoint, Call call, int attempt, Set<String> blamed) {
        if (call.ok()) {
            pool.succeeded(endpoint);
            return null;
        }
        if (call.failure() == null) {
            return null;
        }
        if (call.failure() == FailureKind.AUTHENTICATION) {
            // every call would be rejected the same way: the endpoint gets no more
            pool.rejectedKey(endpoint, call.error());
        }
        RetryPolicy.Handling handling = RetryPolicy.handling(call.failure());
        if (handling == RetryPolicy.Handling.FINAL || attempt == retry.attempts()) {
            return null;
        }
        if (call.failure() != FailureKind.RATE_LIMITED
                && (call.failure() == FailureKind.UNREACHABLE || blamed.add(endpoint.name()))) {
            pool.failed(endpoint, call.error());
        }
        return handling;
    }

    private <T> RawCall<T> withRetries(boolean needRaw, String model, String budgetSpec, Attempt<T> attempt)
            throws InterruptedException {
        Set<String> avoid = new HashSet<>();
        Set<String> blamed = new HashSet<>();
        RawCall<T> last = null;
        for (int n = 1; n <= retry.attempts(); n++) {
            Optional<EndpointPool.Lease> lease = pool.acquire(affinity, needRaw, avoid);
            if (lease.isEmpty()) {
                String rejected = pool.keyRejections(needRaw);
                if (rejected != null) {
                    // no request is sent: the run fails as the first one did (pausing would not help, the key stays)
                    return new RawCall<>(failed(model, budgetSpec, null, FailureKind.AUTHENTICATION, rejected), null);
                }
                if (stopWhenNoEndpoint) {
                    throw new NoEndpointLeft(pool.dropReasons());
                }
                String why = "no endpoint is left: " + pool.dropReasons();
                return new RawCall<>(failed(model, budgetSpec, null, last == null ? FailureKind.UNREACHABLE
                        : last.call().failure(), why), null);
            }
            Endpoint endpoint = lease.get().endpoint();
            RunRecorder recorder = new RunRecorder(endpoint.engine().price(model, prices));
            observer.callStarted(endpoint.name(), budgetSpec, recorder);
            RetryPolicy.Handling handling;
            try {
                last = attempt.on(endpoint, recorder);
                handling = judge(endpoint, last.call(), n, blamed);
            } finally {
                // the endpoint's health is told before its permit is free, so no other run takes the permit of an
                // endpoint this failure drops
                pool.release(lease.get());
            }
            if (handling == null) {
                return last;
            }
            Call call = last.call();
            if (handling == RetryPolicy.Handling.FAIL_OVER) {
                avoid.add(endpoint.name());
                if (pool.anyOther(needRaw, avoid)) {
                    continue;
                }
            }
            if (!pool.anyOther(needRaw, Set.of())) {
                continue; // every endpoint is dropped: nothing to wait for, the next try reports it
            }
            Duration delay = retry.delay(n, call.retryAfter());
            observer.backoff(endpoint.name(), call.failure(), call.error(), delay, n);
            clock.sleep(delay);
        }
        return last;
    }

    private Call chat(Endpoint endpoint, RunSpec spec, RunRecorder recorder) throws InterruptedException {
        AtomicReference<Duration> retryAfter = new AtomicReference<>();
        ReasoningEventSink sink = sink(recorder, retryAfter);
        String unsupported = endpoint.engine().capabilities().whyUnsupported(spec.budget());
        if (unsupported != null) {
            long now = System.nanoTime();
            sink.accept(new ReasoningEvent.Started(now, spec.model(), spec.budget().spec()));
            sink.accept(new ReasoningEvent.Failed(now, FailureKind.UNSUPPORTED, unsupported));
            return call(endpoint, recorder, retryAfter);
        }
        RunHandle handle;
        try {
            handle = endpoint.engine().start(spec, sink);
        } catch (RuntimeException e) {
            sink.accept(new ReasoningEvent.Failed(System.nanoTime(), FailureKind.UNKNOWN,
                    "the engine could not start this run: " + e.getMessage()));
            return call(endpoint, recorder, retryAfter);
        }
        Runnable unregister = observer.inFlight(handle::cancel);
        try {
            handle.done().get();
        } catch (InterruptedException e) {
            handle.cancel();
            throw e;
        } catch (ExecutionException e) {
            sink.accept(new ReasoningEvent.Failed(System.nanoTime(), FailureKind.UNKNOWN,
                    "the engine's run broke: " + e.getCause()));
        } finally {
            unregister.run();
        }
        return call(endpoint, recorder, retryAfter);
    }

    private <T> RawCall<T> rawCall(Endpoint endpoint, RawBody<T> body, RunRecorder recorder)
            throws InterruptedException {
        AtomicReference<Duration> retryAfter = new AtomicReference<>();
        ReasoningEventSink sink = sink(recorder, retryAfter);
        CancelToken cancel = new CancelToken();
        Runnable unregister = observer.inFlight(cancel::cancel);
        T value = null;
        try {
            value = body.run(endpoint.raw(), sink, cancel);
        } catch (EngineException e) {
            sink.accept(new ReasoningEvent.Failed(System.nanoTime(), e.kind(), e.getMessage(),
                    e.retryAfter().orElse(null)));
        } catch (RuntimeException | Error e) {
            sink.accept(new ReasoningEvent.Failed(System.nanoTime(), FailureKind.UNKNOWN, "internal error: " + e));
        } finally {
            unregister.run();
        }
        if (cancel.isCancelled() && Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("the sweep was cancelled");
        }
        return new RawCall<>(call(endpoint, recorder, retryAfter), value);
    }

    private static ReasoningEventSink sink(RunRecorder recorder, AtomicReference<Duration> retryAfter) {
        return event -> {
            try {
                if (event instanceof ReasoningEvent.Failed f && f.retryAfter() != null) {
                    retryAfter.set(f.retryAfter());
                }
                recorder.accept(event);
            } catch (RuntimeException ignored) {
                // A sink never throws into the engine; the recorder only fails on a programming error.
            }
        };
    }

    private static Call call(Endpoint endpoint, RunRecorder recorder, AtomicReference<Duration> retryAfter) {
        if (!recorder.status().terminal()) {
            recorder.accept(new ReasoningEvent.Failed(System.nanoTime(), FailureKind.UNKNOWN,
                    "the engine ended the run without a final event"));
        }
        return new Call(recorder.trace(), recorder.metrics(System.nanoTime()), endpoint.name(), retryAfter.get());
    }

    /** A call that never reached an endpoint. */
    private static Call failed(String model, String budgetSpec, String endpoint, FailureKind kind, String message) {
        RunRecorder recorder = new RunRecorder(null);
        long now = System.nanoTime();
        recorder.accept(new ReasoningEvent.Started(now, model, budgetSpec));
        recorder.accept(new ReasoningEvent.Failed(now, kind, message));
        return new Call(recorder.trace(), recorder.metrics(now), endpoint, null);
    }
}
