package dev.thinkbench.engine.local.host;

import dev.thinkbench.engine.local.llama.LlamaContext.FlashAttention;
import dev.thinkbench.engine.local.llama.LlamaModel;

import java.util.List;
import java.util.Optional;

/**
 * Whether a model's context uses llama.cpp's fused flash-attention kernel. llama.cpp turns it on wherever a device
 * supports it ({@link FlashAttention#AUTO}), and that is kept, except on the CPU alone for models whose attention
 * heads are narrower than {@value #MIN_HEAD_DIMENSION}: there the CPU kernel's per-cell work (mask check, online
 * softmax) outweighs the short dot products and does not batch, while plain attention runs as matrix products that
 * do. Measured on the bundled micro model (heads of 32): eight sequences decoded together cost about twice as much
 * with the kernel as without, one sequence about the same (see the README's engine benchmark).
 */
final class AttentionChoice {

    /** Heads at least this wide keep llama.cpp's choice (every current reasoning model: 64 to 256). */
    static final int MIN_HEAD_DIMENSION = 64;

    private AttentionChoice() {
    }

    /**
     * @param devices the compute devices ggml found ({@code LlamaLibrary#devices()}), e.g. {@code CPU (AMD EPYC)}
     */
    static FlashAttention forModel(LlamaModel model, List<String> devices) {
        boolean cpuOnly = !devices.isEmpty() && devices.stream().allMatch(d -> d.startsWith("CPU"));
        return cpuOnly && headDimension(model).filter(d -> d < MIN_HEAD_DIMENSION).isPresent()
                ? FlashAttention.OFF : FlashAttention.AUTO;
    }

    /** The width of one attention head: {@code attention.key_length}, or the embedding over the head count. */
    static Optional<Integer> headDimension(LlamaModel model) {
        Optional<String> arch = model.metadata("general.architecture");
        if (arch.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> key = number(model, arch.get() + ".attention.key_length");
        if (key.isPresent()) {
            return key;
        }
        Optional<Integer> embedding = number(model, arch.get() + ".embedding_length");
        Optional<Integer> heads = number(model, arch.get() + ".attention.head_count");
        return embedding.isPresent() && heads.isPresent() && heads.get() > 0
                ? Optional.of(embedding.get() / heads.get()) : Optional.empty();
    }

    private static Optional<Integer> number(LlamaModel model, String key) {
        try {
            return model.metadata(key).map(String::strip).map(Integer::parseInt);
        } catch (NumberFormatException e) {
            return Optional.empty(); // a per-layer array or something else: no single number
        }
    }
}
