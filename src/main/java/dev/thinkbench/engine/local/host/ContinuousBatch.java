package dev.thinkbench.engine.local.host;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.TokenLogprob;
import dev.thinkbench.engine.local.llama.LlamaBatch;
import dev.thinkbench.engine.local.llama.LlamaContext;
import dev.thinkbench.engine.local.llama.LlamaException;
import dev.thinkbench.engine.local.llama.LlamaLibrary;
import dev.thinkbench.engine.local.llama.LlamaSampler;
import dev.thinkbench.engine.local.llama.LlamaVocab;
import dev.thinkbench.engine.local.llama.SequenceState;
import dev.thinkbench.engine.local.llama.TokenProbabilities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * Continuous batching on the loaded context, the way llama-server's slots work: completions {@link #add join} while
 * others run, and each {@link #step} is one {@code llama_decode} for every running completion: the next prompt chunk
 * of each newcomer and one token of each generating one. Every completion keeps its own stop strings, cap, sampler
 * and seed, token probabilities and cancel, and streams through its own {@link SequenceStream}; the streams send
 * their waiting text together, on one tick every {@link SequenceStream#FLUSH_NANOS}.
 *
 * <p>Which sequence a completion runs in comes from {@link SequenceSlots}: it reuses the longest prefix a cached
 * sequence holds (a Wait step evaluates only its own tokens) or starts as a copy of one ({@code llama_memory_seq_cp});
 * a prompt that shares a prefix with a completion still evaluating it waits for that evaluation and copies it (the
 * budgets of one problem arriving together evaluate their prompt once). For a model that keeps a recurrent state
 * ({@link dev.thinkbench.engine.local.llama.LlamaModel#keepsRecurrentState}), which llama.cpp copies whole and cannot
 * cut short, a sequence is copied only where what is taken is all it holds, and reused only without a cut
 * ({@link #canCopyFirst}); otherwise the prompt is evaluated whole. A greedy completion that asks for it (a
 * sweep's) whose whole prompt a sequence holds, followed by tokens greedy decoding picked there, takes those tokens as
 * its own without decoding them ({@link #replay}): greedy decoding of the same tokens picks the same token, so a longer budget of a problem
 * neither decodes nor evaluates again the thinking a shorter budget generated; it copies those cells and goes on
 * from where that budget stopped (its stop strings and cap still apply to each token). A completion waits for a free
 * sequence when all are running. When the KV cache is full, idle cached sequences are dropped first; then the newest completion
 * gives way: back to waiting if it has produced nothing yet, otherwise it fails with a clear message; the others go
 * on.
 *
 * <p>A cached sequence nothing has used for {@value #KEEP_IN_CACHE_MS} ms while one other sequence generates alone is
 * moved out of the KV cache into memory ({@code llama_state_seq_get_data}) and put back when a prompt uses it (a copy,
 * no evaluation): llama.cpp attends over every cell up to the highest one in use, idle ones masked but still there.
 * On several threads it splits a lone sequence's attention over the cells by position, a slice a thread, so a thread
 * whose slice held idle cells had nothing to do (one idle 532-token trace below a 91M-parameter Q4_0 decode:
 * 1.07-1.14x faster once it moved out); on one thread every masked cell still costs its turn (the micro model with
 * the eight traces of a best-of-8 left idle decoded at 0.75-0.83x of its speed on a clean cache). Batched steps (a
 * sweep's, several budgets at once) leave them in place: their traces come back within milliseconds, and moving
 * them in and out there only cost time (a 200-problem micro sweep took 1.4x as long). In memory they cost nothing
 * per token; at most as many bytes as the whole KV cache are kept there, the least recently used dropped first.
 * Once nothing else is left in the cache, the lone sequence itself is moved down into the lowest cells
 * ({@link #packAlone}): its own cells may sit above, or interleaved with, those the others freed.
 *
 * <p>On a tiny model (given a {@link LoneContext}), a completion that generates alone, nothing waiting, moves into
 * that context of one sequence instead ({@link #moveAlone}), and decodes there until it ends or another completion
 * arrives; then it moves back into its sequence here ({@link #bringBack}). The shared context's every decode pays
 * for a check of all 256 sequence ids llama.cpp allows a unified cache, about a fifth of a tiny model's time per
 * token (the bundled micro model, one completion through the host: 0.58-0.64x of llama-bench's tg64 in the lone
 * context against 0.43-0.48x without it, 2026-12-06).
 *
 * <p>Not thread-safe: the host's worker thread only.
 */
final class ContinuousBatch {

    /**
     * One completion to run.
     *
     * @param prompt the prompt's tokens (BOS included where the model wants one)
     * @param topLogprobs 0 for no probabilities
     * @param reuseCache false evaluates the whole prompt and keeps nothing once it ends: the cache is off for it
     * @param replayPicks a greedy completion may take the greedy picks a sequence holds after its prompt
     *                    ({@link #replay}); false decodes every token it returns
     */
    record Spec(int[] prompt, int maxTokens, List<String> stop, LlamaSampler.Settings sampling, int topLogprobs,
                boolean reuseCache, boolean replayPicks) {
    }

    /** Where a completion's events and its failure go. */
    interface Replies {

        void send(HostEvent event);

        /** Answers the request with an error (the completion is over). */
        void fail(long id, FailureKind kind, String message);
    }

    /** One completion from {@link #add} to its end. */
    private static final class Running {
        final long id;
        final Spec spec;
        final Replies replies;
        final SequenceStream stream;
        final LlamaSampler sampler;
        final int cap;
        int sequence = -1;
        int position;
        int evaluated;
        int generated;
        int pending = -1;
        int taken;
        int output = -1;
        /** Whether {@link #pending} is a greedy pick (it is recorded as one when it joins the cache), or null. */
        SequenceSlots.Sampled pendingSampled;
        int steps;
        int sharedSteps;
        /** Set when {@link #moveAlone} could not copy it: it is not tried again. */
        boolean staysShared;
        /** The most cells other sequences held in the KV cache beside this one's since it last sat alone there. */
        int cellsBeside;
        boolean ended;

        Running(long id, Spec spec, Replies replies, LlamaSampler sampler, int cap) {
            this.id = id;
            this.spec = spec;
            this.replies = replies;
            this.stream = new SequenceStream(id, spec.stop(), spec.topLogprobs() > 0, replies::send);
            this.sampler = sampler;
            this.cap = cap;
        }

        boolean prefilling() {
            return pending < 0;
        }
    }

    /** Idle cached sequences kept whatever they hold, the most recently used: as many as run at once by default, so a
     * batched sweep's finished thinking is still there when its forced answer comes. */
    static final int KEEP_RECENT = 8;
    /** A shared prefix this long (or half the prompt) makes a cached sequence worth keeping for a prompt. */
    static final int RELATED_TOKENS = 64;
    /**
     * How long an idle sequence stays in the KV cache while others decode before it is moved to memory: a Wait step
     * or a forced answer continues a trace within milliseconds of its end, and then finds it in place.
     */
    static final long KEEP_IN_CACHE_MS = 200;
    /** llama.cpp rounds the cells it attends over up to a multiple of 256: fewer beside a sequence may cost nothing. */
    static final int PACK_MIN_CELLS = 256;
    /** The fewest tokens a completion may still generate for {@link #packAlone} or {@link #moveAlone} to move it. */
    static final int PACK_MIN_TOKENS = 32;
    private static final long NEVER = Long.MIN_VALUE;

    private final LlamaLibrary lib;
    private final LlamaContext ctx;
    /** Where a completion generating alone decodes, or null (a model not tiny: see the class comment). */
    private final LoneContext lone;
    /** The completion in {@link #lone}, or null. */
    private Running alone;
    private final LlamaVocab vocab;
    /** The model keeps a recurrent state: a sequence's first tokens can be copied only when they are all it holds. */
    private final boolean recurrent;
    private final SequenceSlots slots;
    private final LlamaBatch batch;
    private final Running[] owners;
    private final int[] batchTokens;
    private final SequenceSlots.Sampled[] batchSampled;
    /** Added, not yet in a sequence (no free one, or waiting for a shared prefix to be evaluated), oldest first. */
    private final List<Running> waiting = new ArrayList<>();
    /** In a sequence: evaluating the prompt or generating, oldest first. */
    private final List<Running> running = new ArrayList<>();
    /** Set when a completion gave way for room: nobody new starts until one ends. */
    private boolean roomShort;
    private long steps;
    /** {@link #packs()}. */
    private long packs;
    /** {@link #aloneSteps()}. */
    private long aloneSteps;
    private final LongSupplier nanoTime;
    /** When each sequence's last completion ended ({@link #NEVER} before one has): idle since then. */
    private final long[] idleSince;
    /** The most bytes of KV cache state kept in memory: as many as the whole cache holds (known after one move). */
    private long memoryBudget = -1;
    /** When the running completions last sent their waiting text, all at once ({@link SequenceStream#FLUSH_NANOS}). */
    private long lastFlush;

    /** Without a context for a lone completion (see the class comment). */
    ContinuousBatch(LlamaLibrary lib, LlamaContext ctx, SequenceSlots slots, LlamaBatch batch, LongSupplier nanoTime) {
        this(lib, ctx, null, slots, batch, nanoTime);
    }

    /**
     * @param lone where a completion generating alone decodes (a tiny model's), or null
     * @param nanoTime monotonic nanoseconds: when an idle sequence moves to memory ({@link #KEEP_IN_CACHE_MS})
     */
    ContinuousBatch(LlamaLibrary lib, LlamaContext ctx, LoneContext lone, SequenceSlots slots, LlamaBatch batch,
                    LongSupplier nanoTime) {
        this.lone = lone;
        this.nanoTime = nanoTime;
        this.lastFlush = nanoTime.getAsLong();
        this.idleSince = new long[slots.size()];
        Arrays.fill(idleSince, NEVER);
        this.lib = lib;
        this.ctx = ctx;
        this.vocab = ctx.model().vocab();
        this.recurrent = ctx.model().keepsRecurrentState();
        this.slots = slots;
        this.batch = batch;
        this.owners = new Running[batch.capacity()];
        this.batchTokens = new int[batch.capacity()];
        this.batchSampled = new SequenceSlots.Sampled[batch.capacity()];
    }

    /** Queues a completion; it starts at the next step that has a sequence for it. */
    void add(long id, Spec spec, Replies replies) {
        int cap = Math.min(spec.maxTokens(), ctx.contextSize() - spec.prompt().length);
        waiting.add(new Running(id, spec, replies, LlamaSampler.create(lib, spec.sampling()), cap));
    }

    /** Whether any completion is waiting or running. */
    boolean busy() {
        return !waiting.isEmpty() || !running.isEmpty();
    }

    /** How many times a lone sequence was moved down into the lowest cells ({@link #packAlone}). */
    long packs() {
        return packs;
    }

    /** How many of the {@link #steps()} a completion made alone in the {@link LoneContext}. */
    long aloneSteps() {
        return aloneSteps;
    }

    /** Decode steps since the context was created. */
    long steps() {
        return steps;
    }

    /**
     * Ends the cancelled completions, starts waiting ones where a sequence is free, and decodes one batch: a prompt
     * chunk of each starting completion and the next token of each generating one. A llama.cpp failure fails the
     * completions it touched, each answered; an {@link Error} propagates (the host then answers and exits).
     */
    void step(LongPredicate cancelled) {
        for (Running r : List.copyOf(waiting)) {
            if (cancelled.test(r.id)) {
                waiting.remove(r);
                r.sampler.close();
                r.stream.finish("CANCELLED", 0, r.spec.prompt().length, 0, 0, 0);
            }
        }
        for (Running r : List.copyOf(running)) {
            if (cancelled.test(r.id)) {
                end(r, "CANCELLED");
            }
        }
        if (alone != null && !waiting.isEmpty()) {
            bringBack(); // newcomers may copy its prefix, and decode beside it
        }
        start();
        if (running.isEmpty()) {
            return;
        }
        if (running.size() == 1 && !running.getFirst().prefilling()) {
            Running r = running.getFirst();
            if (alone == null && !moveAlone(r)) {
                moveIdleToMemory(); // a lone one-token decode: the idle cells below it cost every step
                packAlone(r);
                if (running.isEmpty()) {
                    return;
                }
            }
            if (alone != null) {
                stepAlone(alone);
                return;
            }
        }
        List<Running> in = fill();
        try {
            in = decodeMakingRoom(in);
        } catch (LlamaException e) {
            boolean noRoom = e instanceof LlamaContext.NoRoomException;
            for (Running r : List.copyOf(running)) {
                fail(r, noRoom ? FailureKind.BAD_REQUEST : FailureKind.SERVER_ERROR, "llama.cpp failed: "
                        + e.getMessage());
            }
            return;
        }
        commit(in);
    }

    /** Moves waiting completions into free sequences, in arrival order. */
    private void start() {
        int placed = running.size();
        placeWaiting();
        if (running.size() > placed) {
            dropRedundant();
            dropUnrelated();
        }
    }

    /**
     * Drops the idle cached sequences whose every token another sequence holds in the same place (and each greedy
     * pick as one): anything they could serve, that one serves (by a copy, which costs nothing). Greedy runs of one
     * prompt that each decoded their own tokens otherwise leave copies of one trace in separate cells, and every
     * decode attends over all of them.
     */
    private void dropRedundant() {
        for (int s : slots.evictable(busySequences())) {
            for (int other = 0; other < slots.size(); other++) {
                if (other != s && slots.covers(other, s)) {
                    forget(s);
                    break;
                }
            }
        }
    }

    /**
     * Drops the idle cached sequences that no running or waiting completion is related to, except the
     * {@value #KEEP_RECENT} most recently used. llama.cpp attends over every cell up to the highest one in use, idle
     * ones included, so cells of traces nobody continues make every decode dearer (a sweep's finished problems
     * filled the cache and slowed each later decode several times over on the micro model); traces of the problem at
     * hand (the budgets of one prompt, the Stepper's branches) stay.
     */
    private void dropUnrelated() {
        int[] idle = slots.evictable(busySequences());
        for (int i = 0; i < idle.length - KEEP_RECENT; i++) {
            if (!related(slots.tokens(idle[i]))) {
                forget(idle[i]);
            }
        }
    }

    /** Whether a running or waiting prompt shares at least half of itself (or 64 tokens) with {@code cached}. */
    private boolean related(int[] cached) {
        for (List<Running> list : List.of(running, waiting)) {
            for (Running r : list) {
                int[] prompt = r.spec.prompt();
                if (SequenceSlots.usable(prompt, cached, cached.length) >= Math.min(RELATED_TOKENS,
                        Math.max(1, prompt.length / 2))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void placeWaiting() {
        for (Iterator<Running> it = waiting.iterator(); it.hasNext() && !roomShort; ) {
            Set<Integer> busy = busySequences();
            if (busy.size() >= slots.size()) {
                return;
            }
            Running r = it.next();
            SequenceSlots.Plan plan = slots.plan(r.spec.prompt(), busy, r.spec.reuseCache());
            Running source = r.spec.reuseCache() ? sharingMost(r.spec.prompt()) : null;
            int shared = source == null ? 0 : SequenceSlots.usable(r.spec.prompt(), source.spec.prompt(),
                    source.spec.prompt().length);
            if (shared > plan.reuse()) {
                if (slots.length(source.sequence) < shared) {
                    continue; // the source is still evaluating what this prompt shares: copy it next step
                }
                if (canCopyFirst(source.sequence, shared)) {
                    plan = new SequenceSlots.Plan(plan.sequence(), source.sequence, shared);
                }
            }
            it.remove();
            place(r, plan);
        }
    }

    /**
     * Whether the first {@code n} tokens {@code source} holds can be copied into another sequence: always, unless the
     * model keeps a recurrent state ({@link dev.thinkbench.engine.local.llama.LlamaModel#keepsRecurrentState}), which
     * llama.cpp copies whole, as it is after everything the source holds: then only when those are all it holds.
     */
    private boolean canCopyFirst(int source, int n) {
        return !recurrent || n == slots.length(source);
    }

    /** The running completion whose prompt shares the longest prefix with {@code prompt}, or null. */
    private Running sharingMost(int[] prompt) {
        Running best = null;
        int most = 0;
        for (Running r : running) {
            int shared = SequenceSlots.usable(prompt, r.spec.prompt(), r.spec.prompt().length);
            if (shared > most) {
                most = shared;
                best = r;
            }
        }
        return best;
    }

    private Set<Integer> busySequences() {
        Set<Integer> busy = new HashSet<>();
        running.forEach(r -> busy.add(r.sequence));
        return busy;
    }

    /** Puts a prompt's reusable prefix in place in its sequence, or replays what greedy decoding picked after it. */
    private void place(Running r, SequenceSlots.Plan plan) {
        int seq = plan.sequence();
        r.sequence = seq;
        if (replay(r, seq)) {
            if (!r.ended) {
                running.add(r);
            }
            return;
        }
        int reuse = plan.reuse();
        int from = plan.copyFrom();
        if (reuse > 0 && (!backInCache(from >= 0 ? from : seq, reuse) || from >= 0 && !canCopyFirst(from, reuse))) {
            reuse = 0;
            from = -1;
        }
        if (from >= 0) {
            ctx.removeTokens(seq, -1, -1);
            ctx.copySequence(from, seq, 0, reuse);
            slots.take(seq, from, reuse);
        } else if (slots.memoryState(seq) == null && ctx.removeTokens(seq, reuse, -1)) {
            slots.take(seq, seq, reuse);
        } else {
            ctx.removeTokens(seq, -1, -1);
            reuse = 0;
            slots.set(seq, r.spec.prompt(), 0);
        }
        r.position = reuse;
        r.evaluated = r.spec.prompt().length - reuse;
        running.add(r);
    }

    /**
     * Puts {@code sequence} back into the KV cache if it was moved to memory.
     *
     * @return whether it holds at least {@code needed} tokens in the cache now; when llama.cpp finds no room for it,
     *         its content is dropped (the prompt is evaluated instead)
     */
    private boolean backInCache(int sequence, int needed) {
        SequenceState state = slots.memoryState(sequence);
        if (state != null) {
            if (ctx.restoreSequence(sequence, state)) {
                slots.backInCache(sequence);
            } else {
                forget(sequence);
            }
        }
        return slots.length(sequence) >= needed;
    }

    /**
     * Moves the idle sequences nothing has used for {@value #KEEP_IN_CACHE_MS} ms out of the KV cache into memory
     * (see the class comment), then keeps the memory they take within {@link #memoryBudget}. One that llama.cpp
     * cannot copy out is dropped.
     */
    private void moveIdleToMemory() {
        long now = nanoTime.getAsLong();
        if (!anyToMove(now)) {
            return; // nearly every step: nothing allocated, nothing sorted
        }
        boolean moved = false;
        for (int s : slots.evictable(busySequences())) {
            if (!dueToMove(s, now)) {
                continue;
            }
            try {
                SequenceState state = ctx.saveSequence(s);
                if (memoryBudget < 0) {
                    memoryBudget = state.byteSize() / Math.max(1, slots.length(s)) * ctx.contextSize();
                }
                ctx.removeTokens(s, -1, -1);
                slots.keepInMemory(s, state);
                moved = true;
            } catch (LlamaException e) {
                forget(s);
            }
        }
        if (!moved) {
            return;
        }
        for (int s : slots.evictable(busySequences())) {
            if (slots.memoryBytes() <= memoryBudget) {
                break;
            }
            if (slots.memoryState(s) != null) {
                forget(s);
            }
        }
    }

    /**
     * Whether {@link #moveIdleToMemory} has anything to move: a sequence nothing runs in, still in the KV cache, idle
     * for long enough.
     */
    private boolean anyToMove(long now) {
        for (int s = 0; s < slots.size(); s++) {
            if (slots.length(s) > 0 && !running(s) && dueToMove(s, now)) {
                return true;
            }
        }
        return false;
    }

    /** Whether idle {@code sequence} is still in the KV cache and nothing has used it for long enough. */
    private boolean dueToMove(int sequence, long now) {
        return slots.memoryState(sequence) == null
                && (idleSince[sequence] == NEVER || now - idleSince[sequence] >= KEEP_IN_CACHE_MS * 1_000_000);
    }

    /**
     * Moves a completion that generates alone into the lowest cells of the KV cache when other sequences held at least
     * {@value #PACK_MIN_CELLS} cells beside it and all have left the cache (ended, dropped or moved to memory): a copy
     * out and back in ({@code llama_state_seq_get_data}, then {@code _set_data}, which frees its cells and fills the
     * free ones from the lowest), nothing evaluated. llama.cpp attends over every cell up to the highest one in use;
     * without this the largest budget of a Compare round, its cells interleaved with the smaller budgets' that ended,
     * went on attending over all three traces' span for the rest of its thinking (2026-12-05, 2 cores, a 100M-parameter
     * Q4_0 model, greedy budgets of 256, 768 and 1,536 tokens started together: the largest one's last 770 tokens,
     * alone, at 152-176 tok/s moved against 115-145 left in place). Kept for when at least
     * {@value #PACK_MIN_TOKENS} tokens may still come: the copy costs about as much as attending over the trace twice.
     */
    private void packAlone(Running r) {
        if (r.cellsBeside < PACK_MIN_CELLS || r.cap - r.generated < PACK_MIN_TOKENS || cellsBeside(r.sequence) > 0) {
            return;
        }
        r.cellsBeside = 0;
        packs++;
        SequenceState state;
        try {
            state = ctx.saveSequence(r.sequence);
        } catch (LlamaException e) {
            return; // nothing moved: it goes on where it is
        }
        try (state) {
            if (!ctx.restoreSequence(r.sequence, state)) {
                fail(r, FailureKind.SERVER_ERROR, "llama.cpp could not put the sequence back into its KV cache");
            }
        }
    }

    /** The cells the sequences other than running {@code sequence} hold in the KV cache (shared ones for each). */
    private int cellsBeside(int sequence) {
        return cellsInCache() - slots.length(sequence);
    }

    /** The cells every sequence holds in the KV cache (shared ones counted for each), not those moved to memory. */
    private int cellsInCache() {
        int cells = 0;
        for (int s = 0; s < slots.size(); s++) {
            if (slots.memoryState(s) == null) {
                cells += slots.length(s);
            }
        }
        return cells;
    }

    private boolean running(int sequence) {
        for (Running r : running) {
            if (r.sequence == sequence) {
                return true;
            }
        }
        return false;
    }

    /**
     * For a greedy completion whose whole prompt a sequence holds, followed by greedy picks (an earlier, smaller
     * budget of the same problem; a budget still running beside it): takes those picks as its own tokens, each through
     * its stop strings and cap, with the probabilities recorded when they were picked, and copies their cells into
     * {@code seq} without decoding anything. The last one taken is decoded next, as a sampled token is, and the
     * completion goes on from there.
     *
     * @return false when there is nothing to replay (or the cache cannot be cut there); nothing was changed then
     */
    private boolean replay(Running r, int seq) {
        if (!r.spec.replayPicks() || !r.spec.reuseCache() || !r.spec.sampling().isGreedy()) {
            return false;
        }
        int[] prompt = r.spec.prompt();
        int top = r.spec.topLogprobs();
        int source = -1;
        int most = 0;
        for (int s = 0; s < slots.size(); s++) {
            int n = slots.greedyRunAfter(s, prompt, top, r.cap);
            if (n > most || n == most && n > 0 && s == seq) {
                most = n;
                source = s;
            }
        }
        if (most == 0 || !backInCache(source, prompt.length + most)) {
            return false;
        }
        int[] tokens = new int[most];
        SequenceSlots.Sampled[] picks = new SequenceSlots.Sampled[most];
        for (int i = 0; i < most; i++) {
            tokens[i] = slots.token(source, prompt.length + i);
            picks[i] = slots.sampled(source, prompt.length + i);
        }
        int keep = prompt.length + most - 1;
        if (source != seq && !canCopyFirst(source, keep)) {
            return false;
        }
        if (source == seq) {
            if (!ctx.removeTokens(seq, keep, -1)) {
                return false;
            }
        } else {
            ctx.removeTokens(seq, -1, -1);
            ctx.copySequence(source, seq, 0, keep);
        }
        slots.take(seq, source, keep);
        r.position = keep;
        r.evaluated = 0;
        for (int i = 0; i < most && !r.ended; i++) {
            r.pendingSampled = picks[i];
            accept(r, tokens[i], picks[i].reported(top));
        }
        return true;
    }

    /**
     * Fills the batch: one token per generating completion first, then prompt chunks while there is room.
     */
    private List<Running> fill() {
        batch.clear();
        List<Running> in = new ArrayList<>();
        for (Running r : running) {
            r.output = -1;
            r.taken = 0;
            if (!r.prefilling()) {
                add(r, r.pending, r.position, true, r.pendingSampled);
                r.taken = 1;
                in.add(r);
            }
        }
        for (Running r : running) {
            int[] prompt = r.spec.prompt();
            int j = r.position;
            while (r.prefilling() && j < prompt.length && !batch.isFull()) {
                add(r, prompt[j], j, j == prompt.length - 1, null);
                j++;
            }
            if (r.prefilling() && j > r.position) {
                r.taken = j - r.position;
                in.add(r);
            }
        }
        return in;
    }

    private void add(Running r, int token, int position, boolean output, SequenceSlots.Sampled sampled) {
        int index = batch.add(token, position, r.sequence, output);
        owners[index] = r;
        batchTokens[index] = token;
        batchSampled[index] = sampled;
        if (output) {
            r.output = index;
        }
    }

    /**
     * Decodes the batch. With no room in the KV cache (nothing was evaluated), drops idle cached sequences, then
     * makes the newest completion give way, and tries again with the batch refilled.
     *
     * @return the completions in the batch that was decoded
     */
    private List<Running> decodeMakingRoom(List<Running> in) {
        while (true) {
            try {
                ctx.decode(batch);
                return in;
            } catch (LlamaContext.NoRoomException full) {
                if (dropIdleInCache() == 0) { // nothing idle to free: the newest completion gives way
                    if (running.size() < 2) {
                        throw full;
                    }
                    giveWay(running.getLast());
                }
                in = fill();
            }
        }
    }

    /** A completion that has produced nothing waits again; one that has fails, so the others can go on. */
    private void giveWay(Running r) {
        if (r.generated > 0) {
            fail(r, FailureKind.BAD_REQUEST, "the context (" + ctx.contextSize() + " tokens) filled up with "
                    + running.size() + " completions running at once; raise the built-in engine's context size "
                    + "(Context on the Models tab, or --context on the command line) or run fewer at once");
            return;
        }
        running.remove(r);
        forget(r.sequence);
        r.sequence = -1;
        waiting.addFirst(r);
        roomShort = true;
    }

    /** Records what each sequence now holds, counts the step, and samples where an output was asked for. */
    private void commit(List<Running> in) {
        steps++;
        int n = batch.size();
        for (int k = 0; k < n; k++) {
            slots.append(owners[k].sequence, batchTokens[k], batchSampled[k]);
            owners[k] = null;
            batchSampled[k] = null;
        }
        boolean shared = in.size() > 1;
        for (Running r : in) {
            r.position += r.taken;
            r.steps++;
            if (shared) {
                r.sharedSteps++;
            }
        }
        int inCache = cellsInCache(); // once a step, not once a running completion
        for (Running r : running) {
            r.cellsBeside = Math.max(r.cellsBeside, inCache - slots.length(r.sequence));
        }
        for (Running r : in) {
            if (r.output >= 0) {
                int index = r.output;
                r.output = -1;
                sample(r, index);
            }
        }
        batch.clear();
        flushOnTick();
    }

    /** Sends every stream's waiting text when a {@link SequenceStream#FLUSH_NANOS} tick has passed. */
    private void flushOnTick() {
        long now = nanoTime.getAsLong();
        if (now - lastFlush >= SequenceStream.FLUSH_NANOS) {
            lastFlush = now;
            for (Running r : running) {
                r.stream.flush(); // every stream on one tick: the step's lines leave in one write
            }
        }
    }

    /**
     * Moves a completion generating alone, nothing waiting, into {@link #lone} when at least
     * {@value #PACK_MIN_TOKENS} tokens may still come (the copy costs about as much as a few tokens' decodes).
     *
     * @return whether it is there now
     */
    private boolean moveAlone(Running r) {
        if (lone == null || r.staysShared || !waiting.isEmpty() || r.cap - r.generated < PACK_MIN_TOKENS) {
            return false;
        }
        if (!lone.takeFrom(ctx, r.sequence)) {
            r.staysShared = true;
            return false;
        }
        alone = r;
        return true;
    }

    /** Decodes the next token of the completion in {@link #lone}, as {@link #fill} and {@link #commit} would here. */
    private void stepAlone(Running r) {
        try {
            lone.decode(r.pending, r.position);
        } catch (LlamaException e) {
            fail(r, FailureKind.SERVER_ERROR, "llama.cpp failed: " + e.getMessage());
            return;
        }
        steps++;
        aloneSteps++;
        slots.append(r.sequence, r.pending, r.pendingSampled);
        r.position++;
        r.steps++;
        sample(r, lone.context(), 0);
        flushOnTick();
    }

    /**
     * Moves the completion in {@link #lone} back into its sequence here; where there is no room for it, drops the idle
     * sequences in the cache first. Where it still cannot, the completion fails (one that has ended loses only its
     * cache).
     */
    private void bringBack() {
        Running r = alone;
        alone = null;
        try {
            if (!lone.giveBack(ctx, r.sequence)) {
                dropIdleInCache();
                if (!lone.giveBack(ctx, r.sequence)) {
                    throw new LlamaException("no room for its " + slots.length(r.sequence) + " tokens in the shared "
                            + "KV cache", List.of());
                }
            }
        } catch (LlamaException e) {
            lone.clear();
            if (r.ended) {
                forget(r.sequence);
            } else {
                fail(r, FailureKind.SERVER_ERROR, "llama.cpp could not move the sequence back into its KV cache: "
                        + e.getMessage());
            }
        }
    }

    private void sample(Running r, int index) {
        sample(r, ctx, index);
    }

    /** Samples the next token from {@code context}'s logits at batch {@code index}. */
    private void sample(Running r, LlamaContext context, int index) {
        int token = r.sampler.sample(context, index);
        int top = r.spec.topLogprobs();
        TokenLogprob probability = top > 0 ? probability(context, token, index, top) : null;
        r.pendingSampled = r.spec.sampling().isGreedy() ? new SequenceSlots.Sampled(probability, top) : null;
        accept(r, token, probability);
    }

    /** Takes a generated token: the end of generation, a stop string or the cap ends the completion. */
    private void accept(Running r, int token, TokenLogprob probability) {
        r.generated++;
        if (vocab.isEndOfGeneration(token)) {
            r.stream.acceptSilent(probability);
            end(r, "EOS");
        } else if (r.stream.accept(vocab.piece(token, true), probability)) {
            end(r, "STOP_STRING");
        } else if (r.generated >= r.cap) {
            end(r, "LENGTH");
        } else {
            r.pending = token;
        }
    }

    private TokenLogprob probability(LlamaContext context, int token, int index, int top) {
        TokenProbabilities.Result p = TokenProbabilities.of(context.logits(index), token, top);
        List<TokenLogprob.Alternative> alternatives = new ArrayList<>(p.top().size());
        for (TokenProbabilities.Candidate c : p.top()) {
            alternatives.add(new TokenLogprob.Alternative(vocab.pieceText(c.token()), c.token(), c.logprob()));
        }
        return new TokenLogprob(vocab.pieceText(token), token, p.logprob(), alternatives);
    }

    /**
     * Ends a completion. Its sequence stays cached for the next prompt that shares it, unless the completion had the
     * cache off: then nothing would reuse it, and its idle cells would only make later decodes dearer (see the class
     * comment; one idle 532-token trace below a 91M-parameter Q4_0 decode cost it 15%).
     */
    private void end(Running r, String stop) {
        r.ended = true;
        running.remove(r);
        roomShort = false;
        r.sampler.close();
        if (r == alone) {
            if (r.spec.reuseCache()) {
                bringBack(); // its sequence stays cached here
            } else {
                alone = null;
                lone.clear();
            }
        }
        if (!r.spec.reuseCache() && r.sequence >= 0) {
            forget(r.sequence);
        } else if (r.sequence >= 0) {
            idleSince[r.sequence] = nanoTime.getAsLong();
        }
        r.stream.finish(stop, r.generated, r.spec.prompt().length, r.evaluated, r.steps, r.sharedSteps);
    }

    /** Fails a running completion; its sequence's content is uncertain, so it is dropped. */
    private void fail(Running r, FailureKind kind, String message) {
        r.ended = true;
        running.remove(r);
        roomShort = false;
        r.sampler.close();
        if (r == alone) {
            alone = null;
            lone.clear();
        }
        if (r.sequence >= 0) {
            forget(r.sequence);
        }
        r.replies.fail(r.id, kind, message);
    }

    /**
     * Drops the idle sequences that hold cells in the KV cache (one kept in memory holds none to free).
     *
     * @return how many were dropped
     */
    private int dropIdleInCache() {
        int dropped = 0;
        for (int s : slots.evictable(busySequences())) {
            if (slots.memoryState(s) == null) {
                forget(s);
                dropped++;
            }
        }
        return dropped;
    }

    private void forget(int sequence) {
        ctx.removeTokens(sequence, -1, -1);
        slots.clear(sequence);
    }

    /** Drops every completion without answering (the host is going down or answers them itself) and frees them. */
    void abandon() {
        if (alone != null) {
            alone = null;
            lone.clear();
        }
        waiting.forEach(r -> r.sampler.close());
        running.forEach(r -> r.sampler.close());
        waiting.clear();
        running.clear();
    }
}
