package dev.thinkbench.ui.stepper;

import dev.thinkbench.ui.common.Messages;

import java.util.List;

/**
 * One branch as listed beside the timeline: its answer now and how the answer changed.
 *
 * @param answers earlier answers, oldest first, with " (undone)" where withdrawn
 * @param verdict the written answer graded ("right", "wrong, expected 11"), empty when not graded
 */
public record BranchSummary(int id, String name, boolean active, String status, int thinkingTokens, String answer,
                            List<String> answers, String verdict) {

    @Override
    public String toString() {
        String history = answers.size() > 1 ? Messages.get("branch.history", String.join(" \u2192 ", answers)) : "";
        return (active ? "\u25b6 " : "\u00a0\u00a0\u00a0\u00a0") + Messages.get("branch.summary", name, status, String.valueOf(thinkingTokens))
                + (answer.isBlank() ? "" : Messages.get("branch.answer", answer.strip()))
                + (verdict.isEmpty() ? "" : " (" + verdict + ")") + history;
    }
}
