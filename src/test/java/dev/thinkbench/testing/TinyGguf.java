package dev.thinkbench.testing;

import dev.thinkbench.engine.local.gguf.GgmlType;
import dev.thinkbench.engine.local.gguf.GgufValueType;
import dev.thinkbench.engine.local.gguf.GgufWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test fixture: the tiny llama-architecture model of {@code reference/embedded-engine.md}, written in Java. Random
 * weights, except that the output matrix makes greedy decoding follow a fixed chain of tokens, so the model answers
 * {@value #EXPECTED_OUTPUT} after {@code <think>} and then emits its EOS {@code <|im_end|>}.
 *
 * <p>Vocabulary (358 tokens): 0 {@code <unk>}, 1 {@code <s>}, 2 {@code </s>}, 3-258 byte tokens, 259
 * {@code <|im_start|>}, 260 {@code <|im_end|>} (EOS), 261 {@code <think>}, 262 {@code </think>}, 263 {@code ▁}, 264-357
 * printable ASCII.
 */
public final class TinyGguf {

    /** What greedy decoding produces after a prompt ending in {@code <think>} (then EOS). */
    public static final String EXPECTED_OUTPUT = "Let x=2.</think>A:4";
    /** The chain of tokens greedy decoding follows: each token's successor is the next one. */
    public static final List<String> CHAIN = List.of("<think>", "L", "e", "t", "\u2581", "x", "=", "2", ".",
            "</think>", "A", ":", "4", "<|im_end|>");
    public static final int EOS = 260;
    /**
     * The chain again, starting after a newline instead of {@code <think>}: with it the model answers the
     * {@code chatml-think} template's generation prompt (which ends in {@code <think>\n}) the same way.
     */
    public static final List<String> CHAT_CHAIN = List.of("<0x0A>", "L", "e", "t", "\u2581", "x", "=", "2", ".",
            "</think>", "A", ":", "4", "<|im_end|>");
    /** A cycle that never ends: after a prompt ending in {@code b} the model writes {@code cdbcdb...} forever. */
    public static final List<String> LOOP = List.of("b", "c", "d", "b");

    /**
     * The model's dimensions.
     *
     * @param embedding E, a multiple of {@code heads}
     */
    public record Shape(int embedding, int layers, int heads, int kvHeads, int feedForward, int contextLength) {
        public static final Shape TINY = new Shape(64, 2, 4, 2, 128, 2048);
    }

    private TinyGguf() {
    }

    /** Writes the reference tiny model (E=64, 2 layers) to {@code path}. */
    public static Path write(Path path) throws IOException {
        writer(Shape.TINY, List.of(CHAIN), 42).write(path);
        return path;
    }

    /**
     * Writes the reference model plus {@link #LOOP}, for tests that need endless generation (cancel, crash); its
     * greedy output after {@code <think>} is still {@value #EXPECTED_OUTPUT}.
     */
    public static Path writeLooping(Path path) throws IOException {
        writer(Shape.TINY, List.of(CHAIN, LOOP), 42).write(path);
        return path;
    }

    /**
     * Writes a model for the {@code chatml-think} template: after {@code <think>\n} greedy decoding writes
     * {@code Let x=2.} and ends its thinking; after {@code Wait} it writes {@code  x=2.}; after {@code Final Answer:}
     * it writes {@code 4}.
     */
    public static Path writeForChat(Path path) throws IOException {
        writer(Shape.TINY, List.of(CHAT_CHAIN, LOOP), 42).write(path);
        return path;
    }

    /**
     * Writes the {@code qwen3} model steered for a prompt ending in {@code <think>\n} (the {@code qwen3} template's),
     * plus {@link #LOOP}: thinking {@code Let x=2.} then {@code </think>}; after {@code Final Answer:} it writes
     * {@code 4} and its EOS.
     */
    public static Path writeQwen3ForChat(Path path) throws IOException {
        writer("qwen3", Shape.TINY, List.of(CHAT_CHAIN, LOOP), 42).write(path);
        return path;
    }

    /**
     * Harmony's special tokens, after the reference vocabulary (ids 358 to 363); {@code <|return|>} is the EOS. With
     * both {@code <|return|>} and {@code <|call|>} present llama.cpp does not end generation at {@code <|end|>}, as
     * with the real gpt-oss vocabulary.
     */
    public static final List<String> HARMONY_TOKENS = List.of("<|start|>", "<|end|>", "<|message|>", "<|channel|>",
            "<|return|>", "<|call|>");
    /** Harmony's greedy chain: the analysis channel writes {@code Let x=2.} and closes with {@code <|end|>}. */
    public static final List<String> HARMONY_CHAIN = List.of("<|message|>", "L", "e", "t", "\u2581", "x", "=", "2",
            ".", "<|end|>", "<|return|>");
    /** After a forced {@code Final Answer:} the model answers {@code 4} and returns. */
    public static final List<String> HARMONY_ANSWER = List.of(":", "4", "<|return|>");

    /**
     * Writes a llama model with harmony's tokens for the {@code gpt-oss} template: after
     * {@code <|channel|>analysis<|message|>} greedy decoding writes {@code Let x=2.<|end|>}; after {@code Wait} it
     * writes {@code  x=2.<|end|>}; after {@code Final Answer:} it writes {@code 4<|return|>}.
     */
    public static Path writeHarmony(Path path) throws IOException {
        List<String> toks = new ArrayList<>(tokens());
        toks.addAll(HARMONY_TOKENS);
        List<Integer> types = new ArrayList<>(tokenTypes());
        types.addAll(Collections.nCopies(HARMONY_TOKENS.size(), 3));
        writer("llama", Shape.TINY, toks, types, List.of(HARMONY_CHAIN, HARMONY_ANSWER), 42, GgmlType.F32)
                .putU32("tokenizer.ggml.eos_token_id", toks.indexOf("<|return|>")).write(path);
        return path;
    }

    /**
     * gpt-oss's own Jinja template, cut down: harmony messages, no {@code <think>} markers (a template that reads the
     * file's Jinja with {@code <think>} markers lays the prompt out wrong for this model).
     */
    public static final String GPT_OSS_JINJA = "{{- '<|start|>system<|message|>Reasoning: medium<|end|>' }}"
            + "{%- for message in messages %}{%- if message.role == 'user' %}"
            + "{{- '<|start|>user<|message|>' + message.content + '<|end|>' }}{%- endif %}{%- endfor %}"
            + "{%- if add_generation_prompt %}{{- '<|start|>assistant' }}{%- endif %}";

    /**
     * Writes a {@code gpt-oss}-architecture model (mixture of 4 experts, attention sinks, biases) with harmony's
     * tokens and {@link #GPT_OSS_JINJA}, decoding greedily as {@link #writeHarmony} does: {@code Let x=2.<|end|>} on
     * the analysis channel, {@code  x=2.<|end|>} after {@code Wait}, {@code 4<|return|>} after {@code Final Answer:}.
     */
    public static Path writeGptOss(Path path) throws IOException {
        List<String> toks = new ArrayList<>(tokens());
        toks.addAll(HARMONY_TOKENS);
        List<Integer> types = new ArrayList<>(tokenTypes());
        types.addAll(Collections.nCopies(HARMONY_TOKENS.size(), 3));
        int v = toks.size();
        int e = 64;
        int layers = 2;
        int heads = 4;
        int kvHeads = 2;
        int hd = 16;
        int ff = 128;
        int experts = 4;
        Map<String, Integer> id = new HashMap<>();
        for (int i = 0; i < v; i++) {
            id.put(toks.get(i), i);
        }
        Random rng = new Random(42);
        float[] emb = gaussian(rng, v * e, 1f);
        float[] out = gaussian(rng, v * e, 0.02f);
        for (List<String> chain : List.of(HARMONY_CHAIN, HARMONY_ANSWER)) {
            for (int i = 0; i + 1 < chain.size(); i++) {
                steer(out, emb, e, id.get(chain.get(i)), id.get(chain.get(i + 1)));
            }
        }
        String a = "gpt-oss";
        GgufWriter w = new GgufWriter().put("general.architecture", a).put("general.name", "gpt-oss tiny test")
                .putU32("general.alignment", 32).putU32(a + ".context_length", 4096)
                .putU32(a + ".embedding_length", e).putU32(a + ".block_count", layers)
                .putU32(a + ".feed_forward_length", ff).putU32(a + ".attention.head_count", heads)
                .putU32(a + ".attention.head_count_kv", kvHeads).putU32(a + ".rope.dimension_count", hd)
                .putF32(a + ".rope.freq_base", 10000f).putF32(a + ".attention.layer_norm_rms_epsilon", 1e-5f)
                .putU32(a + ".expert_count", experts).putU32(a + ".expert_used_count", 2)
                .putU32(a + ".expert_feed_forward_length", ff).putU32(a + ".attention.sliding_window", 128)
                .putU32(a + ".attention.key_length", hd).putU32(a + ".attention.value_length", hd)
                .put("tokenizer.ggml.model", "llama").putStringArray("tokenizer.ggml.tokens", toks)
                .putF32Array("tokenizer.ggml.scores", new float[v])
                .putArray("tokenizer.ggml.token_type", GgufValueType.INT32, types)
                .putU32("tokenizer.ggml.bos_token_id", 1)
                .putU32("tokenizer.ggml.eos_token_id", toks.indexOf("<|return|>"))
                .putU32("tokenizer.ggml.unknown_token_id", 0).putBool("tokenizer.ggml.add_bos_token", true)
                .putBool("tokenizer.ggml.add_space_prefix", false).put("tokenizer.chat_template", GPT_OSS_JINJA);
        w.addTensorF32("token_embd.weight", ne(e, v), emb);
        w.addTensorF32("output_norm.weight", ne(e), ones(e));
        w.addTensorF32("output.weight", ne(e, v), out);
        for (int l = 0; l < layers; l++) {
            String b = "blk." + l + ".";
            w.addTensorF32(b + "attn_norm.weight", ne(e), ones(e));
            w.addTensorF32(b + "post_attention_norm.weight", ne(e), ones(e));
            w.addTensorF32(b + "attn_q.weight", ne(e, heads * hd), gaussian(rng, e * heads * hd, .02f));
            w.addTensorF32(b + "attn_k.weight", ne(e, kvHeads * hd), gaussian(rng, e * kvHeads * hd, .02f));
            w.addTensorF32(b + "attn_v.weight", ne(e, kvHeads * hd), gaussian(rng, e * kvHeads * hd, .02f));
            w.addTensorF32(b + "attn_q.bias", ne(heads * hd), new float[heads * hd]);
            w.addTensorF32(b + "attn_k.bias", ne(kvHeads * hd), new float[kvHeads * hd]);
            w.addTensorF32(b + "attn_v.bias", ne(kvHeads * hd), new float[kvHeads * hd]);
            w.addTensorF32(b + "attn_output.weight", ne(heads * hd, e), gaussian(rng, e * heads * hd, .02f));
            w.addTensorF32(b + "attn_output.bias", ne(e), new float[e]);
            w.addTensorF32(b + "attn_sinks.weight", ne(heads), new float[heads]);
            w.addTensorF32(b + "ffn_gate_inp.weight", ne(e, experts), gaussian(rng, e * experts, .02f));
            w.addTensorF32(b + "ffn_gate_inp.bias", ne(experts), new float[experts]);
            w.addTensorF32(b + "ffn_gate_exps.weight", ne(e, ff, experts), gaussian(rng, e * ff * experts, .02f));
            w.addTensorF32(b + "ffn_up_exps.weight", ne(e, ff, experts), gaussian(rng, e * ff * experts, .02f));
            w.addTensorF32(b + "ffn_down_exps.weight", ne(ff, e, experts), gaussian(rng, e * ff * experts, .02f));
            w.addTensorF32(b + "ffn_gate_exps.bias", ne(ff, experts), new float[ff * experts]);
            w.addTensorF32(b + "ffn_up_exps.bias", ne(ff, experts), new float[ff * experts]);
            w.addTensorF32(b + "ffn_down_exps.bias", ne(e, experts), new float[e * experts]);
        }
        w.write(path);
        return path;
    }

    /**
     * Writes a {@code mamba}-architecture model (a recurrent state per sequence, no attention, no KV cache) with the
     * reference vocabulary and random weights, large enough that what it picks next depends on everything it has read:
     * the fixture for llama.cpp's recurrent memory, which cannot cut a sequence short and copies a sequence's whole
     * state.
     */
    public static Path writeMamba(Path path) throws IOException {
        List<String> toks = tokens();
        int v = toks.size();
        int e = 32;
        int layers = 2;
        int inner = 2 * e; // llama.cpp takes an expansion factor of 2 only
        int state = 8;
        int conv = 4;
        int dtRank = 4;
        Random rng = new Random(11);
        String a = "mamba";
        GgufWriter w = metadata(a, new Shape(e, layers, 1, 1, 4 * e, 1024), toks, tokenTypes())
                .putU32(a + ".ssm.conv_kernel", conv).putU32(a + ".ssm.inner_size", inner)
                .putU32(a + ".ssm.state_size", state).putU32(a + ".ssm.time_step_rank", dtRank);
        w.addTensorF32("token_embd.weight", ne(e, v), gaussian(rng, v * e, 1f));
        w.addTensorF32("output_norm.weight", ne(e), ones(e));
        w.addTensorF32("output.weight", ne(e, v), gaussian(rng, v * e, 0.5f));
        for (int l = 0; l < layers; l++) {
            String b = "blk." + l + ".";
            w.addTensorF32(b + "attn_norm.weight", ne(e), ones(e));
            w.addTensorF32(b + "ssm_in.weight", ne(e, 2 * inner), gaussian(rng, e * 2 * inner, 0.3f));
            w.addTensorF32(b + "ssm_conv1d.weight", ne(conv, inner), gaussian(rng, conv * inner, 0.5f));
            w.addTensorF32(b + "ssm_conv1d.bias", ne(inner), new float[inner]);
            w.addTensorF32(b + "ssm_x.weight", ne(inner, dtRank + 2 * state),
                    gaussian(rng, inner * (dtRank + 2 * state), 0.3f));
            w.addTensorF32(b + "ssm_dt.weight", ne(dtRank, inner), gaussian(rng, dtRank * inner, 0.3f));
            float[] dtBias = new float[inner];
            Arrays.fill(dtBias, -1f);
            w.addTensorF32(b + "ssm_dt.bias", ne(inner), dtBias);
            float[] decay = new float[state * inner]; // A = -exp(A_log) with A_log = log(1..state), as converted
            for (int i = 0; i < decay.length; i++) {
                decay[i] = -(1 + i % state);
            }
            w.addTensorF32(b + "ssm_a", ne(state, inner), decay);
            w.addTensorF32(b + "ssm_d", ne(inner), ones(inner));
            w.addTensorF32(b + "ssm_out.weight", ne(inner, e), gaussian(rng, inner * e, 0.3f));
        }
        w.write(path);
        return path;
    }

    /** The vocabulary, in id order. */
    public static List<String> tokens() {
        List<String> toks = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        for (int b = 0; b < 256; b++) {
            toks.add(String.format("<0x%02X>", b));
        }
        toks.addAll(List.of("<|im_start|>", "<|im_end|>", "<think>", "</think>", "\u2581"));
        for (char c = 0x21; c < 0x7F; c++) {
            toks.add(String.valueOf(c));
        }
        return toks;
    }

    /** Token types: 1 normal, 2 unknown, 3 control, 4 user-defined, 6 byte. */
    public static List<Integer> tokenTypes() {
        List<Integer> types = new ArrayList<>(List.of(2, 3, 3));
        types.addAll(Collections.nCopies(256, 6));
        types.addAll(List.of(3, 3, 4, 4));
        types.addAll(Collections.nCopies(95, 1));
        return types;
    }

    /**
     * Writes the reference model as a {@code qwen3} architecture (per-layer {@code attn_q_norm}/{@code attn_k_norm},
     * {@code qwen3.*} keys): same vocabulary, same greedy output {@value #EXPECTED_OUTPUT}, plus {@link #LOOP}.
     */
    public static Path writeQwen3(Path path) throws IOException {
        writer("qwen3", Shape.TINY, List.of(CHAIN, LOOP), 42).write(path);
        return path;
    }

    /**
     * A writer holding a model of this shape whose greedy decoding follows the {@code chains} (pairs of consecutive
     * tokens; a chain that returns to an earlier token loops forever, handy for decode benchmarks).
     */
    public static GgufWriter writer(Shape s, List<List<String>> chains, long seed) {
        return writer("llama", s, chains, seed);
    }

    /**
     * The same for an architecture: {@code llama}, or {@code qwen3} (which adds a per-head RMS norm of queries and
     * keys, {@code blk.N.attn_q_norm} and {@code blk.N.attn_k_norm}, all ones here).
     */
    public static GgufWriter writer(String arch, Shape s, List<List<String>> chains, long seed) {
        return writer(arch, s, chains, seed, GgmlType.F32);
    }

    /**
     * The same with the 2-D weight matrices stored as {@code weights} ({@code F32}, {@code F16} or {@code Q4_0}, the
     * latter needing dimensions that are multiples of 32); norms stay F32. For benchmarks on the file types people
     * download.
     */
    public static GgufWriter writer(String arch, Shape s, List<List<String>> chains, long seed, GgmlType weights) {
        return writer(arch, s, tokens(), tokenTypes(), chains, seed, weights);
    }

    private static GgufWriter writer(String arch, Shape s, List<String> toks, List<Integer> types,
                                     List<List<String>> chains, long seed, GgmlType weights) {
        int v = toks.size();
        int e = s.embedding();
        int hd = e / s.heads();
        Map<String, Integer> id = new HashMap<>();
        for (int i = 0; i < v; i++) {
            id.put(toks.get(i), i);
        }
        Random rng = new Random(seed);
        float[] emb = gaussian(rng, v * e, 1f);
        float[] out = gaussian(rng, v * e, 0.02f);
        for (List<String> chain : chains) {
            for (int i = 0; i + 1 < chain.size(); i++) {
                steer(out, emb, e, id.get(chain.get(i)), id.get(chain.get(i + 1)));
            }
        }
        GgufWriter w = metadata(arch, s, toks, types);
        matrix(w, weights, "token_embd.weight", ne(e, v), emb);
        w.addTensorF32("output_norm.weight", ne(e), ones(e));
        matrix(w, weights, "output.weight", ne(e, v), out);
        for (int l = 0; l < s.layers(); l++) {
            String p = "blk." + l + ".";
            w.addTensorF32(p + "attn_norm.weight", ne(e), ones(e));
            matrix(w, weights, p + "attn_q.weight", ne(e, s.heads() * hd), gaussian(rng, e * s.heads() * hd, 0.02f));
            matrix(w, weights, p + "attn_k.weight", ne(e, s.kvHeads() * hd), gaussian(rng, e * s.kvHeads() * hd, 0.02f));
            matrix(w, weights, p + "attn_v.weight", ne(e, s.kvHeads() * hd), gaussian(rng, e * s.kvHeads() * hd, 0.02f));
            matrix(w, weights, p + "attn_output.weight", ne(s.heads() * hd, e), gaussian(rng, e * s.heads() * hd, 0.02f));
            if (arch.equals("qwen3")) {
                w.addTensorF32(p + "attn_q_norm.weight", ne(hd), ones(hd));
                w.addTensorF32(p + "attn_k_norm.weight", ne(hd), ones(hd));
            }
            w.addTensorF32(p + "ffn_norm.weight", ne(e), ones(e));
            matrix(w, weights, p + "ffn_gate.weight", ne(e, s.feedForward()), gaussian(rng, e * s.feedForward(), 0.02f));
            matrix(w, weights, p + "ffn_up.weight", ne(e, s.feedForward()), gaussian(rng, e * s.feedForward(), 0.02f));
            matrix(w, weights, p + "ffn_down.weight", ne(s.feedForward(), e), gaussian(rng, e * s.feedForward(), 0.02f));
        }
        return w;
    }

    /** The metadata of the reference script, in its order (no tensors). */
    public static GgufWriter metadata(Shape s, List<String> toks) {
        return metadata("llama", s, toks);
    }

    /** The same with another architecture's key prefix. */
    public static GgufWriter metadata(String arch, Shape s, List<String> toks) {
        return metadata(arch, s, toks, tokenTypes());
    }

    private static GgufWriter metadata(String arch, Shape s, List<String> toks, List<Integer> types) {
        int v = toks.size();
        float[] scores = new float[v];
        return new GgufWriter()
                .put("general.architecture", arch)
                .putU32("general.alignment", 32)
                .putU32(arch + ".context_length", s.contextLength())
                .putU32(arch + ".embedding_length", s.embedding())
                .putU32(arch + ".block_count", s.layers())
                .putU32(arch + ".feed_forward_length", s.feedForward())
                .putU32(arch + ".attention.head_count", s.heads())
                .putU32(arch + ".attention.head_count_kv", s.kvHeads())
                .putU32(arch + ".rope.dimension_count", s.embedding() / s.heads())
                .putF32(arch + ".rope.freq_base", 10000f)
                .putF32(arch + ".attention.layer_norm_rms_epsilon", 1e-5f)
                .put("tokenizer.ggml.model", "llama")
                .putStringArray("tokenizer.ggml.tokens", toks)
                .putF32Array("tokenizer.ggml.scores", scores)
                .putArray("tokenizer.ggml.token_type", GgufValueType.INT32, types)
                .putU32("tokenizer.ggml.bos_token_id", 1)
                .putU32("tokenizer.ggml.eos_token_id", EOS)
                .putU32("tokenizer.ggml.unknown_token_id", 0)
                .putBool("tokenizer.ggml.add_bos_token", true)
                .putBool("tokenizer.ggml.add_space_prefix", false);
    }

    private static void matrix(GgufWriter w, GgmlType type, String name, long[] ne, float[] data) {
        switch (type) {
            case F32 -> w.addTensorF32(name, ne, data);
            case F16 -> w.addTensorF16(name, ne, data);
            case Q4_0 -> w.addTensorRaw(name, ne, GgmlType.Q4_0, Q4Zero.quantize(data));
            default -> throw new IllegalArgumentException("weights as " + type + " are not written here");
        }
    }

    /** Adds {@code 2·emb[a]/|emb[a]|} to output row b, so after token a the logit of b is about 2·sqrt(E). */
    private static void steer(float[] out, float[] emb, int e, int a, int b) {
        double norm = 0;
        for (int k = 0; k < e; k++) {
            norm += (double) emb[a * e + k] * emb[a * e + k];
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < e; k++) {
            out[b * e + k] += (float) (2.0 * emb[a * e + k] / norm);
        }
    }

    private static long[] ne(long... dims) {
        return dims;
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        Arrays.fill(a, 1f);
        return a;
    }

    private static float[] gaussian(Random rng, int n, float scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rng.nextGaussian() * scale;
        }
        return a;
    }
}
