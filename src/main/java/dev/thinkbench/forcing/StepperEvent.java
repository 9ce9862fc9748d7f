package dev.thinkbench.forcing;

/**
 * What a {@link Stepper} tells its listener, on the stepper's worker thread (or the calling thread for instant
 * actions). Listeners queue and return; they never block or throw.
 */
public sealed interface StepperEvent {

    /** Text the model wrote in the running step of branch {@code branchId}. */
    record TextDelta(int branchId, StepRecord.Phase phase, String text, int tokens) implements StepperEvent {
    }

    /** The session changed shape (a step began or ended, an action was taken): the new state in full. */
    record Changed(StepperSnapshot snapshot) implements StepperEvent {
    }
}
