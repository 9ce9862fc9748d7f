package dev.thinkbench.ui.experiments;

/** Where the Experiments tab's sweep stands. */
public enum Phase {
    /** No sweep yet in this window. */
    IDLE,
    /** Saving the setup and opening the results file. */
    STARTING,
    RUNNING,
    /** No new run starts; runs in flight finish. */
    PAUSED,
    /** Stop was pressed: runs in flight are cancelled (not written; a resume runs them again). */
    STOPPING,
    /** The sweep ended: every run has a result, or it was stopped. */
    ENDED;

    /** Whether a sweep is under way (Start waits). */
    public boolean busy() {
        return this == STARTING || this == RUNNING || this == PAUSED || this == STOPPING;
    }
}
