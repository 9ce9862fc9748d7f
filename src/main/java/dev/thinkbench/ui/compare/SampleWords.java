package dev.thinkbench.ui.compare;

import dev.thinkbench.core.problems.Problem;
import dev.thinkbench.lab.samples.MicroExerciseSample;
import dev.thinkbench.lab.samples.NewProblem;
import dev.thinkbench.lab.samples.SamplePrompt;
import dev.thinkbench.ui.common.Messages;

import java.util.List;

/**
 * The samples' titles and notes in the window's language: the samples file's translations, and the samples the lab
 * makes (the micro model's exercise, a new problem) worded from the bundle. The prompts stay as written.
 */
final class SampleWords {

    private SampleWords() {
    }

    static List<SamplePrompt> of(List<SamplePrompt> samples) {
        return samples.stream().map(SampleWords::of).toList();
    }

    static SamplePrompt of(SamplePrompt sample) {
        if (sample.id().equals(MicroExerciseSample.ID)) {
            Problem p = MicroExerciseSample.problem();
            return sample.withWords(Messages.get("sample.exercise.title"), Messages.get("sample.exercise.note",
                    String.valueOf(p.difficulty()), p.id(), String.valueOf(p.answer()),
                    String.valueOf(NewProblem.scratchpadTokens(p))));
        }
        return sample.in(Messages.locale().getLanguage());
    }

    /** A new problem as a sample, worded in the window's language. */
    static SamplePrompt newProblem(Problem p) {
        String steps = String.valueOf(p.difficulty());
        return NewProblem.asSample(p).withWords(
                p.difficulty() == 1 ? Messages.get("sample.newProblem.titleOne")
                        : Messages.get("sample.newProblem.title", steps),
                Messages.get("sample.newProblem.note", steps, String.valueOf(p.answer()),
                        String.valueOf(NewProblem.scratchpadTokens(p))));
    }
}
