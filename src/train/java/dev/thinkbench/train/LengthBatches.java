package dev.thinkbench.train;

import dev.thinkbench.core.problems.MicroFormat;
import dev.thinkbench.core.problems.Problem;
import dev.thinkbench.core.problems.ProblemGenerator;
import dev.thinkbench.core.problems.ProblemSplit;
import dev.thinkbench.core.problems.Scratchpad;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Training batches of whole examples, one per row, grouped by length so rows need little padding and attention
 * runs over about the example's own length (a pool of {@value #POOL} batches is sorted by length, cut into
 * batches, and the batches shuffled). Pads sit at the end of a row, so a plain causal mask keeps real tokens from
 * seeing them. The loss covers what the model writes: the thinking, the end of thinking, the answer and the end of
 * turn; never the prompt. Difficulties are uniform over 1..6 and trace styles follow {@link Scratchpad#sample}.
 * Deterministic for a seed; one thread.
 */
final class LengthBatches {

    /** One batch, row-major {@code [rows][seq]}; {@code causal} is the {@code [seq][seq]} additive mask. */
    record Batch(int rows, int seq, int[] ids, int[] targets, float[] lossMask, float[] causal, int lossTokens,
                 int realTokens) {
    }

    private record Example(int[] tokens, int promptLength) {
    }

    static final float MASKED = -1e9f;
    private static final int POOL = 16;
    private final ProblemSplit.Training problems;
    private final Random rng;
    private final int rows;
    private final int maxSeq;
    private final Deque<List<Example>> queue = new ArrayDeque<>();

    LengthBatches(long seed, int rows, int maxSeq) {
        this.problems = ProblemSplit.training(seed);
        this.rng = new Random(seed * 31 + 7);
        this.rows = rows;
        this.maxSeq = maxSeq;
    }

    Batch next() {
        if (queue.isEmpty()) {
            refill();
        }
        List<Example> group = queue.poll();
        int seq = group.stream().mapToInt(e -> e.tokens().length).max().orElseThrow() - 1;
        int[] ids = new int[rows * seq];
        int[] targets = new int[rows * seq];
        float[] mask = new float[rows * seq];
        int lossTokens = 0;
        int realTokens = 0;
        for (int r = 0; r < rows; r++) {
            Example e = group.get(r);
            int[] t = e.tokens();
            for (int i = 0; i + 1 < t.length; i++) {
                ids[r * seq + i] = t[i];
                targets[r * seq + i] = t[i + 1];
                if (i + 1 >= e.promptLength()) {
                    mask[r * seq + i] = 1f;
                    lossTokens++;
                }
            }
            realTokens += t.length - 1;
        }
        return new Batch(rows, seq, ids, targets, mask, causal(seq), lossTokens, realTokens);
    }

    static float[] causal(int seq) {
        float[] c = new float[seq * seq];
        for (int i = 0; i < seq; i++) {
            for (int j = i + 1; j < seq; j++) {
                c[i * seq + j] = MASKED;
            }
        }
        return c;
    }

    private void refill() {
        List<Example> pool = new ArrayList<>(rows * POOL);
        for (int i = 0; i < rows * POOL; i++) {
            pool.add(draw());
        }
        pool.sort(Comparator.comparingInt(e -> e.tokens().length));
        List<List<Example>> groups = new ArrayList<>(POOL);
        for (int g = 0; g < POOL; g++) {
            groups.add(pool.subList(g * rows, (g + 1) * rows));
        }
        Collections.shuffle(groups, rng);
        queue.addAll(groups);
    }

    private Example draw() {
        int steps = ProblemGenerator.MIN_STEPS + rng.nextInt(ProblemGenerator.MAX_STEPS);
        Problem p = problems.next(steps);
        String thinking = Scratchpad.sample(p, rng);
        int[] prompt = MicroVocab.encode(MicroFormat.prompt(p.question()));
        int[] completion = MicroVocab.encode(MicroFormat.completion(thinking, p.answer()));
        int[] all = new int[prompt.length + completion.length];
        System.arraycopy(prompt, 0, all, 0, prompt.length);
        System.arraycopy(completion, 0, all, prompt.length, completion.length);
        if (all.length > maxSeq) {
            throw new IllegalStateException("an example of " + all.length + " tokens exceeds the context " + maxSeq);
        }
        return new Example(all, prompt.length);
    }
}
