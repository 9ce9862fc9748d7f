package dev.thinkbench.ui.stepper;

/**
 * One row of the stepper's timeline: a thinking segment between interventions, or an answer.
 *
 * @param step "1", "2", ... for thinking segments, "A" for the answer
 * @param kind how it was opened: think, wait, insert, edit, answer, answer (forced)
 * @param inserted the inserted text on one line, a line break shown as {@code ↵}
 * @param promptTokens prompt tokens the server evaluated, null when it did not say
 * @param ended why it ended
 */
public record TimelineRow(int branchId, String step, String kind, String inserted, int tokens, Integer promptTokens,
                          long millis, String ended) {
}
