package dev.thinkbench.train;

import dev.thinkbench.core.problems.TrainingMix;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Training batches of whole examples ({@link TrainingMix}), one per row, grouped by length so rows need little
 * padding and attention runs over about the example's own length (a pool of {@value #POOL} batches is sorted by
 * length, cut into batches, and the batches shuffled). Pads sit at the end of a row, so a plain causal mask keeps
 * real tokens from seeing them. The loss covers what the model writes (the trained segments: thinking, end of
 * thinking, answer, end of turn); never the prompt nor what the forcer appends. Examples longer than the context
 * are skipped and counted. Deterministic for a seed; one thread.
 */
final class LengthBatches {

    /** One batch, row-major {@code [rows][seq]}; {@code causal} is the {@code [seq][seq]} additive mask. */
    record Batch(int rows, int seq, int[] ids, int[] targets, float[] lossMask, float[] causal, int lossTokens,
                 int realTokens) {
    }

    /** Token ids and, per position, whether predicting the next token counts in the loss. */
    record Example(int[] tokens, boolean[] trainedNext) {
    }

    static final float MASKED = -1e9f;
    private static final int POOL = 16;
    private final TrainingMix mix;
    private final MicroVocab vocab;
    private final Random rng;
    private final int rows;
    private final int maxSeq;
    private final Deque<List<Example>> queue = new ArrayDeque<>();
    private long skipped;

    LengthBatches(long seed, Set<String> excluded, MicroVocab vocab, int rows, int maxSeq) {
        this.mix = new TrainingMix(seed, excluded);
        this.vocab = vocab;
        this.rng = new Random(seed * 131 + 17);
        this.rows = rows;
        this.maxSeq = maxSeq;
    }

    long skipped() {
        return skipped;
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
                if (e.trainedNext()[i]) {
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
        while (pool.size() < rows * POOL) {
            Example e = encode(vocab, mix.next());
            if (e.tokens().length > maxSeq) {
                skipped++;
            } else {
                pool.add(e);
            }
        }
        pool.sort(Comparator.comparingInt(e -> e.tokens().length));
        List<List<Example>> groups = new ArrayList<>(POOL);
        for (int g = 0; g < POOL; g++) {
            groups.add(pool.subList(g * rows, (g + 1) * rows));
        }
        Collections.shuffle(groups, rng);
        queue.addAll(groups);
    }

    /**
     * The example's tokens, part by part (no piece crosses a part's edge: parts end in a newline, a colon or an end
     * of turn, and pieces are letters), each marked by whether it is the model's to learn.
     */
    static Example encode(MicroVocab vocab, TrainingMix.Example example) {
        List<Integer> tokens = new ArrayList<>();
        List<Boolean> trained = new ArrayList<>();
        for (int id : vocab.encode(example.prompt())) {
            tokens.add(id);
            trained.add(false);
        }
        for (TrainingMix.Segment s : example.completion()) {
            for (int id : vocab.encode(s.text())) {
                tokens.add(id);
                trained.add(s.trained());
            }
        }
        int[] ids = tokens.stream().mapToInt(Integer::intValue).toArray();
        boolean[] next = new boolean[ids.length];
        for (int i = 0; i + 1 < ids.length; i++) {
            next[i] = trained.get(i + 1);
        }
        return new Example(ids, next);
    }
}
