package dev.thinkbench.engine.local.gguf;

import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GgufWriterTest {

    @TempDir
    Path dir;

    @Test
    void tinyModelHasTheSameSizeAsTheReferencePythonWriter() throws IOException {
        Path file = TinyGguf.write(dir.resolve("tiny.gguf"));

        assertThat(Files.size(file)).isEqualTo(488_992L);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt()).isEqualTo(GgufWriter.MAGIC);
        assertThat(b.getInt()).isEqualTo(3);
        assertThat(b.getLong()).as("tensor count").isEqualTo(3 + 2 * 9);
        assertThat(b.getLong()).as("kv count").isEqualTo(20);
    }

    @Test
    void writesScalarsLittleEndianWithTypeIds() throws IOException {
        byte[] bytes = bytes(new GgufWriter().putU32("a", 0xFFFF_FFFFL).putBool("b", true).putF32("c", 1.5f));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).position(24);

        assertThat(readString(b)).isEqualTo("a");
        assertThat(b.getInt()).isEqualTo(GgufValueType.UINT32.id());
        assertThat(b.getInt()).isEqualTo(-1);
        assertThat(readString(b)).isEqualTo("b");
        assertThat(b.getInt()).isEqualTo(GgufValueType.BOOL.id());
        assertThat(b.get()).isEqualTo((byte) 1);
        assertThat(readString(b)).isEqualTo("c");
        assertThat(b.getInt()).isEqualTo(GgufValueType.FLOAT32.id());
        assertThat(b.getFloat()).isEqualTo(1.5f);
    }

    @Test
    void writesArraysWithElementTypeAndCount() throws IOException {
        byte[] bytes = bytes(new GgufWriter().putStringArray("t", List.of("x", "yz")));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).position(24);

        assertThat(readString(b)).isEqualTo("t");
        assertThat(b.getInt()).isEqualTo(GgufValueType.ARRAY.id());
        assertThat(b.getInt()).isEqualTo(GgufValueType.STRING.id());
        assertThat(b.getLong()).isEqualTo(2);
        assertThat(readString(b)).isEqualTo("x");
        assertThat(readString(b)).isEqualTo("yz");
    }

    @Test
    void alignsTensorDataAndOffsets() throws IOException {
        byte[] bytes = bytes(new GgufWriter().put("general.architecture", "llama")
                .addTensorF32("a", new long[] {3}, new float[] {1, 2, 3})
                .addTensorF16("b", new long[] {2}, new float[] {0.5f, -2f}));

        assertThat(bytes.length % 32).isZero();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).position(24);
        readString(b);
        b.getInt();
        readString(b);
        assertThat(readString(b)).isEqualTo("a");
        assertThat(b.getInt()).isEqualTo(1);
        assertThat(b.getLong()).isEqualTo(3);
        assertThat(b.getInt()).isEqualTo(GgmlType.F32.id());
        assertThat(b.getLong()).isZero();
        assertThat(readString(b)).isEqualTo("b");
        b.getInt();
        b.getLong();
        assertThat(b.getInt()).isEqualTo(GgmlType.F16.id());
        assertThat(b.getLong()).as("second tensor offset").isEqualTo(32);
        int dataStart = (b.position() + 31) / 32 * 32;
        assertThat(b.getFloat(dataStart + 8)).isEqualTo(3f);
        assertThat(Float.float16ToFloat(b.getShort(dataStart + 32 + 2))).isEqualTo(-2f);
    }

    @Test
    void rejectsDataThatDoesNotMatchTheShape() {
        assertThatThrownBy(() -> new GgufWriter().addTensorF32("w", new long[] {4, 2}, new float[7]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 8 values, got 7");
        assertThatThrownBy(() -> new GgufWriter().addTensorRaw("q", new long[] {32}, GgmlType.Q8_0, new byte[33]))
                .hasMessageContaining("takes 34 bytes");
    }

    @Test
    void rejectsOutOfRangeValuesAndBadAlignment() {
        assertThatThrownBy(() -> new GgufWriter().putU8("k", 256)).hasMessageContaining("outside [0, 255]");
        assertThatThrownBy(() -> new GgufWriter().putU32("general.alignment", 24))
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> new GgufWriter().putArray("k", GgufValueType.INT32, List.of("x")))
                .hasMessageContaining("holds a String");
    }

    private static byte[] bytes(GgufWriter w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.writeTo(out);
        return out.toByteArray();
    }

    private static String readString(ByteBuffer b) {
        byte[] s = new byte[(int) b.getLong()];
        b.get(s);
        return new String(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
