package dev.thinkbench.core;

import java.util.List;

/**
 * s1 budget forcing: think at least {@code minThinkingTokens} (suppressing the end of thinking and appending a Wait
 * text, at most {@code maxWaits} times), at most {@code maxThinkingTokens} (then the end marker and the answer prefix
 * are appended and the answer is generated).
 *
 * @param minThinkingTokens below this, an end of thinking is suppressed and a Wait text appended (0 = never)
 * @param maxThinkingTokens hard cap on thinking tokens; at the cap the answer is forced
 * @param maxWaits how many Wait texts may be appended in total
 * @param waitTexts the texts appended in turn (rotating), e.g. "Wait", "Hmm", "Alternatively"
 * @param answerPrefix appended after the end marker when the cap forces the answer, e.g. "Final Answer:"
 */
public record ForcingPlan(int minThinkingTokens, int maxThinkingTokens, int maxWaits, List<String> waitTexts,
                          String answerPrefix) {

    /** The upper bound any token count in a plan may take. */
    public static final int MAX_TOKENS = 1_000_000;
    /** The most Wait texts a plan may append. */
    public static final int MAX_WAITS = 10_000;
    public static final String DEFAULT_WAIT = "Wait";
    public static final String DEFAULT_ANSWER_PREFIX = "Final Answer:";

    public ForcingPlan {
        if (minThinkingTokens < 0) {
            throw new IllegalArgumentException("min thinking tokens must be 0 or more, was " + minThinkingTokens);
        }
        if (maxThinkingTokens < 1 || maxThinkingTokens > MAX_TOKENS) {
            throw new IllegalArgumentException("max thinking tokens must be between 1 and " + MAX_TOKENS
                    + ", was " + maxThinkingTokens);
        }
        if (minThinkingTokens > maxThinkingTokens) {
            throw new IllegalArgumentException("min thinking tokens (" + minThinkingTokens
                    + ") is above max (" + maxThinkingTokens + ")");
        }
        if (maxWaits < 0 || maxWaits > MAX_WAITS) {
            throw new IllegalArgumentException("waits must be between 0 and " + MAX_WAITS + ", was " + maxWaits);
        }
        waitTexts = List.copyOf(waitTexts == null || waitTexts.isEmpty() ? List.of(DEFAULT_WAIT) : waitTexts);
        answerPrefix = answerPrefix == null ? DEFAULT_ANSWER_PREFIX : answerPrefix;
    }

    /** A plan with the default Wait text and answer prefix. */
    public static ForcingPlan of(int min, int max, int waits) {
        return new ForcingPlan(min, max, waits, List.of(DEFAULT_WAIT), DEFAULT_ANSWER_PREFIX);
    }

    /** The Wait text for the {@code index}-th insertion (0-based), rotating through {@link #waitTexts()}. */
    public String waitText(int index) {
        return waitTexts.get(Math.floorMod(index, waitTexts.size()));
    }
}
