package dev.thinkbench.core;

/**
 * Numbers of one run, derived from its events. Any time may be null (not yet known, or never happened).
 *
 * <p>Times leave out a wait the server asked for before a retry (HTTP 429 with {@code Retry-After}): that wait is the
 * server's, not the model's latency, and is told apart as {@code retryWaitMs}.
 *
 * @param timeToFirstThinkingMs from start to the first thinking text (a model load before the start not counted)
 * @param timeToFirstAnswerMs from start to the first answer text
 * @param thinkingMs from the first thinking text to the first answer text (or the last thinking text)
 * @param totalMs from start to the end (or to now while running)
 * @param tokensPerSecond generated tokens per second between the first and the last generated token (pauses between
 *                        forcing steps included), null when unknown
 * @param waits Wait texts inserted so far
 * @param modelLoadMs how long the run waited for its model to load before it started, null when the model was
 *                    already loaded or the engine does not say
 * @param generationMs from the first generated token to the last (or now): the seconds of generation, null before
 *                     the first token
 * @param outputTokens every token generated, thinking and answer together: as the engine reported it, else the two
 *                     counts added; null when neither is known (an API that reports only the total, as Anthropic
 *                     does without a thinking count, leaves the two parts unknown and this known)
 * @param retryWaitMs how long the run waited to retry because the server asked it to, null when it did not
 */
public record RunMetrics(TokenCount promptTokens, TokenCount thinkingTokens, TokenCount answerTokens,
                         Long timeToFirstThinkingMs, Long timeToFirstAnswerMs, Long thinkingMs, Long totalMs,
                         Double tokensPerSecond, Money cost, int waits, Long modelLoadMs, Long generationMs,
                         Integer outputTokens, Long retryWaitMs) {

    /** Metrics of a run that did not wait to retry. */
    public RunMetrics(TokenCount promptTokens, TokenCount thinkingTokens, TokenCount answerTokens,
                      Long timeToFirstThinkingMs, Long timeToFirstAnswerMs, Long thinkingMs, Long totalMs,
                      Double tokensPerSecond, Money cost, int waits, Long modelLoadMs, Long generationMs,
                      Integer outputTokens) {
        this(promptTokens, thinkingTokens, answerTokens, timeToFirstThinkingMs, timeToFirstAnswerMs, thinkingMs,
                totalMs, tokensPerSecond, cost, waits, modelLoadMs, generationMs, outputTokens, null);
    }

    /** Metrics whose output is the thinking and answer counts added (null when either is unknown). */
    public RunMetrics(TokenCount promptTokens, TokenCount thinkingTokens, TokenCount answerTokens,
                      Long timeToFirstThinkingMs, Long timeToFirstAnswerMs, Long thinkingMs, Long totalMs,
                      Double tokensPerSecond, Money cost, int waits, Long modelLoadMs, Long generationMs) {
        this(promptTokens, thinkingTokens, answerTokens, timeToFirstThinkingMs, timeToFirstAnswerMs, thinkingMs,
                totalMs, tokensPerSecond, cost, waits, modelLoadMs, generationMs,
                thinkingTokens.known() && answerTokens.known() ? thinkingTokens.value() + answerTokens.value() : null);
    }

    /** Metrics without a model load or generation time known. */
    public RunMetrics(TokenCount promptTokens, TokenCount thinkingTokens, TokenCount answerTokens,
                      Long timeToFirstThinkingMs, Long timeToFirstAnswerMs, Long thinkingMs, Long totalMs,
                      Double tokensPerSecond, Money cost, int waits) {
        this(promptTokens, thinkingTokens, answerTokens, timeToFirstThinkingMs, timeToFirstAnswerMs, thinkingMs,
                totalMs, tokensPerSecond, cost, waits, null, null);
    }

    /**
     * The tokens generated, thinking and answer together, where the engine reported only their sum and neither part
     * is known (Anthropic bills thinking as output and never counts it apart); null where the parts are told apart.
     */
    public Integer unsplitOutputTokens() {
        return !thinkingTokens.known() && !answerTokens.known() ? outputTokens : null;
    }

    public static RunMetrics empty() {
        return new RunMetrics(TokenCount.unknown(), TokenCount.unknown(), TokenCount.unknown(),
                null, null, null, null, null, Money.unknown("not started"), 0);
    }

}
