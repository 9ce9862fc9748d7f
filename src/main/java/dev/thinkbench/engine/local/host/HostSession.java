package dev.thinkbench.engine.local.host;

import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * What the host's worker thread does with requests: the one model of a host process, behind the native binding
 * ({@link LlamaSession} on llama.cpp through FFM). Completions are continuously batched: {@link #admit} queues one,
 * and each {@link #step} decodes one batch for every admitted completion, so completions that arrive while others
 * run join them. Called only on the worker thread. A refusal is a {@link HostFailure}; anything else thrown,
 * {@link Error}s included, is answered by {@link HostServer}.
 */
interface HostSession extends AutoCloseable {

    /**
     * Loads the model (or confirms it is loaded) and describes it; load progress goes to {@code progress}. Called
     * only while no completion is admitted ({@link #generating()} false).
     */
    HostEvent.Loaded load(HostRequest.Load request, Consumer<HostEvent> progress) throws HostFailure;

    /** Tokenizes text the way the loaded model does; allowed between steps. */
    int[] tokenize(String text) throws HostFailure;

    /**
     * Checks and queues a completion; it runs in the following {@link #step}s, streaming its chunks and ending with
     * a Done event or an error through {@code replies}.
     *
     * @throws HostFailure when the request is refused (nothing was queued)
     */
    void admit(HostRequest.Complete request, ContinuousBatch.Replies replies) throws HostFailure;

    /** Whether any admitted completion has not ended yet. */
    boolean generating();

    /**
     * One decode step for every admitted completion; those {@code cancelled} (by request id) end with
     * {@code CANCELLED} first.
     */
    void step(LongPredicate cancelled);

    /**
     * Drops every admitted completion unanswered and empties the cache, keeping the model: after a failure that left
     * their state in doubt (the server answers them).
     */
    void reset();

    /** Frees the model and everything native, dropping admitted completions unanswered; the host is exiting. */
    @Override
    void close();
}
