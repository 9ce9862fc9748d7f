package dev.thinkbench.core.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates the first micro model's word problems (the three templated families of {@link Story}) from a seed: the
 * same seed gives the same sequence on every JVM ({@link Random} is specified exactly), so the held-out set stays
 * the one the first model was measured on. Every value a problem ever holds, start, operands and intermediate
 * results, stays within 0..{@value #MAX_VALUE}; operations are +, -, times 2 or 3 and halving (only of even values).
 * A product is written as {@link Arithmetic} works it (in parts for a two-digit value). The widened phrasing lives
 * in {@link WordProblemGenerator}.
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
            trace.addAll(Arithmetic.apply(value, step.op(), step.right()));
            text.append(' ').append(story.sentence(cast, step, rng));
            value = step.result();
        }
        text.append(' ').append(story.question(cast));
        return new Problem(id, text.toString(), value, trace, steps, story.family());
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
