package dev.thinkbench.core.problems;

import java.util.Random;

/**
 * Writes a problem's thinking: one line per step ({@code 12+7=19}), each ending in a newline, in one of the
 * {@link TraceStyle}s. Pure functions; any thread.
 */
public final class Scratchpad {

    /** What follows a Wait in every trace: the forcer appends {@code Wait}, the model writes the rest. */
    public static final String WAIT = "Wait, ";

    private Scratchpad() {
    }

    /** The clean trace: every step, right, one per line. */
    public static String clean(Problem problem) {
        return write(problem, TraceStyle.CLEAN, 0);
    }

    /**
     * The trace in the given style.
     *
     * @param at the step the style acts on (0-based): the slipped step, or the step after which the early Wait
     *           comes (must be before the last); ignored for CLEAN and RECHECK
     */
    public static String write(Problem problem, TraceStyle style, int at) {
        var steps = problem.steps();
        if ((style == TraceStyle.SLIP && (at < 0 || at >= steps.size()))
                || (style == TraceStyle.EARLY_WAIT && (at < 0 || at >= steps.size() - 1))) {
            throw new IllegalArgumentException(style + " cannot act on step " + at + " of " + steps.size());
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (style == TraceStyle.SLIP && i == at) {
                b.append(step.lineWithResult(slip(step.result(), 7 * step.left() + 13 * step.right() + step.op().ordinal()))).append('\n').append(WAIT);
            }
            b.append(step.line()).append('\n');
            if (style == TraceStyle.EARLY_WAIT && i == at) {
                b.append(WAIT);
            }
        }
        if (style == TraceStyle.RECHECK) {
            b.append(WAIT).append(steps.getLast().line()).append('\n');
        }
        return b.toString();
    }

    /**
     * A random style with the training mix: 60% clean, 12% slip, 12% early Wait (when there are two or more
     * lines), 16% re-check (a Wait after the finished scratchpad re-checks the last line and keeps the answer); and
     * a random line for it to act on.
     */
    public static String sample(Problem problem, Random rng) {
        int n = problem.steps().size();
        int roll = rng.nextInt(100);
        if (roll < 12) {
            return write(problem, TraceStyle.SLIP, rng.nextInt(n));
        }
        if (roll < 24 && n >= 2) {
            return write(problem, TraceStyle.EARLY_WAIT, rng.nextInt(n - 1));
        }
        if (roll < 40) {
            return write(problem, TraceStyle.RECHECK, 0);
        }
        return clean(problem);
    }

    /**
     * A plausible wrong result: off by one, two, ten or a hundred, or the last two digits swapped; never negative,
     * never right.
     */
    static int slip(int result, int salt) {
        int[] deltas = result >= 100 ? new int[] {1, -1, 2, -2, 10, -10, 100, -100} : new int[] {1, -1, 2, -2, 10, -10};
        int kind = Math.floorMod(salt, deltas.length + 1);
        int tens = result / 10 % 10;
        if (kind == deltas.length && result >= 10 && tens != result % 10 && result % 10 != 0) {
            return result - tens * 10 - result % 10 + (result % 10) * 10 + tens;
        }
        int delta = deltas[kind % deltas.length];
        int wrong = result + delta;
        return wrong >= 0 ? wrong : result - delta;
    }
}
