package dev.thinkbench.core.problems;

import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The micro model's training examples in a fixed order for a seed: {@value #LEGACY_PERCENT}% the first model's
 * templated problems (1..6 operations), {@value #NON_PROBLEM_PERCENT}% prompts outside the task (a one-line thought,
 * then {@link MicroFormat#REFUSAL}), {@value #DRILL_PERCENT}% extra bare calculations (short and all arithmetic:
 * cheap practice for three-digit lines), the rest widened word problems (1..4 operations); scratchpads in the
 * {@link Scratchpad#sample} mix. Never a held-out question ({@link ProblemSplit#isHeldOut}) nor one of the
 * {@code excluded} texts (the hand-written evaluation sets). A small share is written the way the forcer continues
 * them: the answer forced at once ({@code </think>\nFinal Answer:} given, not trained) and the refusal after a forced
 * answer prefix, so that no thinking and capped thinking stay in distribution.
 *
 * <p>Not thread-safe: one per thread.
 */
public final class TrainingMix {

    public static final int LEGACY_PERCENT = 10;
    public static final int NON_PROBLEM_PERCENT = 16;
    public static final int DRILL_PERCENT = 10;

    /** Text after the prompt; only {@code trained} segments count in the loss. */
    public record Segment(String text, boolean trained) {
    }

    /**
     * One example: the templated prompt ({@link MicroFormat#prompt}) and what follows it.
     *
     * @param kind {@code legacy}, {@code words}, {@code refusal} (for logs and checks)
     */
    public record Example(String kind, String prompt, List<Segment> completion) {

        /** The whole text. */
        public String text() {
            StringBuilder b = new StringBuilder(prompt);
            completion.forEach(s -> b.append(s.text()));
            return b.toString();
        }
    }

    private static final String FORCED = MicroFormat.END_THINK + "\n" + MicroFormat.ANSWER_PREFIX;
    private final ProblemSplit.Training legacy;
    private final WordProblemGenerator words;
    private final WordProblemGenerator drill;
    private final NonProblemGenerator nonProblems;
    private final Random rng;
    private final Set<String> excluded;
    private long drawn;

    public TrainingMix(long seed, Set<String> excluded) {
        this.legacy = ProblemSplit.training(seed);
        this.words = new WordProblemGenerator(seed * 1000 + 1);
        this.drill = new WordProblemGenerator(seed * 1000 + 3);
        this.nonProblems = new NonProblemGenerator(seed * 1000 + 2);
        this.rng = new Random(seed * 31 + 7);
        this.excluded = Set.copyOf(excluded);
    }

    public Example next() {
        int roll = rng.nextInt(100);
        if (roll < NON_PROBLEM_PERCENT) {
            return refusal();
        }
        Problem p = roll < NON_PROBLEM_PERCENT + LEGACY_PERCENT
                ? legacy.next(ProblemGenerator.MIN_STEPS + rng.nextInt(ProblemGenerator.MAX_STEPS))
                : roll < NON_PROBLEM_PERCENT + LEGACY_PERCENT + DRILL_PERCENT ? drill() : word();
        String kind = p.family().matches("items|bus|number") ? "legacy" : "words";
        String prompt = MicroFormat.prompt(p.question());
        if (rng.nextInt(100) < 3) {
            return new Example(kind, prompt, List.of(new Segment(FORCED, false),
                    new Segment(" " + p.answer() + MicroFormat.IM_END, true)));
        }
        return new Example(kind, prompt, List.of(new Segment(MicroFormat.completion(Scratchpad.sample(p, rng),
                p.answer()), true)));
    }

    private Problem word() {
        while (true) {
            int roll = rng.nextInt(100);
            int ops = roll < 25 ? 1 : roll < 55 ? 2 : roll < 80 ? 3 : 4;
            Problem p = words.next(ops, "words-train-" + drawn++);
            if (!ProblemSplit.isHeldOut(p.question()) && !excluded.contains(p.question())) {
                return p;
            }
        }
    }

    private Problem drill() {
        while (true) {
            Problem p = drill.nextExpression(1 + rng.nextInt(2), "drill-train-" + drawn++);
            if (!ProblemSplit.isHeldOut(p.question()) && !excluded.contains(p.question())) {
                return p;
            }
        }
    }

    private Example refusal() {
        NonProblemGenerator.NonProblem np;
        do {
            np = nonProblems.next("nonproblem-train-" + drawn++);
        } while (ProblemSplit.isHeldOut(np.question()) || excluded.contains(np.question()));
        String prompt = MicroFormat.prompt(np.question());
        String thought = np.thought() + "\n";
        String refusal = MicroFormat.REFUSAL + MicroFormat.IM_END;
        int roll = rng.nextInt(100);
        if (roll < 10) {
            return new Example("refusal", prompt, List.of(new Segment(FORCED, false), new Segment(" " + refusal, true)));
        }
        if (roll < 22) {
            return new Example("refusal", prompt, List.of(new Segment(thought, true), new Segment(FORCED, false),
                    new Segment(" " + refusal, true)));
        }
        if (roll < 30) {
            String again = Character.toLowerCase(np.thought().charAt(0)) + np.thought().substring(1);
            return new Example("refusal", prompt, List.of(new Segment(MicroFormat.refusalCompletion(
                    thought + Scratchpad.WAIT + again + "\n"), true)));
        }
        return new Example("refusal", prompt, List.of(new Segment(MicroFormat.refusalCompletion(thought), true)));
    }
}
