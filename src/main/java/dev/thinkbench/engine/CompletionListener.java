package dev.thinkbench.engine;

/** Receives a continuation's text as it streams, on the thread that called the backend. Must not throw. */
@FunctionalInterface
public interface CompletionListener {

    /** @param tokens tokens in this piece of text (1 per decoded token or stream chunk, 0 if unknown) */
    void onText(String text, int tokens);

    /**
     * The server asked to wait {@code wait} before a retry (HTTP 429, 503 or 529 with a short {@code Retry-After});
     * the backend retries after it. Nothing had arrived for that request. By default nothing is shown.
     *
     * @param reason what the server said, for people
     */
    default void onRetryWait(java.time.Duration wait, String reason) {
    }

    /**
     * The tokens of the next {@link #onText} piece with their log-probabilities, called just before it; only when
     * the request asked for them ({@link CompletionRequest#topLogprobs()}) and the backend can tell. Ignored by
     * default.
     */
    default void onTokens(java.util.List<TokenLogprob> tokens) {
    }
}
