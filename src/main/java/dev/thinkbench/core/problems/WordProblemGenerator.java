package dev.thinkbench.core.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates arithmetic word problems the way people write them, from a seed (the same seed gives the same sequence
 * on every JVM). Families: {@code story} (a person or a shop with things: names and pronouns, the thing named or
 * left out, many verbs for gaining and losing, several sentence shapes per operation, two operations in one
 * sentence, filler sentences without numbers, question forms), {@code tally} (what someone did on several days),
 * {@code money}, {@code place} (birds in a tree, people on a bus) and {@code expression} ("What is 24 + 37?").
 * Operations: add, subtract, groups ("3 bags of 24", "4 boxes with 6 in each"), times ("twice as many",
 * "triples"), halving and sharing equally. Every value stays within 0..{@value #MAX_VALUE}; products have a
 * one-digit factor; a quotient is below 100 unless the division is round ({@code 480/4}). The lines a problem's
 * scratchpad writes come from {@link Arithmetic}.
 *
 * <p>Not thread-safe: one generator per thread.
 */
public final class WordProblemGenerator {

    public static final int MIN_OPS = 1;
    public static final int MAX_OPS = 4;
    public static final int MAX_VALUE = 999;
    /** The families, as {@link Problem#family()} names them. */
    public static final List<String> FAMILIES = List.of("story", "tally", "money", "place", "expression");

    private final Random rng;
    private final SceneWriter writer;

    public WordProblemGenerator(long seed) {
        this.rng = new Random(seed);
        this.writer = new SceneWriter(rng);
    }

    /** The next problem with {@code ops} operations. */
    public Problem next(int ops, String id) {
        if (ops < MIN_OPS || ops > MAX_OPS) {
            throw new IllegalArgumentException("ops must be between " + MIN_OPS + " and " + MAX_OPS + ", was " + ops);
        }
        int roll = rng.nextInt(100);
        Draft d;
        if (roll < 42) {
            d = writer.story(ops);
        } else if (roll < 52) {
            d = writer.tally(ops);
        } else if (roll < 66) {
            d = writer.money(ops);
        } else if (roll < 84) {
            d = writer.place(ops);
        } else {
            d = expression(Math.min(ops, 2));
        }
        return new Problem(id, d.text(), d.value, d.lines, d.ops, d.family);
    }

    /** The next bare calculation ({@code expression} family) with one or two operations: arithmetic practice. */
    public Problem nextExpression(int ops, String id) {
        Draft d = expression(Math.max(1, Math.min(ops, 2)));
        return new Problem(id, d.text(), d.value, d.lines, d.ops, d.family);
    }

    /** A bare calculation in words or symbols, one or two operations. */
    private Draft expression(int ops) {
        Draft d = new Draft("expression");
        int a = writer.amount(2, 500);
        d.start(a);
        StringBuilder expr = new StringBuilder(Integer.toString(a));
        Op first = null;
        int firstOperand = 0;
        while (d.ops < ops) {
            int pick = rng.nextInt(100);
            boolean opening = d.ops == 0;
            Op op;
            int b;
            if (pick < 35 && d.value < MAX_VALUE - 1) {
                op = Op.ADD;
                b = writer.amount(1, Math.min(500, MAX_VALUE - d.value));
                expr.append(word(" + ", " plus ")).append(b);
            } else if (pick < 70 && d.value >= 2) {
                op = Op.SUB;
                b = writer.amount(1, d.value - 1);
                expr.append(word(" - ", " minus ")).append(b);
            } else if (pick < 88 && opening && d.value * 2 <= MAX_VALUE) {
                op = Op.MUL;
                b = 2 + rng.nextInt(Math.min(8, MAX_VALUE / d.value - 1));
                expr.append(word(" * ", " times ", " x ")).append(b);
            } else if (opening && d.value % 2 == 0) {
                op = Op.DIV;
                b = writer.divisor(d.value);
                expr.append(word(" / ", " divided by ")).append(b);
            } else {
                continue;
            }
            d.apply(op, b);
            if (opening) {
                first = op;
                firstOperand = b;
            }
        }
        d.sentences.add(ops == 1 ? oneOp(a, first, firstOperand) : switch (rng.nextInt(4)) {
            case 0 -> "What is " + expr + "?";
            case 1 -> expr + " = ?";
            case 2 -> "Calculate " + expr + ".";
            default -> "What do you get for " + expr + "?";
        });
        return d;
    }

    private String oneOp(int a, Op op, int b) {
        String times = word(" x ", " * ");
        return switch (op) {
            case ADD -> word("What is " + a + " + " + b + "?", a + " + " + b + " = ?", "Add " + a + " and " + b + ".",
                    "What is the sum of " + a + " and " + b + "?", "What is " + a + " plus " + b + "?");
            case SUB -> word("What is " + a + " - " + b + "?", a + " - " + b + " = ?",
                    "Subtract " + b + " from " + a + ".", "What is " + a + " minus " + b + "?",
                    "What is " + a + " take away " + b + "?");
            case MUL -> word("What is " + a + times + b + "?", a + times + b + " = ?",
                    "Multiply " + a + " by " + b + ".", "What is " + a + " times " + b + "?",
                    "What is " + b + " times " + a + "?");
            case DIV -> b == 2 && rng.nextBoolean() ? "What is half of " + a + "?"
                    : word("What is " + a + " divided by " + b + "?", a + " / " + b + " = ?",
                    "Divide " + a + " by " + b + ".");
        };
    }

    private String word(String... options) {
        return options[rng.nextInt(options.length)];
    }
}
