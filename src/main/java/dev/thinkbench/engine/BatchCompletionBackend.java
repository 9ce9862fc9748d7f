package dev.thinkbench.engine;

import java.util.List;

/**
 * A raw-continuation backend that runs several continuations together: decoded in one batch, each with its own stop
 * strings, token cap and sampling, and sharing what their prompts have in common (a prefix evaluated once). Made for
 * best-of-N, sweeps and the budgets of one problem.
 *
 * <p>Threading: {@link #completeAll} blocks the calling thread and calls the listener on it; cancelling the token
 * ends every sequence with {@code Stop.CANCELLED}.
 */
public interface BatchCompletionBackend extends CompletionBackend {

    /** Receives each sequence's text as it streams; must not throw. */
    interface SequenceListener {

        /** @param sequence the request's index in the list given to {@link #completeAll} */
        void onText(int sequence, String text, int tokens);

        /** Token log-probabilities of the sequence's next text piece, when its request asked for them. */
        default void onTokens(int sequence, List<TokenLogprob> tokens) {
        }
    }

    /** The most requests one {@link #completeAll} takes. */
    int maxSequences();

    /**
     * Continues every request at once.
     *
     * @return one result per request, in order
     * @throws EngineException when the batch cannot run (every sequence then failed)
     */
    List<CompletionResult> completeAll(List<CompletionRequest> requests, SequenceListener listener,
                                       CancelToken cancel) throws EngineException;
}
