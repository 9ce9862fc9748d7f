package dev.thinkbench.engine.local.gguf;

import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GgufReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsBackEveryValueTypeTheWriterWrites() throws Exception {
        Path file = dir.resolve("all.gguf");
        new GgufWriter().putU8("u8", 200).putI8("i8", -3).putU16("u16", 60000).putI16("i16", -30000)
                .putU32("u32", 4_000_000_000L).putI32("i32", -7).putU64("u64", -1L).putI64("i64", -9)
                .putF32("f32", 0.25f).putF64("f64", 1e300).putBool("bool", true).put("str", "h\u00e9llo")
                .putI32Array("ints", new int[] {1, -2, 3})
                .putStringArray("strs", List.of("a", "", "\u2581b"))
                .addTensorF32("t", new long[] {2, 3}, new float[6])
                .write(file);

        GgufFile read = GgufReader.read(file);

        assertThat(read.version()).isEqualTo(3);
        assertThat(read.metadata()).containsEntry("u8", 200L).containsEntry("i8", -3L).containsEntry("u16", 60000L)
                .containsEntry("i16", -30000L).containsEntry("u32", 4_000_000_000L).containsEntry("i32", -7L)
                .containsEntry("u64", -1L).containsEntry("i64", -9L).containsEntry("f32", 0.25f)
                .containsEntry("f64", 1e300).containsEntry("bool", true).containsEntry("str", "h\u00e9llo");
        assertThat(read.array("ints").values().toArray()).containsExactly(1L, -2L, 3L);
        assertThat(read.array("strs").values().toArray()).containsExactly("a", "", "\u2581b");
        assertThat(read.tensors()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("t");
            assertThat(t.ne()).containsExactly(2, 3);
            assertThat(t.type()).isEqualTo(GgmlType.F32);
            assertThat(t.byteSize()).isEqualTo(24);
        });
        assertThat(read.dataOffset() % 32).isZero();
    }

    @Test
    void keepsOnlyTheCountOfLongArraysUnlessAskedForAll() throws Exception {
        Path file = TinyGguf.write(dir.resolve("tiny.gguf"));

        GgufArray tokens = GgufReader.read(file).array("tokenizer.ggml.tokens");
        GgufArray all = GgufReader.readAll(file).array("tokenizer.ggml.tokens");

        assertThat(tokens.count()).isEqualTo(358);
        assertThat(tokens.elided()).isTrue();
        assertThat(all.values().toArray()).hasSize(358).contains("<|im_end|>", "</think>");
    }

    @Test
    void validatesTheTinyModelAndReportsWhatTheUiShows() throws Exception {
        Path file = TinyGguf.write(dir.resolve("tiny.gguf"));

        GgufModelInfo info = GgufValidator.validate(file);

        assertThat(info.architecture()).isEqualTo("llama");
        assertThat(info.name()).isEqualTo("tiny");
        assertThat(info.quantization()).isEqualTo("F32");
        assertThat(info.contextLength()).isEqualTo(2048);
        assertThat(info.chatTemplate()).isNull();
        long perLayer = 64 + 64 * 64 + 2 * 64 * 32 + 64 * 64 + 64 + 3 * 64 * 128;
        assertThat(info.parameterCount()).isEqualTo(2L * 358 * 64 + 64 + 2 * perLayer);
        assertThat(info.parameterLabel()).isEqualTo("120K");
        assertThat(info.fileSize()).isEqualTo(Files.size(file));
    }

    @Test
    void namesTheQuantizationFromTheFileTypeAndShowsTheTemplate() throws IOException, GgufFormatException {
        Path file = dir.resolve("named.gguf");
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 1).put("general.name", "Tiny R1")
                .putU32("general.file_type", 15).put("tokenizer.chat_template", "{{ messages }}").write(file);

        GgufModelInfo info = GgufValidator.validate(file);

        assertThat(info.name()).isEqualTo("Tiny R1");
        assertThat(info.quantization()).isEqualTo("Q4_K_M");
        assertThat(info.chatTemplate()).isEqualTo("{{ messages }}");
        assertThat(info.summary()).contains("Tiny R1", "llama", "Q4_K_M");
    }
}
