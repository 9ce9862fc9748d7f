package dev.thinkbench.engine.local.gguf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the fuzz seeds (small GGUF files, a few hundred bytes, so mutations stay fast): a model that passes the
 * validator, every value type, and an array long enough to be skipped. Run once to (re)create them:
 * {@code java -cp target/test-classes:target/classes dev.thinkbench.engine.local.gguf.GgufFuzzSeeds <dir>}.
 */
final class GgufFuzzSeeds {

    private GgufFuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        validModel().write(dir.resolve("seed-valid-model"));
        new GgufWriter().putU8("u8", 200).putI8("i8", -3).putU16("u16", 60000).putI16("i16", -30000)
                .putU32("u32", 4_000_000_000L).putI32("i32", -7).putU64("u64", -1L).putI64("i64", -9)
                .putF32("f32", 0.25f).putF64("f64", 1e300).putBool("bool", true).put("str", "h\u00e9llo")
                .putI32Array("ints", new int[] {1, -2, 3}).putStringArray("strs", List.of("a", "", "\u2581b"))
                .addTensorF32("t", new long[] {2, 3}, new float[6])
                .write(dir.resolve("seed-all-value-types"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(Integer.toString(i, 36));
        }
        validModel().putStringArray("tokenizer.ggml.merges", many).putI32Array("x.ids", new int[300])
                .write(dir.resolve("seed-skipped-arrays"));
    }

    /** The smallest file {@link GgufValidator} accepts: one block, two tokens, two tensors. */
    static GgufWriter validModel() {
        return new GgufWriter().put("general.architecture", "llama").put("general.name", "fuzz seed")
                .putU32("general.alignment", 32).putU32("general.file_type", 0)
                .putU32("llama.context_length", 64).putU32("llama.embedding_length", 2)
                .putU32("llama.block_count", 1).putU32("llama.attention.head_count", 1)
                .putF32("llama.attention.layer_norm_rms_epsilon", 1e-5f).put("tokenizer.ggml.model", "llama")
                .putStringArray("tokenizer.ggml.tokens", List.of("<s>", "a"))
                .putF32Array("tokenizer.ggml.scores", new float[2])
                .putI32Array("tokenizer.ggml.token_type", new int[] {3, 1})
                .put("tokenizer.chat_template", "{{ messages }}")
                .addTensorF32("token_embd.weight", new long[] {2, 2}, new float[4])
                .addTensorF32("blk.0.attn_norm.weight", new long[] {2}, new float[2]);
    }
}
