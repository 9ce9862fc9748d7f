package dev.thinkbench.engine.local;

import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Test helper: calls {@link CompletionBackend#complete} for each request on its own virtual thread, all at once, the
 * way callers batch on the built-in engine, and collects the results in order.
 */
final class Concurrently {

    private Concurrently() {
    }

    /** One outcome per request: its result, or the exception its call threw. */
    record Outcome(CompletionResult result, EngineException failure) {
    }

    /**
     * @param listeners the listener of each request's call
     * @param cancels the cancel token of each request's call (null for none)
     */
    static List<Outcome> complete(CompletionBackend backend, List<CompletionRequest> requests,
                                  IntFunction<CompletionListener> listeners, IntFunction<CancelToken> cancels) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    try {
                        return new Outcome(backend.complete(requests.get(index), listeners.apply(index),
                                cancels.apply(index)), null);
                    } catch (EngineException e) {
                        return new Outcome(null, e);
                    }
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Every request's result; fails when a call threw. */
    static List<CompletionResult> results(CompletionBackend backend, List<CompletionRequest> requests) {
        return complete(backend, requests, i -> (text, tokens) -> { }, i -> null).stream().map(o -> {
            if (o.failure() != null) {
                throw new AssertionError("a call failed", o.failure());
            }
            return o.result();
        }).toList();
    }
}
