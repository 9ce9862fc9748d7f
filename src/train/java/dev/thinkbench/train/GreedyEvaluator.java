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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Greedy decoding in the trainer (batched, left-padded, with a key/value cache) to watch held-out accuracy while
 * training: with full thinking, and with the answer forced at once ({@code </think>\nFinal Answer:} right after the
 * opened thinking, as the app's forcer does for no thinking). Problems are graded by {@link AnswerGrader}, prompts
 * outside the task by {@link MicroFormat#isRefusal}. One thread.
 */
final class GreedyEvaluator {

    /** One validation prompt: its group for the log, and what counts as right. */
    record Item(String group, String question, Predicate<String> right) {
        static Item problem(String group, Problem p) {
            return new Item(group, p.question(), out -> AnswerGrader.isCorrect(out, p.answer()));
        }

        static Item nonProblem(String question) {
            return new Item("refuse", question, out -> MicroFormat.isRefusal(answerPart(out)));
        }

        private static String answerPart(String out) {
            int end = out.lastIndexOf(MicroFormat.END_THINK);
            return end < 0 ? out : out.substring(end + MicroFormat.END_THINK.length());
        }
    }

    /** Right answers per group, in the order groups first appear; a few wrong outputs to print. */
    record Result(Map<String, int[]> byGroup, List<String> samples) {
        double accuracy(String group) {
            int[] c = byGroup.get(group);
            return c == null || c[1] == 0 ? 0 : (double) c[0] / c[1];
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            byGroup.forEach((g, c) -> b.append(g).append(' ').append(c[0]).append('/').append(c[1]).append("  "));
            return b.toString().strip();
        }
    }

    private static final int BATCH = 40;
    private final MicroModel model;
    private final MicroVocab vocab;
    private final NDManager manager;

    GreedyEvaluator(MicroModel model, MicroVocab vocab, NDManager manager) {
        this.model = model;
        this.vocab = vocab;
        this.manager = manager;
    }

    Result evaluate(List<Item> items, boolean thinking, int maxNew) {
        Map<String, int[]> byGroup = new LinkedHashMap<>();
        List<String> samples = new ArrayList<>();
        for (int from = 0; from < items.size(); from += BATCH) {
            List<Item> chunk = items.subList(from, Math.min(items.size(), from + BATCH));
            List<String> prompts = chunk.stream().map(p -> MicroFormat.prompt(p.question())
                    + (thinking ? "" : MicroFormat.END_THINK + "\n" + MicroFormat.ANSWER_PREFIX)).toList();
            List<String> outputs = generate(prompts, maxNew);
            for (int i = 0; i < chunk.size(); i++) {
                Item item = chunk.get(i);
                boolean ok = item.right().test(outputs.get(i));
                int[] c = byGroup.computeIfAbsent(item.group(), g -> new int[2]);
                c[0] += ok ? 1 : 0;
                c[1]++;
                if (!ok && samples.size() < 4) {
                    samples.add(item.question() + " => " + outputs.get(i).replace("\n", "|"));
                }
            }
        }
        return new Result(byGroup, samples);
    }

    /** Greedy continuations of {@code prompts}, each cut at its end of turn. */
    List<String> generate(List<String> prompts, int maxNew) {
        int b = prompts.size();
        int[][] enc = prompts.stream().map(vocab::encode).toArray(int[][]::new);
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
            NDArray hidden = model.hidden(manager.create(ids, new Shape(b, len)),
                    manager.create(bias, new Shape(b, 1, len, len)), 0, cache);
            long[] next = model.logits(hidden.get(":, -1, :")).argMax(-1).toLongArray();
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
                hidden = model.hidden(manager.create(feed, new Shape(b, 1)),
                        manager.create(kb, new Shape(b, 1, 1, keys)), len + step, cache);
                next = model.logits(hidden.get(":, -1, :")).argMax(-1).toLongArray();
            }
        }
        List<String> texts = new ArrayList<>(b);
        for (int r = 0; r < b; r++) {
            texts.add(vocab.decode(Arrays.copyOf(out[r], produced[r])));
        }
        return texts;
    }
}
