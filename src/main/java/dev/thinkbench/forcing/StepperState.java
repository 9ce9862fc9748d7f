package dev.thinkbench.forcing;

/** Where a stepping session (or one of its branches) stands. */
public enum StepperState {
    /** Nothing run yet (or everything undone). */
    IDLE,
    /** The model is thinking. */
    THINKING,
    /** The model tried to stop (or hit the cap, or the trace was edited): waiting for the user's choice. */
    PAUSED,
    /** The model is writing the answer. */
    ANSWERING,
    /** The answer is written. */
    DONE,
    /** The last step failed; what it produced is kept. Undo to go back. */
    FAILED;

    /** True while a continuation is running. */
    public boolean running() {
        return this == THINKING || this == ANSWERING;
    }
}
