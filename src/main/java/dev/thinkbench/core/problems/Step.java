package dev.thinkbench.core.problems;

/**
 * One step of a problem: {@code left op right = result}, written on the scratchpad as one line such as
 * {@code 12+7=19}.
 */
public record Step(int left, Op op, int right, int result) {

    public Step {
        if (op == null) {
            throw new IllegalArgumentException("op is required");
        }
        if (op.apply(left, right) != result) {
            throw new IllegalArgumentException(left + " " + op.symbol() + " " + right + " is not " + result);
        }
    }

    /** The step computed from its operands. */
    public static Step of(int left, Op op, int right) {
        return new Step(left, op, right, op.apply(left, right));
    }

    /** The scratchpad line without its newline, e.g. {@code 12+7=19}. */
    public String line() {
        return lineWithResult(result);
    }

    /** The same line with another (wrong) result, as a slip writes it. */
    public String lineWithResult(int shownResult) {
        return "" + left + op.symbol() + right + "=" + shownResult;
    }
}
