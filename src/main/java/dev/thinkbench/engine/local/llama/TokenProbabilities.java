package dev.thinkbench.engine.local.llama;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Log-probabilities from a decoded output's logits: the log-softmax over the whole vocabulary (the model's own
 * distribution, before temperature or truncation by the sampler), the chosen token's value and the k most likely
 * alternatives.
 *
 * <p>Stateless and thread-safe.
 */
public final class TokenProbabilities {

    /** A token and its natural-log probability. */
    public record Candidate(int token, double logprob) {
    }

    /** The chosen token's log-probability and the top alternatives, most likely first. */
    public record Result(int token, double logprob, List<Candidate> top) {
    }

    private TokenProbabilities() {
    }

    /** @param topK how many alternatives (capped at the vocabulary size), 0 for none */
    public static Result of(MemorySegment logits, int chosen, int topK) {
        return of(logits.toArray(ValueLayout.JAVA_FLOAT), chosen, topK);
    }

    public static Result of(float[] logits, int chosen, int topK) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        double logNorm = max + Math.log(sum);
        return new Result(chosen, logits[chosen] - logNorm, top(logits, Math.min(topK, logits.length), logNorm));
    }

    private static List<Candidate> top(float[] logits, int k, double logNorm) {
        if (k <= 0) {
            return List.of();
        }
        PriorityQueue<Integer> heap = new PriorityQueue<>(k + 1, Comparator.comparingDouble(i -> logits[i]));
        for (int i = 0; i < logits.length; i++) {
            if (heap.size() < k) {
                heap.add(i);
            } else if (logits[i] > logits[heap.peek()]) {
                heap.poll();
                heap.add(i);
            }
        }
        Integer[] ids = heap.toArray(new Integer[0]);
        Arrays.sort(ids, Comparator.comparingDouble((Integer i) -> logits[i]).reversed());
        List<Candidate> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(new Candidate(id, logits[id] - logNorm));
        }
        return out;
    }
}
