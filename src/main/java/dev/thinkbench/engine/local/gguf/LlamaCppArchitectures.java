package dev.thinkbench.engine.local.gguf;

import java.util.Set;
import java.util.TreeSet;

/**
 * The model architectures the bundled llama.cpp (b4916, inside de.kherud:llama 4.2.0) knows, read from its
 * {@code LLM_ARCH_NAMES} table. Newer families (qwen3, gpt-oss, llama4, gemma3n) are missing from that build: a file
 * declaring one fails natively with only "unknown model architecture" on stderr, so it is rejected here first.
 */
public final class LlamaCppArchitectures {

    /** The llama.cpp build the engine bundles. */
    public static final String BUILD = "b4916";

    private static final Set<String> KNOWN = Set.of("llama", "deci", "falcon", "grok", "gpt2", "gptj", "gptneox",
            "mpt", "baichuan", "starcoder", "refact", "bert", "nomic-bert", "jina-bert-v2", "bloom", "stablelm", "qwen",
            "qwen2", "qwen2moe", "qwen2vl", "phi2", "phi3", "phimoe", "plamo", "codeshell", "orion", "internlm2",
            "minicpm", "minicpm3", "gemma", "gemma2", "gemma3", "starcoder2", "mamba", "xverse", "command-r",
            "cohere2", "dbrx", "olmo", "olmo2", "olmoe", "openelm", "arctic", "deepseek", "deepseek2", "chatglm",
            "bitnet", "t5", "t5encoder", "jais", "nemotron", "exaone", "rwkv6", "rwkv6qwen2", "rwkv7", "arwkv7",
            "granite", "granitemoe", "chameleon", "wavtokenizer-dec");

    /** Encoders and audio decoders: they load but cannot continue text. */
    private static final Set<String> NOT_TEXT_GENERATORS = Set.of("bert", "nomic-bert", "jina-bert-v2", "t5encoder",
            "wavtokenizer-dec");

    /**
     * Families whose llama.cpp loader reads {@code attention.head_count} and
     * {@code attention.layer_norm_rms_epsilon} without a default (a file lacking them fails with "key not found").
     */
    private static final Set<String> RMS_NORM_REQUIRED = Set.of("llama", "qwen2", "qwen2moe", "deepseek",
            "deepseek2", "gemma", "gemma2", "gemma3", "phi3", "granite", "minicpm", "olmo2");

    private LlamaCppArchitectures() {
    }

    public static boolean isKnown(String architecture) {
        return KNOWN.contains(architecture);
    }

    public static boolean generatesText(String architecture) {
        return KNOWN.contains(architecture) && !NOT_TEXT_GENERATORS.contains(architecture);
    }

    public static boolean requiresRmsEpsilon(String architecture) {
        return RMS_NORM_REQUIRED.contains(architecture);
    }

    /** The known names, sorted, for messages. */
    public static Set<String> known() {
        return new TreeSet<>(KNOWN);
    }
}
