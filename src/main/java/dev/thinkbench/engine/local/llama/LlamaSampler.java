package dev.thinkbench.engine.local.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * A sampler chain ({@code llama_sampler_chain}): greedy for temperature 0, else top-k, top-p, min-p, temperature and
 * a seeded random draw, in llama.cpp's usual order. {@link #sample} picks the next token from a decoded output and
 * records it in the chain's state.
 *
 * <p>Not thread-safe: one per sequence, used by the decoding thread.
 */
public final class LlamaSampler implements AutoCloseable {

    /**
     * @param temperature 0 (or less) for greedy decoding
     * @param topK keep the k most likely tokens, 0 for all
     * @param topP keep the smallest set with this much probability, 1 for all
     * @param minP drop tokens less likely than this fraction of the most likely one, 0 for none
     * @param seed the random draw's seed (only the low 32 bits are used; 0xFFFFFFFF means random)
     */
    public record Settings(double temperature, int topK, double topP, double minP, long seed) {
        public static Settings greedy() {
            return new Settings(0, 0, 1, 0, 0);
        }

        public boolean isGreedy() {
            return !(temperature > 0);
        }
    }

    private final LlamaLibrary lib;
    private MemorySegment chain;

    private LlamaSampler(LlamaLibrary lib, MemorySegment chain) {
        this.lib = lib;
        this.chain = chain;
    }

    public static LlamaSampler create(LlamaLibrary lib, Settings s) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = (MemorySegment) lib.fn.samplerChainDefaultParams.invokeExact(
                    (SegmentAllocator) arena);
            LlamaLayouts.CHAIN_NO_PERF.set(params, 0L, true);
            MemorySegment chain = (MemorySegment) lib.fn.samplerChainInit.invokeExact(params);
            LlamaSampler sampler = new LlamaSampler(lib, chain);
            if (s.isGreedy()) {
                sampler.add((MemorySegment) lib.fn.samplerInitGreedy.invokeExact());
                return sampler;
            }
            if (s.topK() > 0) {
                sampler.add((MemorySegment) lib.fn.samplerInitTopK.invokeExact(s.topK()));
            }
            if (s.topP() < 1) {
                sampler.add((MemorySegment) lib.fn.samplerInitTopP.invokeExact((float) s.topP(), 1L));
            }
            if (s.minP() > 0) {
                sampler.add((MemorySegment) lib.fn.samplerInitMinP.invokeExact((float) s.minP(), 1L));
            }
            sampler.add((MemorySegment) lib.fn.samplerInitTemp.invokeExact((float) s.temperature()));
            sampler.add((MemorySegment) lib.fn.samplerInitDist.invokeExact((int) s.seed()));
            return sampler;
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("creating the sampler", t);
        }
    }

    private void add(MemorySegment sampler) throws Throwable {
        if (sampler.address() == 0) {
            throw new LlamaException("llama.cpp could not create a sampler", java.util.List.of());
        }
        lib.fn.samplerChainAdd.invokeExact(chain, sampler);
    }

    /** Samples (and accepts) a token from the {@code index}-th token of the last decode, which had output on. */
    public int sample(LlamaContext context, int index) {
        try {
            return (int) lib.fn.samplerSample.invokeExact(chain(), context.handle(), index);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_sampler_sample", t);
        }
    }

    /** Forgets the chain's state (the random generator keeps its position). */
    public void reset() {
        try {
            lib.fn.samplerReset.invokeExact(chain());
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_sampler_reset", t);
        }
    }

    private MemorySegment chain() {
        if (chain == null) {
            throw new IllegalStateException("the sampler was freed");
        }
        return chain;
    }

    @Override
    public void close() {
        if (chain == null) {
            return;
        }
        MemorySegment c = chain;
        chain = null;
        try {
            lib.fn.samplerFree.invokeExact(c);
        } catch (Throwable t) {
            throw LlamaLibrary.unexpected("llama_sampler_free", t);
        }
    }
}
