package dev.thinkbench.ui.experiments;

/** How the setup form chooses a sweep's budgets (its toggle buttons name the modes, from the bundle). */
public enum BudgetMode {
    /** The engine's (and model's) small / medium / large presets. */
    PRESETS,
    /** A list written by hand, one budget a line. */
    LIST,
    /** Caps from low to high, doubling. */
    RANGE
}
