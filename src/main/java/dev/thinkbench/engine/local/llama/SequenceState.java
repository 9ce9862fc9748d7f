package dev.thinkbench.engine.local.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * What one sequence held in a context's KV cache (its cells' keys and values, positions and tokens), copied out by
 * {@link LlamaContext#saveSequence} into native memory of its own, until {@link #close closed}; put back with
 * {@link LlamaContext#restoreSequence}.
 *
 * <p>Not thread-safe: the host's worker thread only.
 */
public final class SequenceState implements AutoCloseable {

    private final Arena arena;
    private final MemorySegment data;

    SequenceState(Arena arena, MemorySegment data) {
        this.arena = arena;
        this.data = data;
    }

    /** The bytes it takes. */
    public long byteSize() {
        return data.byteSize();
    }

    MemorySegment data() {
        if (!arena.scope().isAlive()) {
            throw new IllegalStateException("the sequence state was freed");
        }
        return data;
    }

    /** Frees the memory. Idempotent. */
    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
