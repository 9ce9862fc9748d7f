package dev.thinkbench.core.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates word problems from a seed: the same seed gives the same sequence on every JVM ({@link Random} is
 * specified exactly). Every value a problem ever holds, start, operands and intermediate results, stays within
 * 0..{@value #MAX_VALUE}, so a tiny model can learn each step reliably; operations are +, -, times 2 or 3 and
 * halving (only of even values).
 *
 * <p>Not thread-safe: one generator per thread.
 */
public final class ProblemGenerator {

    public static final int MIN_STEPS = 1;
    public static final int MAX_STEPS = 6;
    public static final int MAX_VALUE = 99;
    private static final int MAX_OPERAND = 40;

    private final Random rng;

    public ProblemGenerator(long seed) {
        this.rng = new Random(seed);
    }

    /** The next problem with the given number of steps. */
    public Problem next(int steps, String id) {
        if (steps < MIN_STEPS || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be between " + MIN_STEPS + " and " + MAX_STEPS
                    + ", was " + steps);
        }
        Story story = Story.values()[rng.nextInt(Story.values().length)];
        Story.Cast cast = Story.Cast.draw(rng);
        int value = 2 + rng.nextInt(59);
        StringBuilder text = new StringBuilder(story.opening(cast, value));
        List<Step> trace = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            Step step = nextStep(value);
            trace.add(step);
            text.append(' ').append(story.sentence(cast, step, rng));
            value = step.result();
        }
        text.append(' ').append(story.question(cast));
        return new Problem(id, text.toString(), value, trace, steps);
    }

    private Step nextStep(int value) {
        while (true) {
            int pick = rng.nextInt(8);
            if (pick < 3 && value < MAX_VALUE) {
                return Step.of(value, Op.ADD, 1 + rng.nextInt(Math.min(MAX_OPERAND, MAX_VALUE - value)));
            }
            if (pick >= 3 && pick < 6 && value > 0) {
                return Step.of(value, Op.SUB, 1 + rng.nextInt(Math.min(MAX_OPERAND, value)));
            }
            if (pick == 6 && value >= 2 && value * 2 <= MAX_VALUE) {
                int factor = value * 3 <= MAX_VALUE && rng.nextBoolean() ? 3 : 2;
                return Step.of(value, Op.MUL, factor);
            }
            if (pick == 7 && value >= 2 && value % 2 == 0) {
                return Step.of(value, Op.DIV, 2);
            }
        }
    }
}
