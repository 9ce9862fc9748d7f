package dev.thinkbench.forcing;

/** What the user can do in a stepping session; {@link StepperSnapshot#allowed()} says which are possible now. */
public enum StepperAction {
    START, CONTINUE, WAIT, INSERT, EDIT, FORCE_ANSWER, FORK, UNDO
}
