package dev.thinkbench.engine.local.gguf;

import java.util.Set;
import java.util.TreeSet;

/**
 * The model architectures the bundled llama.cpp (release v0.5.0, the {@code @node-llama-cpp} 3.22.1 libraries) knows,
 * read from its {@code LLM_ARCH_NAMES} table ({@code src/llama-arch.cpp} at that tag). A file declaring any other
 * fails natively with only "unknown model architecture" in the log, so it is rejected here first with the list.
 */
public final class LlamaCppArchitectures {

    /** The llama.cpp release the engine bundles. */
    public static final String BUILD = "v0.5.0";

    private static final Set<String> KNOWN = Set.of("llama", "llama4", "deci", "falcon", "grok", "gpt2", "gptj",
            "gptneox", "mpt", "baichuan", "starcoder", "refact", "bert", "modern-bert", "nomic-bert",
            "nomic-bert-moe", "neo-bert", "jina-bert-v2", "jina-bert-v3", "eurobert", "bloom", "stablelm", "qwen",
            "qwen2", "qwen2moe", "qwen2vl", "qwen3", "qwen3moe", "qwen3next", "qwen3vl", "qwen3vlmoe", "qwen35",
            "qwen35moe", "qwen4exp", "phi2", "phi3", "phimoe", "plamo", "plamo2", "plamo3", "codeshell", "orion",
            "internlm2", "minicpm", "minicpm3", "gemma", "gemma2", "gemma3", "gemma3n", "gemma4", "gemma4-assistant",
            "gemma-embedding", "starcoder2", "mamba", "mamba2", "maple", "jamba", "falcon-h1", "xverse", "command-r",
            "cohere2", "cohere2moe", "dbrx", "olmo", "olmo2", "olmoe", "muse-glimmer", "openelm", "arctic",
            "deepseek", "deepseek2", "deepseek2-ocr", "deepseek32", "deepseek4", "chatglm", "glm4", "glm4moe",
            "glm-dsa", "bitnet", "t5", "t5encoder", "jais", "jais2", "nemotron", "nemotron_h", "nemotron_h_moe",
            "exaone", "exaone4", "exaone-moe", "rwkv6", "rwkv6qwen2", "rwkv7", "arwkv7", "granite", "granitemoe",
            "granitehybrid", "graniteswitch", "granite_swa", "chameleon", "wavtokenizer-dec", "plm", "bailingmoe",
            "bailingmoe2", "bailingmoe3", "dots1", "dots3note", "arcee", "afmoe", "laguna", "ernie4_5",
            "ernie4_5-moe", "hunyuan-moe", "hunyuan-dense", "hunyuan_vl", "hy_v3", "hy_v4", "smollm3", "gpt-oss",
            "lfm2", "lfm2moe", "dream", "smallthinker", "llada", "llada-moe", "seed_oss", "grovemoe", "apertus",
            "minimax-01", "hrm_text", "minimax-m2", "minimax-m3", "cogvlm", "rnd1", "pangu-embedded", "mistral3",
            "eagle3", "dflash", "mistral4", "paddleocr", "mimo2", "step35", "spark2_5", "llama-embed", "maincoder",
            "kimi-linear", "kimi-k3", "talkie", "mellum", "nanbeige", "qwen3tts", "pockettts");

    /** Encoders, embedders, audio models and draft heads: they load (or not) but cannot continue text on their own. */
    private static final Set<String> NOT_TEXT_GENERATORS = Set.of("bert", "modern-bert", "nomic-bert",
            "nomic-bert-moe", "neo-bert", "jina-bert-v2", "jina-bert-v3", "eurobert", "t5encoder", "wavtokenizer-dec",
            "gemma-embedding", "llama-embed", "qwen3tts", "pockettts", "eagle3", "dflash");

    /**
     * Families whose llama.cpp loader reads {@code attention.layer_norm_rms_epsilon} without a default (a file
     * lacking it fails with "key not found"); their files also carry {@code attention.head_count}.
     */
    private static final Set<String> RMS_NORM_REQUIRED = Set.of("llama", "llama4", "qwen", "qwen2", "qwen2moe",
            "qwen3", "qwen3moe", "qwen3vl", "qwen3vlmoe", "deepseek", "deepseek2", "gemma", "gemma2", "gemma3",
            "gemma3n", "gemma4", "phi3", "phimoe", "granite", "minicpm", "minicpm3", "olmo2", "olmoe", "smollm3",
            "gpt-oss", "exaone", "exaone4", "internlm2", "mistral3", "lfm2", "seed_oss", "ernie4_5", "baichuan");

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
