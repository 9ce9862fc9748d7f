package dev.thinkbench.train;

import ai.djl.ndarray.NDArray;
import dev.thinkbench.engine.local.gguf.GgufValueType;
import dev.thinkbench.engine.local.gguf.GgufWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the micro model as a llama-architecture GGUF (F32) that llama.cpp b4916 loads: our {@code [in, out]}
 * matrices go out transposed (row-major {@code [out][in]}, GGUF {@code ne = [in, out]}); the embedding
 * {@code [V][D]} as is; RoPE needs no permutation (trained on adjacent pairs); SPM tokenizer over the
 * {@link MicroVocab} (characters, bytes and learned word pieces with their merge scores) with
 * {@code add_space_prefix=false} and no BOS. The write is atomic. One thread.
 */
final class GgufExport {

    /**
     * The training layout ({@code chatml-think}) as Jinja, so llama.cpp front ends (llama-server) lay out the prompt
     * as the model learned it: the prompt ends with {@code <think>}, and the model writes its thinking, then
     * {@code </think>}.
     */
    static final String CHAT_TEMPLATE = """
            {%- for message in messages -%}
              {{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>\\n' -}}
            {%- endfor -%}
            {%- if add_generation_prompt -%}
              {{- '<|im_start|>assistant\\n<think>\\n' -}}
            {%- endif -%}""";

    private GgufExport() {
    }

    static void write(MicroModel model, MicroVocab vocab, Path path, String description) throws IOException {
        MicroConfig c = model.config();
        GgufWriter w = new GgufWriter()
                .put("general.architecture", "llama")
                .put("general.name", "thinkbench-micro-reasoner")
                .put("general.description", description)
                .putU32("general.alignment", 32)
                .putU32("general.file_type", 0)
                .putU32("llama.context_length", c.context())
                .putU32("llama.embedding_length", c.dim())
                .putU32("llama.block_count", c.layers())
                .putU32("llama.feed_forward_length", c.feedForward())
                .putU32("llama.attention.head_count", c.heads())
                .putU32("llama.attention.head_count_kv", c.heads())
                .putU32("llama.rope.dimension_count", c.headDim())
                .putF32("llama.rope.freq_base", 10000f)
                .putF32("llama.attention.layer_norm_rms_epsilon", c.rmsEps())
                .putU32("llama.vocab_size", c.vocab())
                .put("tokenizer.ggml.model", "llama")
                .putStringArray("tokenizer.ggml.tokens", vocab.tokens())
                .putF32Array("tokenizer.ggml.scores", vocab.scores())
                .putArray("tokenizer.ggml.token_type", GgufValueType.INT32, vocab.types())
                .putU32("tokenizer.ggml.bos_token_id", MicroVocab.BOS)
                .putU32("tokenizer.ggml.eos_token_id", MicroVocab.IM_END)
                .putU32("tokenizer.ggml.unknown_token_id", MicroVocab.UNK)
                .putBool("tokenizer.ggml.add_bos_token", false)
                .putBool("tokenizer.ggml.add_eos_token", false)
                .putBool("tokenizer.ggml.add_space_prefix", false)
                .put("tokenizer.chat_template", CHAT_TEMPLATE);
        for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
            NDArray a = e.getValue();
            long[] shape = a.getShape().getShape();
            String name = e.getKey();
            if (shape.length == 1) {
                w.addTensorF32(name, new long[] {shape[0]}, a.toFloatArray());
            } else if (name.equals("token_embd.weight")) {
                w.addTensorF32(name, new long[] {shape[1], shape[0]}, a.toFloatArray());
            } else {
                try (NDArray t = a.transpose()) {
                    w.addTensorF32(name, new long[] {shape[0], shape[1]}, t.toFloatArray());
                }
            }
        }
        w.write(path);
    }
}
