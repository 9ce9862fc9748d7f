package dev.thinkbench.forcing;

import dev.thinkbench.core.InterventionKind;

/**
 * One answer a branch produced, kept even after an undo so the user sees how the answer changed.
 *
 * @param how END_ACCEPTED (the model ended its thinking) or ANSWER_FORCED
 * @param thinkingTokens thinking tokens the answer was based on
 * @param thinkingSegments thinking steps before it
 * @param withdrawn true once undone
 */
public record AnswerRecord(String text, InterventionKind how, int thinkingTokens, int thinkingSegments,
                           boolean withdrawn) {

    AnswerRecord withdraw() {
        return new AnswerRecord(text, how, thinkingTokens, thinkingSegments, true);
    }
}
