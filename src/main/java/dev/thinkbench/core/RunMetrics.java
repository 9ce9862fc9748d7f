package dev.thinkbench.core;

/**
 * Numbers of one run, derived from its events. Any time may be null (not yet known, or never happened).
 *
 * @param timeToFirstThinkingMs from start to the first thinking text
 * @param timeToFirstAnswerMs from start to the first answer text
 * @param thinkingMs from the first thinking text to the first answer text (or the last thinking text)
 * @param totalMs from start to the end (or to now while running)
 * @param tokensPerSecond generated tokens per second of generation time, null when unknown
 * @param waits Wait texts inserted so far
 */
public record RunMetrics(TokenCount promptTokens, TokenCount thinkingTokens, TokenCount answerTokens,
                         Long timeToFirstThinkingMs, Long timeToFirstAnswerMs, Long thinkingMs, Long totalMs,
                         Double tokensPerSecond, Money cost, int waits) {

    public static RunMetrics empty() {
        return new RunMetrics(TokenCount.unknown(), TokenCount.unknown(), TokenCount.unknown(),
                null, null, null, null, null, Money.unknown("not started"), 0);
    }

    /** Thinking plus answer, or null when either is unknown. */
    public Integer outputTokens() {
        if (!thinkingTokens.known() || !answerTokens.known()) {
            return null;
        }
        return thinkingTokens.value() + answerTokens.value();
    }
}
