package dev.thinkbench.core.problems;

import java.util.List;

/**
 * How the scratchpad writes one operation as lines a tiny model can do reliably. Addition, subtraction and division
 * take one line ({@code 345+78=423}). A product whose larger factor has two or more digits and is not a round
 * number is worked in parts, place value first: {@code 24*3} is {@code 20*3=60}, {@code 4*3=12}, {@code 60+12=72},
 * so each line is a times-table fact (shifted by a zero) or an addition; more lines, more thinking. Products are
 * written larger factor first. Pure functions; any thread.
 */
public final class Arithmetic {

    private Arithmetic() {
    }

    /** The lines of {@code value op operand}; the last line's result is the result. */
    public static List<Step> apply(int value, Op op, int operand) {
        return op == Op.MUL ? product(value, operand) : List.of(Step.of(value, op, operand));
    }

    /** The lines of {@code a * b} (either order): one line, or three when the larger factor needs parts. */
    public static List<Step> product(int a, int b) {
        int big = Math.max(a, b);
        int small = Math.min(a, b);
        int units = big % 10;
        if (big < 10 || units == 0 || small == 1) {
            return List.of(Step.of(big, Op.MUL, small));
        }
        Step tens = Step.of(big - units, Op.MUL, small);
        Step ones = Step.of(units, Op.MUL, small);
        return List.of(tens, ones, Step.of(tens.result(), Op.ADD, ones.result()));
    }
}
