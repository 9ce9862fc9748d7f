package dev.thinkbench.ui.session;

import dev.thinkbench.lab.session.StepperRecord;

/**
 * The Stepper tab as a session sees it: what to save of it, and how to show a saved one. Called on the UI thread.
 */
public interface StepperSessions {

    /** The stepping session to save, null when none was run. */
    StepperRecord record();

    /** Shows a saved stepping session in the Stepper tab. */
    void show(StepperRecord record);

    /**
     * Empties the Stepper tab for a session opened without Stepper work (the branches shown are not the file's): its
     * prompt and expected answer become the session's, ready to step through.
     */
    void clear(String prompt, String expected);
}
