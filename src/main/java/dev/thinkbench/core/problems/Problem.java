package dev.thinkbench.core.problems;

import java.util.List;

/**
 * A generated word problem.
 *
 * @param id stable identifier, e.g. {@code heldout-0042} or {@code train-s7-000123}
 * @param question the text the user (or the model) sees
 * @param answer the exact integer answer
 * @param steps the arithmetic the scratchpad writes, one line per step, in order
 * @param difficulty the number of steps (1 to {@value ProblemGenerator#MAX_STEPS}): what a trace needs at least
 */
public record Problem(String id, String question, int answer, List<Step> steps, int difficulty) {

    public Problem {
        if (id == null || id.isBlank() || question == null || question.isBlank()) {
            throw new IllegalArgumentException("a problem needs an id and a question");
        }
        steps = List.copyOf(steps);
        if (steps.isEmpty() || steps.getLast().result() != answer) {
            throw new IllegalArgumentException("the last step must give the answer " + answer);
        }
        if (difficulty != steps.size()) {
            throw new IllegalArgumentException("difficulty " + difficulty + " must equal the step count "
                    + steps.size());
        }
    }

    /** The same problem under another id. */
    public Problem withId(String newId) {
        return new Problem(newId, question, answer, steps, difficulty);
    }
}
