package dev.thinkbench.ui.stepper;

/**
 * One row of the stepper's timeline: a thinking segment between interventions, an answer, or where a branch was
 * forked (the steps it shares with its parent, which ran there).
 *
 * @param step "1", "2", ... for thinking segments, "A" for the answer, empty for a fork
 * @param kind how it was opened: think, wait, insert, edit, answer, answer (forced), fork
 * @param inserted the inserted text on one line, a line break shown as {@code ↵}
 * @param tokens tokens generated, null for a fork
 * @param promptTokens prompt tokens the server evaluated, null when it did not say (and for a fork)
 * @param millis how long it took, null for a fork
 * @param ended why it ended (for a fork: where it was forked from)
 */
public record TimelineRow(int branchId, String step, String kind, String inserted, Integer tokens, Integer promptTokens,
                          Long millis, String ended) {
}
