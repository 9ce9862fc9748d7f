package dev.thinkbench.testing;

import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;

/**
 * A backend with its prompt cache switched off for every request (each one evaluates its whole prompt again): the
 * baseline benchmarks compare the cache against. Everything else is passed through unchanged.
 */
public record UncachedTestBackend(CompletionBackend inner) implements CompletionBackend {

    @Override
    public String id() {
        return inner.id();
    }

    @Override
    public String displayName() {
        return inner.displayName();
    }

    @Override
    public String model() {
        return inner.model();
    }

    @Override
    public CompletionResult complete(CompletionRequest r, CompletionListener listener, CancelToken cancel)
            throws EngineException {
        return inner.complete(new CompletionRequest(r.prompt(), r.maxTokens(), r.stop(), r.sampling(), false,
                r.topLogprobs()), listener, cancel);
    }
}
