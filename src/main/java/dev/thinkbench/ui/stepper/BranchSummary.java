package dev.thinkbench.ui.stepper;

import java.util.List;

/**
 * One branch as listed beside the timeline: its answer now and how the answer changed.
 *
 * @param answers earlier answers, oldest first, with " (undone)" where withdrawn
 */
public record BranchSummary(int id, String name, boolean active, String status, int thinkingTokens, String answer,
                            List<String> answers) {

    @Override
    public String toString() {
        String history = answers.size() > 1 ? "  \u00b7  answers: " + String.join(" \u2192 ", answers) : "";
        return (active ? "\u25b6 " : "  ") + name + " \u2014 " + status + ", " + thinkingTokens + " thinking tokens"
                + (answer.isBlank() ? "" : ", answer: " + answer.strip()) + history;
    }
}
