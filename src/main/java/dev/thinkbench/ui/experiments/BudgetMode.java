package dev.thinkbench.ui.experiments;

/** How the setup form chooses a sweep's budgets. */
public enum BudgetMode {
    /** The engine's (and model's) small / medium / large presets. */
    PRESETS("Presets"),
    /** A list written by hand, one budget a line. */
    LIST("List"),
    /** Caps from low to high, doubling. */
    RANGE("Range");

    private final String words;

    BudgetMode(String words) {
        this.words = words;
    }

    @Override
    public String toString() {
        return words;
    }
}
