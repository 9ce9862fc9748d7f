package dev.thinkbench.engine.local.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * An inference context on a model ({@code llama_context}): the KV cache ("memory") shared by up to
 * {@link Settings#sequences()} sequences in one unified buffer (or one sequence's own,
 * {@link #createForOneSequence}), decoding, and the logits of the last decode. Memory
 * operations work on sequence ids: {@link #removeTokens} rewinds a sequence (a Wait step keeps its prefix),
 * {@link #copySequence} forks one (the copy shares the cells, nothing is re-evaluated). Decoding runs on a CPU thread
 * pool of its own ({@link LlamaThreadpool}), as in llama.cpp's tools; one-token decodes may run on a smaller pool
 * ({@link Settings#tokenThreads()}).
 *
 * <p>Not thread-safe: one thread decodes. Close it before its model.
 */
public final class LlamaContext implements AutoCloseable {

    /**
     * @param contextSize tokens of KV cache shared by all sequences
     * @param batchSize the most tokens one {@link #decode} takes
     * @param sequences the most sequences (ids 0 to sequences-1)
     * @param threads CPU threads for decoding a batch of several tokens (a prompt, several sequences at once)
     * @param tokenThreads CPU threads for decoding one token (one sequence generating), at most {@code threads}
     */
    public record Settings(int contextSize, int batchSize, int sequences, int threads, int tokenThreads) {
        public Settings {
            if (contextSize < 1 || batchSize < 1 || sequences < 1 || threads < 1 || tokenThreads < 1
                    || tokenThreads > threads) {
                throw new IllegalArgumentException("context settings must be positive (token threads at most "
                        + "threads): " + contextSize + ", " + batchSize + ", " + sequences + ", " + threads + ", "
                        + tokenThreads);
            }
        }

        /** The same threads for every decode. */
        public Settings(int contextSize, int batchSize, int sequences, int threads) {
            this(contextSize, batchSize, sequences, threads, threads);
        }
    }

    /** {@code llama_decode} found no room in the KV cache for the batch (its return value 1). */
    public static final class NoRoomException extends LlamaException {
        NoRoomException(String message, java.util.List<String> log) {
            super(message, log);
        }
    }

    private final LlamaLibrary lib;
    private final LlamaModel model;
    private final int vocabSize;
    private final int contextSize;
    private final int batchSize;
    private final int sequences;
    private MemorySegment ctx;
    private final MemorySegment memory;
    private final LlamaThreadpool threads;
    /** The pool for one-token decodes when it is smaller than {@link #threads}, else null. */
    private final LlamaThreadpool tokenThreads;

    private LlamaContext(LlamaLibrary lib, LlamaModel model, MemorySegment ctx, LlamaThreadpool threads,
                         LlamaThreadpool tokenThreads) throws Throwable {
        this.lib = lib;
        this.model = model;
        this.ctx = ctx;
        this.threads = threads;
        this.tokenThreads = tokenThreads;
        this.vocabSize = model.vocab().size();
        this.memory = (MemorySegment) lib.fn.getMemory.invokeExact(ctx);
        this.contextSize = (int) lib.fn.nCtx.invokeExact(ctx);
        this.batchSize = (int) lib.fn.nBatch.invokeExact(ctx);
        this.sequences = (int) lib.fn.nSeqMax.invokeExact(ctx);
    }

    /** Creates a context with one unified KV buffer (sequences share cells, so forks cost no memory). */
    public static LlamaContext create(LlamaModel model, Settings settings) {
        return create(model, settings, true);
    }

    /**
     * Creates a context of one sequence whose KV buffer is not unified, for decoding one token at a time on
     * {@code threads} threads. llama.cpp checks each batch of a unified context against all 256 sequence ids a
     * unified cache could hold ({@code llama_batch_allocr::init}), whatever {@code n_seq_max} is; against one here:
     * on a tiny model that check takes a fifth of each token's time (the bundled micro model, sampled with perf: 9.5%
     * of all CPU samples in {@code llama_batch_allocr::init} generating in a unified context, 0.3% here).
     */
    public static LlamaContext createForOneSequence(LlamaModel model, int contextSize, int threads) {
        return create(model, new Settings(contextSize, 1, 1, threads), false);
    }

    private static LlamaContext create(LlamaModel model, Settings settings, boolean unified) {
        LlamaLibrary lib = model.library();
        long mark = lib.log().mark();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = (MemorySegment) lib.fn.contextDefaultParams.invokeExact((SegmentAllocator) arena);
            LlamaLayouts.CTX_N_CTX.set(params, 0L, settings.contextSize());
            LlamaLayouts.CTX_N_BATCH.set(params, 0L, settings.batchSize());
            LlamaLayouts.CTX_N_UBATCH.set(params, 0L, Math.min(settings.batchSize(), 512));
            LlamaLayouts.CTX_N_SEQ_MAX.set(params, 0L, settings.sequences());
            LlamaLayouts.CTX_N_THREADS.set(params, 0L, settings.tokenThreads());
            LlamaLayouts.CTX_N_THREADS_BATCH.set(params, 0L, settings.threads());
            LlamaLayouts.CTX_NO_PERF.set(params, 0L, true);
            LlamaLayouts.CTX_KV_UNIFIED.set(params, 0L, unified);
            MemorySegment ctx = (MemorySegment) lib.fn.initFromModel.invokeExact(model.handle(), params);
            if (ctx.address() == 0) {
                throw lib.failure("llama.cpp could not create a context of " + settings.contextSize()
                        + " tokens for " + model.file().getFileName(), mark);
            }
            return withPools(lib, model, ctx, settings);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("creating the context", t);
        }
    }

    /** Attaches the thread pools to a new context; on any failure frees what was made, the context too. */
    private static LlamaContext withPools(LlamaLibrary lib, LlamaModel model, MemorySegment ctx, Settings settings)
            throws Throwable {
        LlamaThreadpool pool = null;
        LlamaThreadpool tokenPool = null;
        boolean attached = false;
        try {
            pool = LlamaThreadpool.create(lib, settings.threads());
            // A pool of its own for one-token decodes: the batch pool's idle workers then sleep instead of being
            // woken (and spinning) for every token they take no part in.
            tokenPool = pool == null || settings.tokenThreads() == settings.threads() ? null
                    : LlamaThreadpool.create(lib, settings.tokenThreads());
            if (pool != null) {
                MemorySegment oneToken = tokenPool == null ? pool.handle() : tokenPool.handle();
                lib.fn.attachThreadpool.invokeExact(ctx, oneToken, pool.handle());
                attached = true;
            }
            return new LlamaContext(lib, model, ctx, pool, tokenPool);
        } catch (Throwable t) {
            try {
                if (attached) {
                    lib.fn.detachThreadpool.invokeExact(ctx);
                }
                lib.fn.free.invokeExact(ctx);
            } finally {
                closeAll(pool, tokenPool);
            }
            throw t;
        }
    }

    private static void closeAll(LlamaThreadpool pool, LlamaThreadpool tokenPool) {
        try {
            if (pool != null) {
                pool.close();
            }
        } finally {
            if (tokenPool != null) {
                tokenPool.close();
            }
        }
    }

    private MemorySegment ctx() {
        if (ctx == null) {
            throw new IllegalStateException("the context was freed");
        }
        return ctx;
    }

    public LlamaModel model() {
        return model;
    }

    /** The KV cache size in tokens, as llama.cpp made it (may be rounded up from the request). */
    public int contextSize() {
        return contextSize;
    }

    public int batchSize() {
        return batchSize;
    }

    public int sequences() {
        return sequences;
    }

    /**
     * Evaluates a batch. On success the logits of the tokens marked for output are available through
     * {@link #logits(int)} until the next decode.
     *
     * @throws NoRoomException when the KV cache has no room for the batch (nothing was evaluated)
     * @throws LlamaException on any other failure
     */
    public void decode(LlamaBatch batch) {
        long mark = lib.log().mark();
        int status;
        try {
            status = (int) lib.fn.decode.invokeExact(ctx(), batch.struct());
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_decode", t);
        }
        if (status == 0) {
            return;
        }
        if (status == 1) {
            throw new NoRoomException("the context (" + contextSize + " tokens) has no room for "
                    + batch.size() + " more tokens", lib.log().problemsSince(mark));
        }
        throw lib.failure("llama_decode failed with status " + status + (status == 2 ? " (aborted)" : ""), mark);
    }

    /** The logits (one float per vocabulary token) of the batch's {@code index}-th token, marked for output. */
    public MemorySegment logits(int index) {
        try {
            MemorySegment p = (MemorySegment) lib.fn.getLogitsIth.invokeExact(ctx(), index);
            if (p.address() == 0) {
                throw new LlamaException("no logits for batch index " + index, java.util.List.of());
            }
            return p.reinterpret((long) vocabSize * Float.BYTES);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_get_logits_ith", t);
        }
    }

    /**
     * Removes a sequence's tokens at positions {@code [from, to)} ({@code to < 0}: to the end;
     * {@code sequence < 0}: every sequence).
     *
     * @return false when llama.cpp cannot remove part of a sequence (recurrent models)
     */
    public boolean removeTokens(int sequence, int from, int to) {
        try {
            return (boolean) lib.fn.memorySeqRm.invokeExact(memory, sequence, from, to);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_memory_seq_rm", t);
        }
    }

    /** Copies a sequence's tokens at {@code [from, to)} to another sequence id; the cells are shared. */
    public void copySequence(int source, int target, int from, int to) {
        try {
            lib.fn.memorySeqCp.invokeExact(memory, source, target, from, to);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_memory_seq_cp", t);
        }
    }

    /**
     * Copies what {@code sequence} holds in the KV cache (its cells' keys and values, positions and tokens,
     * {@code llama_state_seq_get_data}) into memory of its own; the cache is left as it was.
     *
     * @throws LlamaException when llama.cpp copies nothing
     */
    public SequenceState saveSequence(int sequence) {
        Arena arena = Arena.ofShared();
        long written;
        MemorySegment state;
        try {
            long size = (long) lib.fn.stateSeqGetSize.invokeExact(ctx(), sequence);
            state = arena.allocate(Math.max(size, 1), 16);
            written = (long) lib.fn.stateSeqGetData.invokeExact(ctx(), state, size, sequence);
        } catch (Throwable t) {
            arena.close();
            throw LlamaLibrary.unexpected("llama_state_seq_get_data", t);
        }
        if (written <= 0) {
            arena.close();
            throw new LlamaException("llama.cpp could not copy sequence " + sequence + " out of the KV cache",
                    lib.log().tail(5).stream().map(LlamaLog.Line::toString).toList());
        }
        return new SequenceState(arena, state.asSlice(0, written));
    }

    /**
     * Puts a state from {@link #saveSequence} back into the KV cache as {@code sequence} (empty before), in whatever
     * cells are free: the same tokens at the same positions, nothing evaluated. The state stays the caller's.
     *
     * @return false when llama.cpp could not (no room for it in the cache)
     */
    public boolean restoreSequence(int sequence, SequenceState state) {
        MemorySegment data = state.data();
        try {
            return (long) lib.fn.stateSeqSetData.invokeExact(ctx(), data, data.byteSize(), sequence) > 0;
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_state_seq_set_data", t);
        }
    }

    /** Removes every token not in {@code sequence}. */
    public void keepOnly(int sequence) {
        try {
            lib.fn.memorySeqKeep.invokeExact(memory, sequence);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_memory_seq_keep", t);
        }
    }

    /** Empties the whole KV cache. */
    public void clear() {
        try {
            lib.fn.memoryClear.invokeExact(memory, true);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_memory_clear", t);
        }
    }

    /** The greatest position held for {@code sequence}, -1 when it is empty. */
    public int maxPosition(int sequence) {
        try {
            return (int) lib.fn.memorySeqPosMax.invokeExact(memory, sequence);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_memory_seq_pos_max", t);
        }
    }

    /** Frees the context ({@code llama_free}), then its thread pool. Idempotent. */
    @Override
    public void close() {
        if (ctx == null) {
            return;
        }
        MemorySegment c = ctx;
        ctx = null;
        try {
            if (threads != null) {
                lib.fn.detachThreadpool.invokeExact(c);
            }
            lib.fn.free.invokeExact(c);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_free", t);
        } finally {
            closeAll(threads, tokenThreads);
        }
    }

    MemorySegment handle() {
        return ctx();
    }
}
