package dev.thinkbench.app;

import dev.thinkbench.lab.samples.MicroExerciseSample;
import dev.thinkbench.lab.samples.SamplePrompt;
import dev.thinkbench.ui.compare.PromptViewModel;

/**
 * What the Stepper offers when it opens empty: the Compare tab's prompt, except for the micro model's exercise, where
 * a Wait changes nothing (its greedy scratchpad is right, so a Wait only repeats the last line): then the sample on
 * which the micro model slips and one Wait fixes it ({@value #WAIT_SAMPLE}), so the first Wait a learner presses
 * visibly matters. FX thread only.
 */
final class StepperDefaults {

    /** The sample where a Wait visibly matters on the micro model (samples/prompts.json). */
    static final String WAIT_SAMPLE = "micro-slip-wait";

    private StepperDefaults() {
    }

    static String promptFor(PromptViewModel compare) {
        SamplePrompt chosen = compare.sampleProperty().get();
        if (chosen != null && chosen.id().equals(MicroExerciseSample.ID)) {
            for (SamplePrompt s : compare.samples()) {
                if (s.id().equals(WAIT_SAMPLE)) {
                    return s.prompt();
                }
            }
        }
        return compare.promptProperty().get();
    }
}
