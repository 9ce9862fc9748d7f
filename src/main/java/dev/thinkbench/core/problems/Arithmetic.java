package dev.thinkbench.core.problems;

import java.util.List;

/**
 * How the scratchpad writes one operation as lines a tiny model can do reliably, place value first. Adding or
 * taking away a three-digit number takes its hundreds first: {@code 316+478} is {@code 316+400=716},
 * {@code 716+78=794}, so no line adds or takes more than two digits at once (a round hundred or a number below
 * 100 is one line, as is division). A product whose larger factor has two or more digits and is not a round number
 * is worked in parts: {@code 24*3} is {@code 20*3=60}, {@code 4*3=12}, {@code 60+12=72}, so each line is a
 * times-table fact (shifted by a zero) or an addition; more lines, more thinking. Products are written larger factor
 * first. Pure functions; any thread.
 */
public final class Arithmetic {

    private Arithmetic() {
    }

    /** The lines of {@code value op operand}; the last line's result is the result. */
    public static List<Step> apply(int value, Op op, int operand) {
        if (op == Op.MUL) {
            return product(value, operand);
        }
        int hundreds = operand - operand % 100;
        if ((op == Op.ADD || op == Op.SUB) && hundreds > 0 && hundreds != operand) {
            Step first = Step.of(value, op, hundreds);
            return List.of(first, Step.of(first.result(), op, operand - hundreds));
        }
        return List.of(Step.of(value, op, operand));
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
