package dev.thinkbench.forcing;

import dev.thinkbench.core.ReasoningEvent;

/**
 * What a {@link Stepper} tells its listener, on the stepper's worker thread (or the calling thread for instant
 * actions). Listeners queue and return; they never block or throw.
 */
public sealed interface StepperEvent {

    /**
     * Something happened on branch {@code branchId}, as the same {@link ReasoningEvent}s a Compare column records:
     * text the model wrote in the running step, an intervention (a Wait, an insert, an edit, the end accepted or the
     * answer forced), the usage and how the branch ended. A branch's events so far are also in
     * {@link BranchView#events()}, so a recorder folds a branch exactly as it folds a column; token probabilities
     * are shown as they arrive but kept in the step's record ({@link StepRecord#confidence()}), not among the events.
     */
    record Recorded(int branchId, ReasoningEvent event) implements StepperEvent {
    }

    /** The session changed shape (a step began or ended, an action was taken): the new state in full. */
    record Changed(StepperSnapshot snapshot) implements StepperEvent {
    }
}
