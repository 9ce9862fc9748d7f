package dev.thinkbench.engine.local.host;

import dev.thinkbench.engine.TokenLogprob;
import dev.thinkbench.engine.local.llama.SequenceState;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What each of the context's sequences holds in the KV cache, token by token, and where a new prompt should run.
 * Since the host decodes every token itself, this record is exact: a prompt reuses the longest prefix a sequence
 * already holds (a Wait step evaluates only its own tokens), a fully cached prompt re-evaluates only its last token
 * (its logits are needed), and a prompt that branches off a long cached trace runs in another sequence that starts
 * as a copy of the shared prefix ({@code llama_memory_seq_cp}: cells are shared, nothing is evaluated), so the
 * original trace stays cached for its own next step (the Stepper's forks, several budgets of one problem).
 * A sequence's content may also be kept in memory outside the KV cache ({@link #keepInMemory}): the tokens are still
 * recorded here and planned with, and the sequence id stays its own; it is put back into the cache before use.
 *
 * <p>Not thread-safe: used by the host's single worker thread.
 */
final class SequenceSlots {

    /** A branch point this many tokens or more before the end of a cached trace forks instead of rewinding it. */
    static final int FORK_MIN_TAIL = 16;

    /**
     * Where a prompt runs and what it reuses.
     *
     * @param sequence the sequence id to run in
     * @param copyFrom the sequence whose first {@code reuse} tokens are copied first, -1 for none
     * @param reuse tokens of the prompt already in place (after the copy); the rest is evaluated
     */
    record Plan(int sequence, int copyFrom, int reuse) {
    }

    /**
     * A token that greedy decoding picked after everything before it in its sequence: what greedy decoding of the
     * same tokens picks again, so a later prompt that ends there can take it without decoding.
     *
     * @param probability its log-probability and {@code top} alternatives, null when none were asked for
     * @param top how many alternatives were asked for (0 for none)
     */
    record Sampled(TokenLogprob probability, int top) {

        /** What a completion asking for {@code wanted} alternatives reports for this token. */
        TokenLogprob reported(int wanted) {
            if (wanted == 0 || probability == null) {
                return null;
            }
            return probability.top().size() <= wanted ? probability : new TokenLogprob(probability.text(),
                    probability.token(), probability.logprob(), probability.top().subList(0, wanted));
        }
    }

    /** A growable token list (a sequence gains one token per decode step), with the greedy picks among them. */
    private static final class Held {
        int[] data = new int[0];
        Sampled[] sampled = new Sampled[0];
        int length;

        int[] toArray() {
            return Arrays.copyOf(data, length);
        }
    }

    private final Held[] held;
    private final long[] lastUsed;
    private final SequenceState[] inMemory;
    private long clock;

    SequenceSlots(int sequences) {
        held = new Held[sequences];
        for (int s = 0; s < sequences; s++) {
            held[s] = new Held();
        }
        lastUsed = new long[sequences];
        inMemory = new SequenceState[sequences];
    }

    int size() {
        return held.length;
    }

    /** The tokens {@code sequence} holds, in position order (a copy). */
    int[] tokens(int sequence) {
        return held[sequence].toArray();
    }

    /** How many tokens {@code sequence} holds. */
    int length(int sequence) {
        return held[sequence].length;
    }

    /**
     * Plans a prompt.
     *
     * @param busy sequences already taken by other prompts of the same batch (not to be used or rewound)
     * @param reuseCache false to evaluate the whole prompt
     */
    Plan plan(int[] prompt, Set<Integer> busy, boolean reuseCache) {
        int best = -1;
        int bestCommon = -1;
        for (int s = 0; s < held.length; s++) {
            if (busy.contains(s)) {
                continue;
            }
            int common = reuseCache ? usable(prompt, held[s].data, held[s].length) : 0;
            if (common > bestCommon || common == bestCommon && lastUsed[s] < lastUsed[best]) {
                best = s;
                bestCommon = common;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no free sequence (" + held.length + " in use)");
        }
        if (!reuseCache || bestCommon == 0) {
            return new Plan(leastRecentlyUsed(busy), -1, 0);
        }
        int tail = held[best].length - bestCommon;
        if (tail >= FORK_MIN_TAIL) {
            Set<Integer> taken = new HashSet<>(busy);
            taken.add(best);
            int other = leastRecentlyUsed(taken);
            if (other >= 0) {
                return new Plan(other, best, bestCommon);
            }
        }
        return new Plan(best, -1, bestCommon);
    }

    /**
     * Plans a prompt that may copy a prefix from {@code source}, a sequence another prompt of the batch has just
     * filled with {@code sourcePrompt}.
     */
    Plan planBeside(int[] prompt, Set<Integer> busy, int source, int[] sourcePrompt, boolean reuseCache) {
        Plan own = plan(prompt, busy, reuseCache);
        int shared = usable(prompt, sourcePrompt, sourcePrompt.length);
        return shared > own.reuse() ? new Plan(own.sequence(), source, shared) : own;
    }

    /** The tokens of {@code prompt} that can come from a sequence holding {@code cached}: never the last one. */
    static int usable(int[] prompt, int[] cached, int cachedLength) {
        int n = Math.min(prompt.length - 1, cachedLength);
        int i = 0;
        while (i < n && prompt[i] == cached[i]) {
            i++;
        }
        return Math.max(i, 0);
    }

    private int leastRecentlyUsed(Set<Integer> busy) {
        int pick = -1;
        for (int s = 0; s < held.length; s++) {
            if (busy.contains(s)) {
                continue;
            }
            boolean empty = held[s].length == 0;
            if (pick < 0 || empty && held[pick].length > 0
                    || empty == (held[pick].length == 0) && lastUsed[s] < lastUsed[pick]) {
                pick = s;
            }
        }
        return pick;
    }

    /** Records that {@code sequence} now holds the first {@code n} tokens of {@code prompt}, none a greedy pick. */
    void set(int sequence, int[] prompt, int n) {
        releaseMemory(sequence);
        Held h = new Held();
        h.data = Arrays.copyOf(prompt, Math.max(n, 16));
        h.sampled = new Sampled[h.data.length];
        h.length = n;
        held[sequence] = h;
        lastUsed[sequence] = ++clock;
    }

    /**
     * Records that {@code sequence} now holds the first {@code n} tokens {@code source} holds (after a rewind when
     * they are the same, or a copy), greedy picks included.
     */
    void take(int sequence, int source, int n) {
        if (sequence != source) {
            releaseMemory(sequence);
        }
        Held from = held[source];
        Held h = new Held();
        h.data = Arrays.copyOf(from.data, Math.max(n, 16));
        h.sampled = Arrays.copyOf(from.sampled, h.data.length);
        h.length = n;
        held[sequence] = h;
        lastUsed[sequence] = ++clock;
    }

    /** Records one more decoded token at the end of {@code sequence}; {@code sampled} null when not a greedy pick. */
    void append(int sequence, int token, Sampled sampled) {
        Held h = held[sequence];
        if (h.length == h.data.length) {
            h.data = Arrays.copyOf(h.data, Math.max(16, h.data.length * 2));
            h.sampled = Arrays.copyOf(h.sampled, h.data.length);
        }
        h.sampled[h.length] = sampled;
        h.data[h.length++] = token;
    }

    /**
     * How many greedy picks {@code sequence} holds one after another right after the whole of {@code prompt} (0
     * when it does not hold the prompt), at most {@code max}, each with at least {@code top} alternatives recorded.
     */
    int greedyRunAfter(int sequence, int[] prompt, int top, int max) {
        Held h = held[sequence];
        if (h.length <= prompt.length || !Arrays.equals(h.data, 0, prompt.length, prompt, 0, prompt.length)) {
            return 0;
        }
        int n = 0;
        for (int i = prompt.length; i < h.length && n < max; i++, n++) {
            Sampled s = h.sampled[i];
            if (s == null || s.top() < top) {
                break;
            }
        }
        return n;
    }

    /**
     * Whether {@code other} holds every token {@code sequence} holds (at least one), in the same places, with each
     * greedy pick among them recorded there too (with as many alternatives).
     */
    boolean covers(int other, int sequence) {
        Held h = held[sequence];
        Held o = held[other];
        if (h.length == 0 || o.length < h.length || !Arrays.equals(h.data, 0, h.length, o.data, 0, h.length)) {
            return false;
        }
        for (int i = 0; i < h.length; i++) {
            Sampled mine = h.sampled[i];
            if (mine != null && (o.sampled[i] == null || o.sampled[i].top() < mine.top())) {
                return false;
            }
        }
        return true;
    }

    /** The greedy pick at {@code position} of {@code sequence} (see {@link #greedyRunAfter}). */
    Sampled sampled(int sequence, int position) {
        return held[sequence].sampled[position];
    }

    /** The token at {@code position} of {@code sequence}. */
    int token(int sequence, int position) {
        return held[sequence].data[position];
    }

    /** Records that {@code sequence} now holds only its first {@code n} tokens (the rest were removed). */
    void truncate(int sequence, int n) {
        held[sequence].length = Math.min(n, held[sequence].length);
    }

    /** Sequences outside {@code keep} that hold something, least recently used first (eviction order). */
    int[] evictable(Set<Integer> keep) {
        return IntStream.range(0, held.length).filter(s -> !keep.contains(s) && held[s].length > 0).boxed()
                .sorted(Comparator.comparingLong(s -> lastUsed[s])).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Records that {@code sequence}'s content is now kept in memory, not in the KV cache (it was copied out, then
     * removed from the cache); its tokens stay recorded.
     */
    void keepInMemory(int sequence, SequenceState state) {
        releaseMemory(sequence);
        inMemory[sequence] = state;
    }

    /** The state {@code sequence} is kept in memory as, or null when its content is in the KV cache (or empty). */
    SequenceState memoryState(int sequence) {
        return inMemory[sequence];
    }

    /** Records that {@code sequence}'s content is back in the KV cache, and frees the memory that held it. */
    void backInCache(int sequence) {
        releaseMemory(sequence);
    }

    /** Bytes of KV cache state kept in memory, all sequences together. */
    long memoryBytes() {
        long n = 0;
        for (SequenceState m : inMemory) {
            if (m != null) {
                n += m.byteSize();
            }
        }
        return n;
    }

    private void releaseMemory(int sequence) {
        SequenceState m = inMemory[sequence];
        inMemory[sequence] = null;
        if (m != null) {
            m.close();
        }
    }

    /** Forgets a sequence's content (after removing it from the KV cache), and frees any memory it was kept in. */
    void clear(int sequence) {
        held[sequence] = new Held();
        releaseMemory(sequence);
    }

    /** Forgets everything (a new context). */
    void clearAll() {
        for (int s = 0; s < held.length; s++) {
            clear(s);
        }
    }
}
