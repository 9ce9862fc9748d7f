package dev.thinkbench.lab.session;

import dev.thinkbench.core.problems.Problem;
import dev.thinkbench.core.problems.ProblemSplit;
import dev.thinkbench.lab.samples.MicroExerciseSample;

import java.util.HashMap;
import java.util.Map;

/**
 * The right answer to a prompt when Thinkbench knows it, so saved sessions and reports can give verdicts: the micro
 * model's exercise and its held-out problems (the first {@value #HELD_OUT}, as the curve harness uses them), matched by
 * their exact question. Thread-safe; the problems are generated on first use.
 */
public final class KnownAnswers {

    static final int HELD_OUT = 600;

    private KnownAnswers() {
    }

    private static final class Table {
        static final Map<String, Integer> ANSWERS = build();

        private static Map<String, Integer> build() {
            Map<String, Integer> answers = new HashMap<>();
            for (Problem p : ProblemSplit.heldOut(HELD_OUT)) {
                answers.putIfAbsent(p.question().strip(), p.answer());
            }
            Problem exercise = MicroExerciseSample.problem();
            answers.put(exercise.question().strip(), exercise.answer());
            return Map.copyOf(answers);
        }
    }

    /** The expected answer to {@code prompt}, or null when not known. */
    public static String forPrompt(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            return null;
        }
        Integer answer = Table.ANSWERS.get(prompt.strip());
        return answer == null ? null : String.valueOf(answer);
    }
}
