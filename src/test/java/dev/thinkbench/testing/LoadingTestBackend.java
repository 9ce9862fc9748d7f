package dev.thinkbench.testing;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelLoading;

/**
 * A test double: a scripted backend whose model must be loaded first; the first {@link #loadModel} reports the given
 * load time (or fails with the given message), later ones report none (already loaded).
 */
public final class LoadingTestBackend implements CompletionBackend, ModelLoading {

    private final ScriptedTestBackend scripted;
    private final long loadMs;
    private final String failure;
    private boolean loaded;

    /** @param failure the load's failure message, null for a load that works */
    public LoadingTestBackend(ScriptedTestBackend scripted, long loadMs, String failure) {
        this.scripted = scripted;
        this.loadMs = loadMs;
        this.failure = failure;
    }

    @Override
    public synchronized Long loadModel() throws EngineException {
        if (failure != null) {
            throw new EngineException(FailureKind.BAD_REQUEST, failure);
        }
        if (loaded) {
            return null;
        }
        loaded = true;
        return loadMs;
    }

    @Override
    public String id() {
        return scripted.id();
    }

    @Override
    public String displayName() {
        return scripted.displayName();
    }

    @Override
    public String model() {
        return scripted.model();
    }

    @Override
    public CompletionResult complete(CompletionRequest request, CompletionListener listener, CancelToken cancel)
            throws EngineException {
        return scripted.complete(request, listener, cancel);
    }
}
