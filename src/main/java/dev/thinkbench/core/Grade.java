package dev.thinkbench.core;

/**
 * How one output was graded against a problem's expected answer ({@link AnswerGrader#grade}). Never dropped: an
 * output without a recognisable answer is {@link Verdict#WRONG} and flagged {@link Flag#NO_ANSWER_FOUND}; a problem
 * without an expected answer is {@link Verdict#UNGRADABLE} (shown ungraded, counted in no accuracy).
 *
 * @param verdict correct, wrong or ungradable
 * @param extracted the answer found in the output, normalised (separators removed, a choice as its capital letter,
 *                  text trimmed), null when none was found
 * @param expected the expected answer as given, null when the problem has none
 * @param foundBy where the answer was found
 * @param flag why a grade needs a second look, {@link Flag#NONE} when it does not
 */
public record Grade(Verdict verdict, String extracted, String expected, FoundBy foundBy, Flag flag) {

    /** The outcome of grading. */
    public enum Verdict { CORRECT, WRONG, UNGRADABLE }

    /** Where in the output the answer was taken from. */
    public enum FoundBy {
        /** After the last {@code Final Answer:}. */
        FINAL_ANSWER,
        /** Inside the last {@code \boxed{...}}. */
        BOXED,
        /** After the last {@code Answer:} (or {@code 답:}). */
        ANSWER,
        /** No marker: the last number, choice letter or line of the output. */
        LAST_VALUE,
        /** Nothing was found. */
        NONE
    }

    /** What is worth a second look about a grade. */
    public enum Flag {
        NONE,
        /** The output holds no answer of the expected kind (counted wrong). */
        NO_ANSWER_FOUND,
        /** The problem has no expected answer (not graded). */
        NO_EXPECTED_ANSWER
    }

    public Grade {
        if (verdict == null || foundBy == null || flag == null) {
            throw new IllegalArgumentException("a grade needs a verdict, where it was found and a flag");
        }
    }

    /** True, false, or null when ungradable: the {@code correct} field of a sweep's result line. */
    public Boolean correct() {
        return switch (verdict) {
            case CORRECT -> Boolean.TRUE;
            case WRONG -> Boolean.FALSE;
            case UNGRADABLE -> null;
        };
    }
}
