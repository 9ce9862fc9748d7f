package dev.thinkbench.engine.local.host;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What the host's worker thread does with a request: the one model of a host process, behind the native binding
 * ({@link LlamaSession} on llama.cpp through FFM). Called only on the worker thread, one request at a time. A refusal
 * is a {@link HostFailure}; anything else thrown, {@link Error}s included, is answered by {@link HostServer}.
 */
interface HostSession extends AutoCloseable {

    /** Loads the model (or confirms it is loaded) and describes it; load progress goes to {@code progress}. */
    HostEvent.Loaded load(HostRequest.Load request, Consumer<HostEvent> progress) throws HostFailure;

    /** Tokenizes text the way the loaded model does. */
    int[] tokenize(String text) throws HostFailure;

    /** Runs one completion, streaming chunks to {@code out} and ending with a Done event. */
    void complete(HostRequest.Complete request, BooleanSupplier cancelled, Consumer<HostEvent> out)
            throws HostFailure;

    /** Runs several completions of one prompt in one batch, each ending with its own Done event. */
    void completeBatch(HostRequest.CompleteBatch request, BooleanSupplier cancelled, Consumer<HostEvent> out)
            throws HostFailure;

    /** Frees the model and everything native; the host is exiting. */
    @Override
    void close();
}
