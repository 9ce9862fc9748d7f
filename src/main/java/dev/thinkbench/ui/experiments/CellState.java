package dev.thinkbench.ui.experiments;

/** Where one run of a sweep stands, as its cell in the results table shows it. */
public enum CellState {
    /** Not started yet. */
    PENDING,
    /** In flight now. */
    RUNNING,
    /** Finished and graded correct. */
    CORRECT,
    /** Finished and graded wrong (or no answer found). */
    WRONG,
    /** Finished; the problem has no expected answer. */
    UNGRADED,
    /** Failed or cancelled; its result line says why. */
    FAILED
}
