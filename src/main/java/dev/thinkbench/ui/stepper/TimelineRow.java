package dev.thinkbench.ui.stepper;

/**
 * One row of the stepper's timeline: a thinking segment between interventions, an answer, or where a branch was
 * forked (the steps it shares with its parent, which ran there).
 *
 * @param step "1", "2", ... for thinking segments, "A" for the answer, empty for a fork
 * @param kind how it was opened: think, wait, insert, edit, answer, answer (forced), fork
 * @param inserted the inserted text in short, on one line (a line break shown as {@code ↵}; a harmony channel opening
 *                 as its channel's name; a long text cut with an ellipsis)
 * @param insertedWhole the whole inserted text on one line, for the cell's tooltip
 * @param tokens tokens generated, null for a fork
 * @param promptTokens prompt tokens the server evaluated, null when it did not say (and for a fork)
 * @param millis how long it took, null for a fork
 * @param ended why it ended (for a fork: where it was forked from)
 */
public record TimelineRow(int branchId, String step, String kind, String inserted, Integer tokens, Integer promptTokens,
                          Long millis, String ended, String insertedWhole) {

    public TimelineRow {
        insertedWhole = insertedWhole == null ? inserted : insertedWhole;
    }

    /** A row whose inserted text is short enough to show whole. */
    public TimelineRow(int branchId, String step, String kind, String inserted, Integer tokens, Integer promptTokens,
                       Long millis, String ended) {
        this(branchId, step, kind, inserted, tokens, promptTokens, millis, ended, inserted);
    }
}
