package dev.thinkbench.forcing;

import dev.thinkbench.core.ForcingPlan;
import dev.thinkbench.core.Sampling;

import java.util.List;

/**
 * How a stepping session runs.
 *
 * @param maxThinkingTokens the cap on thinking tokens of a branch; a step that reaches it pauses
 * @param waitTexts the texts Wait appends, in turn
 * @param answerPrefix appended after the end marker when the answer is forced
 * @param maxAnswerTokens the answer's cap
 */
public record StepperSettings(Sampling sampling, int maxThinkingTokens, List<String> waitTexts, String answerPrefix,
                              int maxAnswerTokens) {

    public StepperSettings {
        sampling = sampling == null ? Sampling.defaults() : sampling;
        if (maxThinkingTokens < 1 || maxThinkingTokens > ForcingPlan.MAX_TOKENS) {
            throw new IllegalArgumentException("max thinking tokens must be between 1 and " + ForcingPlan.MAX_TOKENS
                    + ", was " + maxThinkingTokens);
        }
        if (maxAnswerTokens < 1) {
            throw new IllegalArgumentException("max answer tokens must be at least 1, was " + maxAnswerTokens);
        }
        waitTexts = List.copyOf(waitTexts == null || waitTexts.isEmpty() ? List.of(ForcingPlan.DEFAULT_WAIT)
                : waitTexts);
        answerPrefix = answerPrefix == null ? ForcingPlan.DEFAULT_ANSWER_PREFIX : answerPrefix;
    }

    /** 4,096 thinking tokens, "Wait", "Final Answer:", 1,024 answer tokens. */
    public static StepperSettings defaults(Sampling sampling) {
        return new StepperSettings(sampling, 4096, List.of(ForcingPlan.DEFAULT_WAIT),
                ForcingPlan.DEFAULT_ANSWER_PREFIX, 1024);
    }

    /** The Wait text for the {@code index}-th Wait (0-based), rotating. */
    public String waitText(int index) {
        return waitTexts.get(Math.floorMod(index, waitTexts.size()));
    }
}
