package dev.thinkbench.core.problems;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits the problem space into training and held-out parts by a fixed hash of the question text, so the two can
 * never share a problem whatever seeds they are drawn with: a question is held out exactly when its FNV-1a hash
 * falls in bucket 0 of {@value #BUCKETS}. The held-out set is drawn from {@link #HELD_OUT_SEED}, balanced over the
 * difficulties; training problems come from any seed with held-out questions skipped.
 *
 * <p>Stateless and thread-safe; the {@link Training} source it hands out is not.
 */
public final class ProblemSplit {

    public static final long HELD_OUT_SEED = 20_261_123L;
    static final int BUCKETS = 10;

    private ProblemSplit() {
    }

    /** Whether this question belongs to the held-out part. */
    public static boolean isHeldOut(String question) {
        return Integer.remainderUnsigned(fnv1a(question), BUCKETS) == 0;
    }

    /**
     * The first {@code count} held-out problems: difficulties cycle 1, 2, ..., 6, 1, ..., ids are
     * {@code heldout-0000} onwards, no question repeats. The same count always gives the same list, and a shorter
     * list is a prefix of a longer one.
     */
    public static List<Problem> heldOut(int count) {
        ProblemGenerator generator = new ProblemGenerator(HELD_OUT_SEED);
        Set<String> seen = new HashSet<>();
        List<Problem> out = new ArrayList<>(count);
        while (out.size() < count) {
            int steps = ProblemGenerator.MIN_STEPS + out.size() % ProblemGenerator.MAX_STEPS;
            Problem p = generator.next(steps, "heldout-%04d".formatted(out.size()));
            if (isHeldOut(p.question()) && seen.add(p.question())) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The first {@code count} held-out widened word problems ({@link WordProblemGenerator}, seed
     * {@value #HELD_OUT_SEED}): operations cycle 1, 2, 3, 4, 1, ..., ids {@code words-0000} onwards, no question
     * repeats; a shorter list is a prefix of a longer one. Same hash rule as {@link #heldOut}.
     */
    public static List<Problem> heldOutWords(int count) {
        WordProblemGenerator generator = new WordProblemGenerator(HELD_OUT_SEED);
        Set<String> seen = new HashSet<>();
        List<Problem> out = new ArrayList<>(count);
        while (out.size() < count) {
            int ops = WordProblemGenerator.MIN_OPS + out.size() % WordProblemGenerator.MAX_OPS;
            Problem p = generator.next(ops, "words-%04d".formatted(out.size()));
            if (isHeldOut(p.question()) && seen.add(p.question()) && p.difficulty() == ops) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** The first {@code count} held-out prompts outside the task ({@link NonProblemGenerator}), same hash rule. */
    public static List<NonProblemGenerator.NonProblem> heldOutNonProblems(int count) {
        NonProblemGenerator generator = new NonProblemGenerator(HELD_OUT_SEED);
        Set<String> seen = new HashSet<>();
        List<NonProblemGenerator.NonProblem> out = new ArrayList<>(count);
        while (out.size() < count) {
            NonProblemGenerator.NonProblem np = generator.next("nonproblem-%04d".formatted(out.size()));
            if (isHeldOut(np.question()) && seen.add(np.question())) {
                out.add(np);
            }
        }
        return List.copyOf(out);
    }

    /** A stream of the first model's training problems from {@code seed}; never a held-out question. */
    public static Training training(long seed) {
        return new Training(seed);
    }

    /** Training problems in a fixed order for one seed. Not thread-safe. */
    public static final class Training {
        private final ProblemGenerator generator;
        private final long seed;
        private long drawn;

        private Training(long seed) {
            this.generator = new ProblemGenerator(seed);
            this.seed = seed;
        }

        /** The next training problem with {@code steps} steps. */
        public Problem next(int steps) {
            while (true) {
                Problem p = generator.next(steps, "train-s%d-%d".formatted(seed, drawn));
                if (!isHeldOut(p.question())) {
                    drawn++;
                    return p;
                }
            }
        }
    }

    private static int fnv1a(String text) {
        int hash = 0x811C9DC5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x01000193;
        }
        return hash;
    }
}
