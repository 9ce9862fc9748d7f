package dev.thinkbench.app;

import dev.thinkbench.lab.samples.MicroExerciseSample;
import dev.thinkbench.lab.samples.SamplePrompt;
import dev.thinkbench.ui.compare.PromptViewModel;

/**
 * What the Stepper offers when it opens empty: the Compare tab's prompt and its expected answer, except for the micro model's five-step
 * exercise, whose long trace is hard to follow by hand: then the short two-step sample of lesson 3
 * ({@value #WAIT_SAMPLE}), where the model pauses after two lines and a Wait re-checks the last one. FX thread only.
 */
final class StepperDefaults {

    /** Lesson 3's two-step sample for the micro model (samples/prompts.json). */
    static final String WAIT_SAMPLE = "micro-slip-wait";

    private StepperDefaults() {
    }

    /** A prompt and its known answer (blank for none). */
    record Offer(String prompt, String expected) {
    }

    static Offer promptFor(PromptViewModel compare) {
        SamplePrompt chosen = compare.sampleProperty().get();
        if (chosen != null && chosen.id().equals(MicroExerciseSample.ID)) {
            for (SamplePrompt s : compare.samples()) {
                if (s.id().equals(WAIT_SAMPLE)) {
                    return new Offer(s.prompt(), s.answer() == null ? "" : s.answer());
                }
            }
        }
        String expected = compare.expectedProperty().get();
        return new Offer(compare.promptProperty().get(), expected == null ? "" : expected);
    }
}
