package dev.thinkbench.engine.local.host;

import java.util.Arrays;

/**
 * Counts the prompt tokens llama.cpp will actually evaluate for a request, by mirroring its server's slot cache (one
 * slot): the cache holds the last prompt's tokens and the generated tokens that were decoded; a new prompt reuses
 * the longest common prefix, and a fully cached prompt still re-evaluates its last token. The library reports
 * neither token ids nor timings, so generated ids are re-derived by tokenizing the generated text and are trusted
 * only when their count equals the number of tokens streamed; whenever the cache content is uncertain the answer is
 * null (unknown), never a guess.
 *
 * <p>Not thread-safe: used by the host's single worker thread.
 */
final class PromptCacheTracker {

    /** Stands for BOS, the sampled EOS or any token whose id is not known; never equal to a real id. */
    private static final int OPAQUE = -1;

    /** Tokens certainly in the cache, or null when unknown. */
    private int[] cache = new int[0];
    /** The last sampled token: in the cache only if the run was cancelled after it (unknowable). */
    private int lastSampled = OPAQUE;
    private boolean tailUncertain;

    /**
     * The tokens that {@code prompt} (already tokenized, BOS included) will evaluate, or null when unknown.
     *
     * @param cachePrompt whether the request asks to reuse the cache
     */
    Integer evaluatedFor(int[] prompt, boolean cachePrompt) {
        if (!cachePrompt) {
            return prompt.length;
        }
        if (cache == null) {
            return null;
        }
        int common = commonPrefix(prompt, cache);
        boolean reachesUncertainTail = common == cache.length && prompt.length > common && tailUncertain;
        if (reachesUncertainTail && (lastSampled == OPAQUE || prompt[common] == lastSampled)) {
            return null;
        }
        if (common == prompt.length && common > 0) {
            common--;
        }
        return prompt.length - common;
    }

    /**
     * Records what the cache holds after a completion.
     *
     * @param prompt the prompt's tokens, BOS included
     * @param generated ids re-derived from the generated text (without a final EOS), or null when they could not be
     *                  verified
     * @param endedByEos whether the last streamed token was the EOS (its text is empty)
     * @param cancelled whether the completion was cancelled (more tokens may have been decoded than streamed)
     */
    void completed(int[] prompt, int[] generated, boolean endedByEos, boolean cancelled) {
        if (generated == null) {
            cache = null;
            return;
        }
        int[] sampled = endedByEos ? append(generated, OPAQUE) : generated;
        if (sampled.length == 0) {
            cache = prompt.clone();
            lastSampled = OPAQUE;
            tailUncertain = false;
            return;
        }
        cache = concat(prompt, Arrays.copyOf(sampled, sampled.length - 1));
        lastSampled = sampled[sampled.length - 1];
        tailUncertain = cancelled;
    }

    /** Forgets the cache content (after an error, or a new model). */
    void reset(boolean known) {
        cache = known ? new int[0] : null;
        lastSampled = OPAQUE;
        tailUncertain = false;
    }

    /** Marks a prompt token list with a leading opaque BOS when the model adds one. */
    static int[] withBos(int[] tokens, boolean addBos) {
        if (!addBos) {
            return tokens;
        }
        int[] out = new int[tokens.length + 1];
        out[0] = OPAQUE - 1;
        System.arraycopy(tokens, 0, out, 1, tokens.length);
        return out;
    }

    private static int commonPrefix(int[] a, int[] b) {
        int n = Math.min(a.length, b.length);
        int i = 0;
        while (i < n && a[i] == b[i]) {
            i++;
        }
        return i;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] append(int[] a, int v) {
        int[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }
}
