package dev.thinkbench.core.problems;

import java.util.List;

/**
 * A generated word problem.
 *
 * @param id stable identifier, e.g. {@code heldout-0042} or {@code train-s7-000123}
 * @param question the text the user (or the model) sees
 * @param answer the exact integer answer
 * @param steps the arithmetic the scratchpad writes, one line per step, in order
 * @param difficulty the number of operations the story asks for (1 to 6); each is one scratchpad line, or three for
 *                   a product worked in parts ({@link Arithmetic}), so {@code steps} has at least this many lines
 * @param family the phrasing family that wrote the question, e.g. {@code items} or {@code story}
 */
public record Problem(String id, String question, int answer, List<Step> steps, int difficulty, String family) {

    public Problem {
        if (id == null || id.isBlank() || question == null || question.isBlank()) {
            throw new IllegalArgumentException("a problem needs an id and a question");
        }
        steps = List.copyOf(steps);
        if (steps.isEmpty() || steps.getLast().result() != answer) {
            throw new IllegalArgumentException("the last step must give the answer " + answer);
        }
        if (difficulty < 1 || difficulty > steps.size()) {
            throw new IllegalArgumentException("difficulty " + difficulty + " must be between 1 and the line count "
                    + steps.size());
        }
        if (family == null || family.isBlank()) {
            throw new IllegalArgumentException("a problem needs a family");
        }
    }

    /** A problem whose every operation is one line; family {@code items}. */
    public Problem(String id, String question, int answer, List<Step> steps, int difficulty) {
        this(id, question, answer, steps, difficulty, "items");
    }

    /** The same problem under another id. */
    public Problem withId(String newId) {
        return new Problem(newId, question, answer, steps, difficulty, family);
    }
}
