package dev.thinkbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.thinkbench.engine.local.gguf.GgmlType;
import dev.thinkbench.engine.local.gguf.GgufFile;
import dev.thinkbench.engine.local.gguf.GgufFormatException;
import dev.thinkbench.engine.local.gguf.GgufReader;
import dev.thinkbench.engine.local.gguf.GgufTensorInfo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * Reads the weights of a GGUF written by {@link GgufExport} back into a {@link MicroModel} (the inverse mapping),
 * to resume training from a checkpoint or to decode with the trainer's own code. One thread.
 */
final class GgufImport {

    private GgufImport() {
    }

    /** The vocabulary a GGUF written by {@link GgufExport} carries. */
    static MicroVocab vocab(Path path) throws IOException, GgufFormatException {
        GgufFile file = GgufReader.readAll(path);
        List<String> tokens = file.array("tokenizer.ggml.tokens").values().stream().map(String.class::cast).toList();
        List<?> raw = file.array("tokenizer.ggml.scores").values();
        float[] scores = new float[raw.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = ((Number) raw.get(i)).floatValue();
        }
        return MicroVocab.of(tokens, scores);
    }

    /** The model shape a GGUF written by {@link GgufExport} has. */
    static MicroConfig config(Path path) throws IOException, GgufFormatException {
        GgufFile file = GgufReader.read(path);
        int dim = file.integer("llama.embedding_length").intValue();
        return new MicroConfig(file.integer("llama.vocab_size").intValue(), dim,
                file.integer("llama.block_count").intValue(), file.integer("llama.attention.head_count").intValue(),
                file.integer("llama.feed_forward_length").intValue(), file.integer("llama.context_length").intValue(),
                1e-5f);
    }

    /** Loads weights of the same shape. */
    static void load(Path path, MicroModel model, NDManager manager) throws IOException, GgufFormatException {
        load(path, model, manager, null);
    }

    /**
     * Loads weights; with {@code vocab}, a checkpoint over a smaller vocabulary (the first model's 358 characters)
     * is widened: the embedding of a learned piece starts as the mean of its characters' embeddings, its output
     * column as small noise (so the model's old predictions stand until the piece is learned).
     */
    static void load(Path path, MicroModel model, NDManager manager, MicroVocab vocab)
            throws IOException, GgufFormatException {
        GgufFile file = GgufReader.read(path);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            for (GgufTensorInfo t : file.tensors()) {
                NDArray target = model.parameters().get(t.name());
                if (target == null || t.type() != GgmlType.F32) {
                    throw new IOException("unexpected tensor " + t + " in " + path);
                }
                ByteBuffer buf = ByteBuffer.allocate((int) t.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
                ch.read(buf, file.dataOffset() + t.offset());
                float[] data = new float[(int) t.elements()];
                buf.flip().asFloatBuffer().get(data);
                long[] ne = t.ne();
                if (ne.length == 2 && !t.name().equals("token_embd.weight")) {
                    try (NDArray rowMajor = manager.create(data, new Shape(ne[1], ne[0]));
                         NDArray ours = rowMajor.transpose()) {
                        data = ours.toFloatArray();
                    }
                }
                if (target.size() != data.length && vocab != null) {
                    data = widen(t.name(), data, model.config(), vocab);
                }
                if (target.size() != data.length) {
                    throw new IOException(t.name() + " has " + data.length + " values, the model wants "
                            + target.size());
                }
                target.set(data);
            }
        }
        for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
            if (file.tensors().stream().noneMatch(t -> t.name().equals(e.getKey()))) {
                throw new IOException(path + " lacks tensor " + e.getKey());
            }
        }
    }

    private static float[] widen(String name, float[] data, MicroConfig c, MicroVocab vocab) throws IOException {
        int d = c.dim();
        int oldVocab = data.length / d;
        int v = c.vocab();
        float[] out = new float[v * d];
        java.util.Random rng = new java.util.Random(oldVocab * 31L + v);
        if (name.equals("token_embd.weight")) {
            System.arraycopy(data, 0, out, 0, data.length);
            for (int id = oldVocab; id < v; id++) {
                int[] chars = vocab.characterIds(id);
                for (int ch : chars) {
                    for (int j = 0; j < d; j++) {
                        out[id * d + j] += data[ch * d + j] / chars.length;
                    }
                }
            }
            return out;
        }
        if (name.equals("output.weight")) {
            for (int j = 0; j < d; j++) {
                System.arraycopy(data, j * oldVocab, out, j * v, oldVocab);
                for (int id = oldVocab; id < v; id++) {
                    out[j * v + id] = (float) (rng.nextGaussian() * 0.02);
                }
            }
            return out;
        }
        throw new IOException(name + " has " + data.length + " values and cannot be widened");
    }
}
