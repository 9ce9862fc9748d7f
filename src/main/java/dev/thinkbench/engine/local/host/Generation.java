package dev.thinkbench.engine.local.host;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.TokenLogprob;
import dev.thinkbench.engine.local.llama.LlamaBatch;
import dev.thinkbench.engine.local.llama.LlamaContext;
import dev.thinkbench.engine.local.llama.LlamaException;
import dev.thinkbench.engine.local.llama.LlamaLibrary;
import dev.thinkbench.engine.local.llama.LlamaSampler;
import dev.thinkbench.engine.local.llama.LlamaVocab;
import dev.thinkbench.engine.local.llama.TokenProbabilities;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Generates one or more sequences on the loaded context: places each prompt ({@link SequenceSlots}: reuse a cached
 * prefix, or copy one from another sequence), evaluates only the tokens not already there, then decodes every live
 * sequence's next token in one batch per step until each ends by its end-of-generation token, a stop string, its
 * cap, or a cancel. Each sequence streams through its own {@link SequenceStream} and ends with its own Done event.
 *
 * <p>Not thread-safe: one at a time, on the host's worker thread.
 */
final class Generation {

    /**
     * One sequence to generate.
     *
     * @param prompt the prompt's tokens (BOS included where the model wants one)
     * @param topLogprobs 0 for no probabilities
     */
    record Spec(int[] prompt, int maxTokens, List<String> stop, LlamaSampler.Settings sampling, int topLogprobs) {
    }

    private final LlamaLibrary lib;
    private final LlamaContext ctx;
    private final LlamaVocab vocab;
    private final SequenceSlots slots;
    private final LlamaBatch batch;
    private final BooleanSupplier cancelled;
    private final Consumer<HostEvent> out;
    private final Running[] owners;
    private final int[] batchTokens;
    private final Set<Integer> busy = new HashSet<>();
    private final List<Running> live = new ArrayList<>();

    /** One sequence while it runs. */
    private static final class Running {
        final Spec spec;
        final SequenceStream stream;
        final LlamaSampler sampler;
        final int cap;
        int sequence;
        int position;
        int evaluated;
        int generated;
        int pending = -1;
        int output = -1;
        boolean ended;

        Running(Spec spec, SequenceStream stream, LlamaSampler sampler, int cap) {
            this.spec = spec;
            this.stream = stream;
            this.sampler = sampler;
            this.cap = cap;
        }
    }

    Generation(LlamaLibrary lib, LlamaContext ctx, SequenceSlots slots, LlamaBatch batch, BooleanSupplier cancelled,
               Consumer<HostEvent> out) {
        this.lib = lib;
        this.ctx = ctx;
        this.vocab = ctx.model().vocab();
        this.slots = slots;
        this.batch = batch;
        this.cancelled = cancelled;
        this.out = out;
        this.owners = new Running[batch.capacity()];
        this.batchTokens = new int[batch.capacity()];
    }

    /**
     * Runs the sequences to their ends.
     *
     * @param single true for a plain completion (events without a sequence index)
     * @param reuseCache false evaluates every prompt in full
     */
    void run(long id, List<Spec> specs, boolean single, boolean reuseCache) throws HostFailure {
        List<Running> runs = new ArrayList<>();
        try {
            for (int i = 0; i < specs.size(); i++) {
                Spec s = specs.get(i);
                int cap = Math.min(s.maxTokens(), ctx.contextSize() - s.prompt().length);
                runs.add(new Running(s, new SequenceStream(id, single ? null : i, s.stop(), s.topLogprobs() > 0, out),
                        LlamaSampler.create(lib, s.sampling()), cap));
            }
            Running first = runs.getFirst();
            place(first, slots.plan(first.spec.prompt(), busy, reuseCache));
            boolean going = prefill(List.of(first));
            List<Running> rest = runs.subList(1, runs.size());
            for (Running r : rest) {
                place(r, slots.planBeside(r.spec.prompt(), busy, first.sequence, first.spec.prompt(), reuseCache));
            }
            if (going && prefill(rest)) {
                decodeLoop();
            }
            for (Running r : runs) {
                if (!r.ended) {
                    end(r, "CANCELLED");
                }
            }
        } catch (LlamaException e) {
            for (Running r : runs) {
                if (busy.contains(r.sequence)) {
                    forget(r.sequence);
                }
            }
            throw new HostFailure(e instanceof LlamaContext.NoRoomException ? FailureKind.BAD_REQUEST
                    : FailureKind.SERVER_ERROR, (e instanceof LlamaContext.NoRoomException && runs.size() > 1
                    ? "the context cannot hold " + runs.size() + " sequences this long; raise the context size or "
                    + "run fewer at once: " : "llama.cpp failed: ") + e.getMessage());
        } finally {
            runs.forEach(r -> r.sampler.close());
        }
    }

    /** Puts a prompt's reusable prefix in place in its sequence. */
    private void place(Running r, SequenceSlots.Plan plan) {
        int seq = plan.sequence();
        int reuse = plan.reuse();
        if (plan.copyFrom() >= 0) {
            ctx.removeTokens(seq, -1, -1);
            ctx.copySequence(plan.copyFrom(), seq, 0, reuse);
        } else if (!ctx.removeTokens(seq, reuse, -1)) {
            ctx.removeTokens(seq, -1, -1);
            reuse = 0;
        }
        slots.set(seq, r.spec.prompt(), reuse);
        busy.add(seq);
        r.sequence = seq;
        r.position = reuse;
        r.evaluated = r.spec.prompt().length - reuse;
        live.add(r);
    }

    /**
     * Evaluates the prompts' remaining tokens, several sequences per decode, sampling each one's first token.
     *
     * @return false when cancelled part way (a long prompt is checked between batches)
     */
    private boolean prefill(List<Running> group) {
        batch.clear();
        for (Running r : group) {
            int[] prompt = r.spec.prompt();
            for (int j = r.position; j < prompt.length; j++) {
                if (batch.isFull()) {
                    decodeAndSample();
                    if (cancelled.getAsBoolean()) {
                        return false;
                    }
                }
                boolean last = j == prompt.length - 1;
                add(r, prompt[j], j, last);
            }
            r.position = prompt.length;
        }
        if (batch.size() > 0) {
            decodeAndSample();
        }
        return true;
    }

    /** Decodes every live sequence's next token together until all have ended or the run is cancelled. */
    private void decodeLoop() {
        while (!live.isEmpty()) {
            if (cancelled.getAsBoolean()) {
                return;
            }
            batch.clear();
            for (Running r : live) {
                add(r, r.pending, r.position++, true);
            }
            decodeAndSample();
        }
    }

    private void add(Running r, int token, int position, boolean output) {
        int index = batch.add(token, position, r.sequence, output);
        owners[index] = r;
        batchTokens[index] = token;
        if (output) {
            r.output = index;
        }
    }

    /** Decodes the batch, records what each sequence now holds, and samples where an output was asked for. */
    private void decodeAndSample() {
        decodeMakingRoom();
        int n = batch.size();
        for (int k = 0; k < n; k++) {
            slots.append(owners[k].sequence, batchTokens[k]);
        }
        for (int k = 0; k < n; k++) {
            Running r = owners[k];
            if (r.output == k && !r.ended) {
                r.output = -1;
                sample(r, k);
            }
            owners[k] = null;
        }
        batch.clear();
    }

    private void decodeMakingRoom() {
        try {
            ctx.decode(batch);
        } catch (LlamaContext.NoRoomException full) {
            int[] others = slots.evictable(busy);
            if (others.length == 0) {
                throw full;
            }
            for (int s : others) {
                forget(s);
            }
            ctx.decode(batch);
        }
    }

    private void sample(Running r, int index) {
        int token = r.sampler.sample(ctx, index);
        TokenLogprob probability = r.spec.topLogprobs() > 0 ? probability(token, index, r.spec.topLogprobs()) : null;
        r.generated++;
        if (vocab.isEndOfGeneration(token)) {
            r.stream.acceptSilent(probability);
            end(r, "EOS");
            return;
        }
        if (r.stream.accept(vocab.piece(token, true), probability)) {
            end(r, "STOP_STRING");
            return;
        }
        if (r.generated >= r.cap) {
            end(r, "LENGTH");
            return;
        }
        r.pending = token;
    }

    private TokenLogprob probability(int token, int index, int top) {
        TokenProbabilities.Result p = TokenProbabilities.of(ctx.logits(index), token, top);
        List<TokenLogprob.Alternative> alternatives = new ArrayList<>(p.top().size());
        for (TokenProbabilities.Candidate c : p.top()) {
            alternatives.add(new TokenLogprob.Alternative(vocab.pieceText(c.token()), c.token(), c.logprob()));
        }
        return new TokenLogprob(vocab.pieceText(token), token, p.logprob(), alternatives);
    }

    private void end(Running r, String stop) {
        r.ended = true;
        live.remove(r);
        r.stream.finish(stop, r.generated, r.spec.prompt().length, r.evaluated);
    }

    private void forget(int sequence) {
        ctx.removeTokens(sequence, -1, -1);
        slots.clear(sequence);
    }
}
