package dev.thinkbench.lab.session;

import dev.thinkbench.core.problems.Problem;
import dev.thinkbench.lab.samples.MicroExerciseSample;

/**
 * The right answer to a prompt when Thinkbench knows it, so saved sessions and reports can give verdicts: today the
 * micro model's exercise (the seeds' exercise). Stateless; any thread.
 */
public final class KnownAnswers {

    private KnownAnswers() {
    }

    /** The expected answer to {@code prompt}, or null when not known. */
    public static String forPrompt(String prompt) {
        if (prompt == null) {
            return null;
        }
        Problem exercise = MicroExerciseSample.problem();
        return exercise.question().strip().equals(prompt.strip()) ? String.valueOf(exercise.answer()) : null;
    }
}
