package dev.thinkbench.engine.local.host;

import dev.thinkbench.engine.local.llama.LlamaBatch;
import dev.thinkbench.engine.local.llama.LlamaContext;
import dev.thinkbench.engine.local.llama.LlamaException;
import dev.thinkbench.engine.local.llama.LlamaModel;
import dev.thinkbench.engine.local.llama.SequenceState;

/**
 * A second context of one sequence ({@link LlamaContext#createForOneSequence}) where a completion that generates
 * alone on a tiny model decodes its tokens ({@link ContinuousBatch}): one-token decodes there skip the check of all
 * 256 sequence ids a unified context makes every batch go through, a fifth of such a model's time per token.
 * A sequence moves in and out as a state copy ({@code llama_state_seq_get_data}, then {@code _set_data}), nothing
 * evaluated again.
 *
 * <p>Not thread-safe: the host's worker thread only.
 */
final class LoneContext implements AutoCloseable {

    private final LlamaContext ctx;
    private final LlamaBatch batch;

    private LoneContext(LlamaContext ctx, LlamaBatch batch) {
        this.ctx = ctx;
        this.batch = batch;
    }

    /** A context of {@code contextSize} tokens (the shared one's, so any sequence it holds fits) on {@code threads}. */
    static LoneContext create(LlamaModel model, int contextSize, int threads) {
        LlamaContext ctx = LlamaContext.createForOneSequence(model, contextSize, threads);
        try {
            return new LoneContext(ctx, new LlamaBatch(1));
        } catch (RuntimeException | Error e) {
            ctx.close();
            throw e;
        }
    }

    LlamaContext context() {
        return ctx;
    }

    /**
     * Moves {@code sequence} of {@code shared} here: a copy, then its cells there are freed.
     *
     * @return false when it could not be copied (it stays where it was, and this context holds nothing)
     */
    boolean takeFrom(LlamaContext shared, int sequence) {
        clear();
        try (SequenceState state = shared.saveSequence(sequence)) {
            if (!ctx.restoreSequence(0, state)) {
                clear();
                return false;
            }
        } catch (LlamaException e) {
            clear();
            return false;
        }
        shared.removeTokens(sequence, -1, -1);
        return true;
    }

    /**
     * Moves what this context holds into {@code sequence} of {@code shared} (empty there before).
     *
     * @return false when {@code shared} had no room for it (this context still holds it)
     * @throws LlamaException when llama.cpp cannot copy it out of here
     */
    boolean giveBack(LlamaContext shared, int sequence) {
        try (SequenceState state = ctx.saveSequence(0)) {
            if (!shared.restoreSequence(sequence, state)) {
                return false;
            }
        }
        clear();
        return true;
    }

    /** Evaluates one token at {@code position}; its logits are {@link LlamaContext#logits logits(0)}. */
    void decode(int token, int position) {
        batch.clear();
        batch.add(token, position, 0, true);
        ctx.decode(batch);
    }

    /**
     * Drops what it holds: its cells are freed, not zeroed ({@link LlamaContext#clear} writes zeros over the whole
     * KV buffer, which cost as much as the decodes it saved when done at every move).
     */
    void clear() {
        ctx.removeTokens(-1, -1, -1);
    }

    @Override
    public void close() {
        try {
            batch.close();
        } finally {
            ctx.close();
        }
    }
}
