package dev.thinkbench.engine.local.llama;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The C structs of {@code include/llama.h} at llama.cpp v0.5.0 that cross the boundary, written by hand. Structs
 * passed by value must match the header exactly (a wrong layout silently loads a vocabulary-only model, or worse):
 * member names equal the C names, and {@code LlamaLayoutTest} compiles a C program against that header and compares
 * every member's offset and each struct's size, and reads the library's own defaults through these layouts. Written
 * for the LP64/LLP64 64-bit ABIs the packages ship (8-byte pointers and {@code size_t}).
 */
public final class LlamaLayouts {

    /** {@code struct llama_model_params} (80 bytes). */
    public static final StructLayout MODEL_PARAMS = MemoryLayout.structLayout(
            ADDRESS.withName("devices"),
            ADDRESS.withName("tensor_buft_overrides"),
            JAVA_INT.withName("n_gpu_layers"),
            JAVA_INT.withName("split_mode"),
            JAVA_INT.withName("load_mode"),
            JAVA_INT.withName("lazy_mode"),
            JAVA_INT.withName("main_gpu"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("tensor_split"),
            ADDRESS.withName("progress_callback"),
            ADDRESS.withName("progress_callback_user_data"),
            ADDRESS.withName("kv_overrides"),
            JAVA_BOOLEAN.withName("vocab_only"),
            JAVA_BOOLEAN.withName("check_tensors"),
            JAVA_BOOLEAN.withName("use_extra_bufts"),
            JAVA_BOOLEAN.withName("no_host"),
            JAVA_BOOLEAN.withName("no_alloc"),
            JAVA_BOOLEAN.withName("load_mtp"),
            MemoryLayout.paddingLayout(2)).withName("llama_model_params");

    /** {@code struct llama_context_params} (160 bytes). */
    public static final StructLayout CONTEXT_PARAMS = MemoryLayout.structLayout(
            JAVA_INT.withName("n_ctx"),
            JAVA_INT.withName("n_batch"),
            JAVA_INT.withName("n_ubatch"),
            JAVA_INT.withName("n_seq_max"),
            JAVA_INT.withName("n_rs_seq"),
            JAVA_INT.withName("n_outputs_max"),
            JAVA_INT.withName("n_outputs_max_per_seq"),
            JAVA_INT.withName("n_threads"),
            JAVA_INT.withName("n_threads_batch"),
            JAVA_INT.withName("ctx_type"),
            JAVA_INT.withName("rope_scaling_type"),
            JAVA_INT.withName("pooling_type"),
            JAVA_INT.withName("attention_type"),
            JAVA_INT.withName("flash_attn_type"),
            JAVA_FLOAT.withName("rope_freq_base"),
            JAVA_FLOAT.withName("rope_freq_scale"),
            JAVA_FLOAT.withName("yarn_ext_factor"),
            JAVA_FLOAT.withName("yarn_attn_factor"),
            JAVA_FLOAT.withName("yarn_beta_fast"),
            JAVA_FLOAT.withName("yarn_beta_slow"),
            JAVA_INT.withName("yarn_orig_ctx"),
            JAVA_FLOAT.withName("defrag_thold"),
            ADDRESS.withName("cb_eval"),
            ADDRESS.withName("cb_eval_user_data"),
            JAVA_INT.withName("type_k"),
            JAVA_INT.withName("type_v"),
            ADDRESS.withName("abort_callback"),
            ADDRESS.withName("abort_callback_data"),
            JAVA_BOOLEAN.withName("embeddings"),
            JAVA_BOOLEAN.withName("offload_kqv"),
            JAVA_BOOLEAN.withName("no_perf"),
            JAVA_BOOLEAN.withName("op_offload"),
            JAVA_BOOLEAN.withName("swa_full"),
            JAVA_BOOLEAN.withName("kv_unified"),
            MemoryLayout.paddingLayout(2),
            ADDRESS.withName("samplers"),
            JAVA_LONG.withName("n_samplers"),
            ADDRESS.withName("ctx_other")).withName("llama_context_params");

    /** {@code struct llama_batch} (56 bytes), passed by value to {@code llama_decode}. */
    public static final StructLayout BATCH = MemoryLayout.structLayout(
            JAVA_INT.withName("n_tokens"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("token"),
            ADDRESS.withName("embd"),
            ADDRESS.withName("pos"),
            ADDRESS.withName("n_seq_id"),
            ADDRESS.withName("seq_id"),
            ADDRESS.withName("logits")).withName("llama_batch");

    /** {@code struct llama_sampler_chain_params} (1 byte). */
    public static final StructLayout SAMPLER_CHAIN_PARAMS = MemoryLayout.structLayout(
            JAVA_BOOLEAN.withName("no_perf")).withName("llama_sampler_chain_params");

    /** {@code GGML_MAX_N_THREADS}: the length of the thread pool's CPU mask. */
    static final int GGML_MAX_N_THREADS = 512;

    /** {@code struct ggml_threadpool_params} (528 bytes); filled by {@code ggml_threadpool_params_init}. */
    public static final StructLayout THREADPOOL_PARAMS = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(GGML_MAX_N_THREADS, JAVA_BOOLEAN).withName("cpumask"),
            JAVA_INT.withName("n_threads"),
            JAVA_INT.withName("prio"),
            JAVA_INT.withName("poll"),
            JAVA_BOOLEAN.withName("strict_cpu"),
            JAVA_BOOLEAN.withName("paused"),
            MemoryLayout.paddingLayout(2)).withName("ggml_threadpool_params");

    static final VarHandle MODEL_N_GPU_LAYERS = field(MODEL_PARAMS, "n_gpu_layers");
    static final VarHandle MODEL_PROGRESS_CALLBACK = field(MODEL_PARAMS, "progress_callback");
    static final VarHandle MODEL_VOCAB_ONLY = field(MODEL_PARAMS, "vocab_only");

    static final VarHandle CTX_N_CTX = field(CONTEXT_PARAMS, "n_ctx");
    static final VarHandle CTX_N_BATCH = field(CONTEXT_PARAMS, "n_batch");
    static final VarHandle CTX_N_UBATCH = field(CONTEXT_PARAMS, "n_ubatch");
    static final VarHandle CTX_N_SEQ_MAX = field(CONTEXT_PARAMS, "n_seq_max");
    static final VarHandle CTX_N_THREADS = field(CONTEXT_PARAMS, "n_threads");
    static final VarHandle CTX_N_THREADS_BATCH = field(CONTEXT_PARAMS, "n_threads_batch");
    static final VarHandle CTX_NO_PERF = field(CONTEXT_PARAMS, "no_perf");
    static final VarHandle CTX_KV_UNIFIED = field(CONTEXT_PARAMS, "kv_unified");

    static final VarHandle BATCH_N_TOKENS = field(BATCH, "n_tokens");
    static final VarHandle BATCH_TOKEN = field(BATCH, "token");
    static final VarHandle BATCH_EMBD = field(BATCH, "embd");
    static final VarHandle BATCH_POS = field(BATCH, "pos");
    static final VarHandle BATCH_N_SEQ_ID = field(BATCH, "n_seq_id");
    static final VarHandle BATCH_SEQ_ID = field(BATCH, "seq_id");
    static final VarHandle BATCH_LOGITS = field(BATCH, "logits");

    static final VarHandle THREADPOOL_POLL = field(THREADPOOL_PARAMS, "poll");

    static final VarHandle CHAIN_NO_PERF = field(SAMPLER_CHAIN_PARAMS, "no_perf");

    /** {@code ggml_type} values used for the KV cache. */
    static final int GGML_TYPE_F16 = 1;

    private LlamaLayouts() {
    }

    private static VarHandle field(StructLayout layout, String name) {
        // the extra coordinate is the base offset: handles take (segment, 0L)
        return layout.varHandle(MemoryLayout.PathElement.groupElement(name));
    }

    /** The value layout of a named member (tests). */
    static ValueLayout member(StructLayout layout, String name) {
        return (ValueLayout) layout.select(MemoryLayout.PathElement.groupElement(name));
    }
}
