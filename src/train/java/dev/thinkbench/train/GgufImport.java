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

    static void load(Path path, MicroModel model, NDManager manager) throws IOException, GgufFormatException {
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
}
