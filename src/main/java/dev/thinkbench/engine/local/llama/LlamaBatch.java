package dev.thinkbench.engine.local.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Input for {@link LlamaContext#decode}: tokens with their positions and sequence ids, and which of them need
 * logits ({@code struct llama_batch}, its arrays allocated here rather than by {@code llama_batch_init}, so nothing
 * native is left to free). Each token belongs to one sequence; shared prefixes are made with
 * {@link LlamaContext#copySequence} instead.
 *
 * <p>Not thread-safe; reused across decodes by {@link #clear()}.
 */
public final class LlamaBatch implements AutoCloseable {

    private final Arena arena = Arena.ofShared();
    private final int capacity;
    private final MemorySegment struct;
    private final MemorySegment tokens;
    private final MemorySegment positions;
    private final MemorySegment seqCounts;
    private final MemorySegment seqIds;
    private final MemorySegment outputs;
    private int size;

    /** @param capacity the most tokens one batch holds */
    public LlamaBatch(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a batch holds at least one token, not " + capacity);
        }
        this.capacity = capacity;
        tokens = arena.allocate(ValueLayout.JAVA_INT, capacity);
        positions = arena.allocate(ValueLayout.JAVA_INT, capacity);
        seqCounts = arena.allocate(ValueLayout.JAVA_INT, capacity);
        seqIds = arena.allocate(ValueLayout.JAVA_INT, capacity);
        outputs = arena.allocate(ValueLayout.JAVA_BYTE, capacity);
        MemorySegment seqPointers = arena.allocate(ValueLayout.ADDRESS, capacity);
        for (int i = 0; i < capacity; i++) {
            seqCounts.setAtIndex(ValueLayout.JAVA_INT, i, 1);
            seqPointers.setAtIndex(ValueLayout.ADDRESS, i, seqIds.asSlice((long) i * Integer.BYTES, Integer.BYTES));
        }
        struct = arena.allocate(LlamaLayouts.BATCH);
        LlamaLayouts.BATCH_TOKEN.set(struct, 0L, tokens);
        LlamaLayouts.BATCH_EMBD.set(struct, 0L, MemorySegment.NULL);
        LlamaLayouts.BATCH_POS.set(struct, 0L, positions);
        LlamaLayouts.BATCH_N_SEQ_ID.set(struct, 0L, seqCounts);
        LlamaLayouts.BATCH_SEQ_ID.set(struct, 0L, seqPointers);
        LlamaLayouts.BATCH_LOGITS.set(struct, 0L, outputs);
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    public boolean isFull() {
        return size == capacity;
    }

    /** Empties the batch for the next decode. */
    public void clear() {
        size = 0;
    }

    /**
     * Adds a token.
     *
     * @param output whether {@link LlamaContext#logits} is needed for it
     * @return its index in the batch (the index for {@link LlamaContext#logits} and sampling)
     */
    public int add(int token, int position, int sequence, boolean output) {
        if (size == capacity) {
            throw new IllegalStateException("the batch is full (" + capacity + " tokens)");
        }
        tokens.setAtIndex(ValueLayout.JAVA_INT, size, token);
        positions.setAtIndex(ValueLayout.JAVA_INT, size, position);
        seqIds.setAtIndex(ValueLayout.JAVA_INT, size, sequence);
        outputs.set(ValueLayout.JAVA_BYTE, size, output ? (byte) 1 : 0);
        return size++;
    }

    /** The struct to pass by value, its token count set. */
    MemorySegment struct() {
        LlamaLayouts.BATCH_N_TOKENS.set(struct, 0L, size);
        return struct;
    }

    @Override
    public void close() {
        arena.close();
    }
}
