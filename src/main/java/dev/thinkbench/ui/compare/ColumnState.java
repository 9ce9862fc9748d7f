package dev.thinkbench.ui.compare;

/** Where one column stands, as the workbench shows it. */
public enum ColumnState {
    /** Not run yet (or edited since). */
    IDLE,
    /** Left out of the run: the engine cannot honour its budget. */
    SKIPPED,
    /** The request is out; nothing has arrived yet. */
    WAITING,
    THINKING,
    ANSWERING,
    DONE,
    FAILED,
    CANCELLED;

    /** True while a run is in flight. */
    public boolean active() {
        return this == WAITING || this == THINKING || this == ANSWERING;
    }

    /** True when the column's run ended early and what it shows is partial. */
    public boolean partial() {
        return this == FAILED || this == CANCELLED;
    }
}
