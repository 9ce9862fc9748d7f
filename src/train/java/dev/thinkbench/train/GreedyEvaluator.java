package dev.thinkbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.problems.MicroFormat;
import dev.thinkbench.core.problems.Problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy decoding in the trainer (batched, left-padded, with a key/value cache) to watch held-out accuracy while
 * training: with full thinking, and with the answer forced at once ({@code </think>\nFinal Answer:} right after the
 * opened thinking, as the app's forcer does for no thinking). Graded by {@link AnswerGrader}. One thread.
 */
final class GreedyEvaluator {

    /** Accuracy of one mode, overall and per difficulty (index 1..6). */
    record Result(int correct, int total, int[] correctByDifficulty, int[] totalByDifficulty, List<String> samples) {
        double accuracy() {
            return total == 0 ? 0 : (double) correct / total;
        }

        String byDifficulty() {
            StringBuilder b = new StringBuilder();
            for (int d = 1; d < totalByDifficulty.length; d++) {
                if (totalByDifficulty[d] > 0) {
                    b.append(d).append(':').append(correctByDifficulty[d]).append('/').append(totalByDifficulty[d])
                            .append(' ');
                }
            }
            return b.toString().strip();
        }
    }

    private static final int BATCH = 60;
    private final MicroModel model;
    private final NDManager manager;

    GreedyEvaluator(MicroModel model, NDManager manager) {
        this.model = model;
        this.manager = manager;
    }

    Result evaluate(List<Problem> problems, boolean thinking, int maxNew) {
        int correct = 0;
        int[] byD = new int[8];
        int[] totD = new int[8];
        List<String> samples = new ArrayList<>();
        for (int from = 0; from < problems.size(); from += BATCH) {
            List<Problem> chunk = problems.subList(from, Math.min(problems.size(), from + BATCH));
            List<String> prompts = chunk.stream().map(p -> MicroFormat.prompt(p.question())
                    + (thinking ? "" : MicroFormat.END_THINK + "\n" + MicroFormat.ANSWER_PREFIX)).toList();
            List<String> outputs = generate(prompts, maxNew);
            for (int i = 0; i < chunk.size(); i++) {
                Problem p = chunk.get(i);
                boolean ok = AnswerGrader.isCorrect(outputs.get(i), p.answer());
                correct += ok ? 1 : 0;
                byD[p.difficulty()] += ok ? 1 : 0;
                totD[p.difficulty()]++;
                if (samples.size() < 2 && !ok) {
                    samples.add(p.question() + " [" + p.answer() + "] => " + outputs.get(i).replace("\n", "|"));
                }
            }
        }
        return new Result(correct, problems.size(), byD, totD, samples);
    }

    /** Greedy continuations of {@code prompts}, each cut at its end of turn. */
    List<String> generate(List<String> prompts, int maxNew) {
        int b = prompts.size();
        int[][] enc = prompts.stream().map(MicroVocab::encode).toArray(int[][]::new);
        int len = Arrays.stream(enc).mapToInt(a -> a.length).max().orElse(1);
        int total = len + maxNew;
        int[] ids = new int[b * len];
        boolean[] pad = new boolean[b * total];
        for (int r = 0; r < b; r++) {
            int off = len - enc[r].length;
            for (int i = 0; i < off; i++) {
                pad[r * total + i] = true;
            }
            System.arraycopy(enc[r], 0, ids, r * len + off, enc[r].length);
        }
        int[][] out = new int[b][maxNew];
        int[] produced = new int[b];
        boolean[] done = new boolean[b];
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            MicroModel.Cache cache = new MicroModel.Cache();
            float[] bias = new float[b * len * len];
            for (int r = 0; r < b; r++) {
                for (int i = 0; i < len; i++) {
                    for (int j = 0; j < len; j++) {
                        boolean visible = j <= i && !pad[r * total + j];
                        bias[(r * len + i) * len + j] = visible ? 0f : LengthBatches.MASKED;
                    }
                }
            }
            NDArray logits = model.forward(manager.create(ids, new Shape(b, len)),
                    manager.create(bias, new Shape(b, 1, len, len)), 0, cache);
            long[] next = logits.get(":, -1, :").argMax(-1).toLongArray();
            for (int step = 0; step < maxNew; step++) {
                boolean all = true;
                int[] feed = new int[b];
                for (int r = 0; r < b; r++) {
                    if (!done[r]) {
                        out[r][produced[r]++] = (int) next[r];
                        done[r] = next[r] == MicroVocab.IM_END;
                    }
                    all &= done[r];
                    feed[r] = (int) next[r];
                }
                if (all || step == maxNew - 1) {
                    break;
                }
                int keys = len + step + 1;
                float[] kb = new float[b * keys];
                for (int r = 0; r < b; r++) {
                    for (int j = 0; j < keys; j++) {
                        kb[r * keys + j] = pad[r * total + j] ? LengthBatches.MASKED : 0f;
                    }
                }
                logits = model.forward(manager.create(feed, new Shape(b, 1)),
                        manager.create(kb, new Shape(b, 1, 1, keys)), len + step, cache);
                next = logits.get(":, -1, :").argMax(-1).toLongArray();
            }
        }
        List<String> texts = new ArrayList<>(b);
        for (int r = 0; r < b; r++) {
            texts.add(MicroVocab.decode(Arrays.copyOf(out[r], produced[r])));
        }
        return texts;
    }
}
