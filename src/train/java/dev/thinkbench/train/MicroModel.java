package dev.thinkbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A llama-architecture decoder written with NDArray ops, parameters named as llama.cpp's GGUF tensors: token
 * embedding (row lookup), per layer RMSNorm, Q/K/V/O projections, RoPE on adjacent pairs (llama.cpp's NORM
 * mode, so no permutation on export), scaled causal softmax attention, RMSNorm, SwiGLU; final RMSNorm and an untied
 * output. Matrices are stored {@code [in, out]} for {@code x @ W}. Used from one thread.
 */
final class MicroModel {

    private final MicroConfig config;
    private final Map<String, NDArray> params = new LinkedHashMap<>();
    private final NDArray cos;
    private final NDArray sin;
    private final NDArray rotate;

    MicroModel(NDManager manager, MicroConfig config, long seed) {
        this.config = config;
        Random rng = new Random(seed);
        int d = config.dim();
        int f = config.feedForward();
        float residualStd = (float) (0.02 / Math.sqrt(2.0 * config.layers()));
        add(manager, "token_embd.weight", gaussian(rng, config.vocab() * d, 0.02f), config.vocab(), d);
        for (int l = 0; l < config.layers(); l++) {
            String p = "blk." + l + ".";
            add(manager, p + "attn_norm.weight", ones(d), d);
            add(manager, p + "attn_q.weight", gaussian(rng, d * d, 0.02f), d, d);
            add(manager, p + "attn_k.weight", gaussian(rng, d * d, 0.02f), d, d);
            add(manager, p + "attn_v.weight", gaussian(rng, d * d, 0.02f), d, d);
            add(manager, p + "attn_output.weight", gaussian(rng, d * d, residualStd), d, d);
            add(manager, p + "ffn_norm.weight", ones(d), d);
            add(manager, p + "ffn_gate.weight", gaussian(rng, d * f, 0.02f), d, f);
            add(manager, p + "ffn_up.weight", gaussian(rng, d * f, 0.02f), d, f);
            add(manager, p + "ffn_down.weight", gaussian(rng, f * d, residualStd), f, d);
        }
        add(manager, "output_norm.weight", ones(d), d);
        add(manager, "output.weight", gaussian(rng, d * config.vocab(), 0.02f), d, config.vocab());
        int hd = config.headDim();
        int positions = config.context() + 256;
        float[] c = new float[positions * hd];
        float[] s = new float[positions * hd];
        for (int t = 0; t < positions; t++) {
            for (int i = 0; i < hd / 2; i++) {
                double angle = t * Math.pow(10000.0, -2.0 * i / hd);
                c[t * hd + 2 * i] = c[t * hd + 2 * i + 1] = (float) Math.cos(angle);
                s[t * hd + 2 * i] = s[t * hd + 2 * i + 1] = (float) Math.sin(angle);
            }
        }
        cos = manager.create(c, new Shape(positions, hd));
        sin = manager.create(s, new Shape(positions, hd));
        float[] r = new float[hd * hd];
        for (int i = 0; i < hd / 2; i++) {
            r[(2 * i + 1) * hd + 2 * i] = -1f;   // (x@R)[2i] = -x[2i+1]
            r[(2 * i) * hd + 2 * i + 1] = 1f;    // (x@R)[2i+1] = x[2i]
        }
        rotate = manager.create(r, new Shape(hd, hd));
    }

    MicroConfig config() {
        return config;
    }

    Map<String, NDArray> parameters() {
        return params;
    }

    /** Per-layer keys and values of the tokens seen so far, for greedy decoding one token at a time. */
    static final class Cache {
        final List<NDArray> keys = new ArrayList<>();
        final List<NDArray> values = new ArrayList<>();
    }

    /** Logits {@code [B, T, V]}: {@link #hidden} through the output projection. */
    NDArray forward(NDArray ids, NDArray bias, int pos0, Cache cache) {
        return logits(hidden(ids, bias, pos0, cache));
    }

    /** Logits of hidden states {@code [..., D]}. */
    NDArray logits(NDArray hidden) {
        return hidden.matMul(params.get("output.weight"));
    }

    /**
     * The final normed hidden states {@code [B, T, D]} for token ids {@code [B, T]} (int) at positions
     * {@code pos0 .. pos0+T-1}.
     *
     * @param bias additive attention bias {@code [B, 1, T, Tkeys]}: 0 where a query may see a key, -1e9 elsewhere
     * @param cache null in training; otherwise extended with this call's keys and values
     */
    NDArray hidden(NDArray ids, NDArray bias, int pos0, Cache cache) {
        long b = ids.getShape().get(0);
        long t = ids.getShape().get(1);
        int d = config.dim();
        int h = config.heads();
        int hd = config.headDim();
        NDArray x = params.get("token_embd.weight").get(new NDIndex("{}", ids.reshape(b * t).toType(DataType.INT64,
                false))).reshape(b, t, d);
        NDArray c = cos.get(pos0 + ":" + (pos0 + t));
        NDArray s = sin.get(pos0 + ":" + (pos0 + t));
        float scale = (float) (1.0 / Math.sqrt(hd));
        for (int l = 0; l < config.layers(); l++) {
            String p = "blk." + l + ".";
            NDArray n = rmsNorm(x, params.get(p + "attn_norm.weight"));
            NDArray q = rope(heads(n.matMul(params.get(p + "attn_q.weight")), b, t, h, hd), c, s);
            NDArray k = rope(heads(n.matMul(params.get(p + "attn_k.weight")), b, t, h, hd), c, s);
            NDArray v = heads(n.matMul(params.get(p + "attn_v.weight")), b, t, h, hd);
            if (cache != null) {
                if (cache.keys.size() > l) {
                    k = cache.keys.get(l).concat(k, 2);
                    v = cache.values.get(l).concat(v, 2);
                    cache.keys.set(l, k);
                    cache.values.set(l, v);
                } else {
                    cache.keys.add(k);
                    cache.values.add(v);
                }
            }
            NDArray att = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale).add(bias).softmax(-1).matMul(v);
            x = x.add(att.transpose(0, 2, 1, 3).reshape(b, t, d).matMul(params.get(p + "attn_output.weight")));
            NDArray m = rmsNorm(x, params.get(p + "ffn_norm.weight"));
            NDArray gate = m.matMul(params.get(p + "ffn_gate.weight"));
            NDArray up = m.matMul(params.get(p + "ffn_up.weight"));
            x = x.add(gate.mul(Activation.sigmoid(gate)).mul(up).matMul(params.get(p + "ffn_down.weight")));
        }
        return rmsNorm(x, params.get("output_norm.weight"));
    }

    private static NDArray heads(NDArray x, long b, long t, int h, int hd) {
        return x.reshape(b, t, h, hd).transpose(0, 2, 1, 3);
    }

    private NDArray rope(NDArray x, NDArray c, NDArray s) {
        return x.mul(c).add(x.matMul(rotate).mul(s));
    }

    private NDArray rmsNorm(NDArray x, NDArray weight) {
        NDArray ms = x.square().mean(new int[] {-1}, true).add(config.rmsEps());
        return x.mul(ms.sqrt().pow(-1)).mul(weight);
    }

    private void add(NDManager manager, String name, float[] values, long... shape) {
        NDArray a = manager.create(values, new Shape(shape));
        a.setRequiresGradient(true);
        params.put(name, a);
    }

    private static float[] gaussian(Random rng, int n, float std) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (rng.nextGaussian() * std);
        }
        return a;
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, 1f);
        return a;
    }
}
