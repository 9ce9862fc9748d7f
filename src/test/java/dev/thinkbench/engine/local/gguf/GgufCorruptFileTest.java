package dev.thinkbench.engine.local.gguf;

import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every check of the reader and validator fails with its own reason, naming the value. */
class GgufCorruptFileTest {

    @TempDir
    Path dir;

    private GgufFormatException failure(Path file) {
        return catchThrowableOfType(GgufFormatException.class, () -> GgufValidator.validate(file));
    }

    private Path tiny() throws IOException {
        return TinyGguf.write(dir.resolve("tiny.gguf"));
    }

    private Path patched(Path source, Consumer<ByteBuffer> patch) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(source)).order(ByteOrder.LITTLE_ENDIAN);
        patch.accept(b);
        Path out = dir.resolve("patched-" + System.nanoTime() + ".gguf");
        Files.write(out, b.array());
        return out;
    }

    /** Offset of the first byte after {@code text} (a key or tensor name) in the file. */
    private static int after(ByteBuffer b, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        byte[] hay = b.array();
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return i + needle.length;
            }
        }
        throw new AssertionError(text + " not in file");
    }

    @Test
    void missingFileFailsTheFileCheck() {
        assertThat(failure(dir.resolve("nope.gguf"))).satisfies(e -> {
            assertThat(e.check()).isEqualTo(GgufCheck.FILE);
            assertThat(e.getMessage()).contains("nope.gguf", "does not exist (moved or deleted?)");
        });
    }

    @Test
    void emptyFileIsTooSmall() throws IOException {
        Path file = Files.write(dir.resolve("empty.gguf"), new byte[0]);
        assertThat(failure(file).getMessage()).isEqualTo("file: the file is empty");
    }

    @Test
    void textFileFailsTheMagicCheck() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.gguf"), "these are my notes, not a model at all\n");
        GgufFormatException e = failure(file);
        assertThat(e.check()).isEqualTo(GgufCheck.MAGIC);
        assertThat(e.getMessage()).contains("0x73656874", "not a GGUF model file");
    }

    @Test
    void randomBytesAfterTheMagicFailWithAReasonNotACrash() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            byte[] bytes = new byte[64 + random.nextInt(4096)];
            random.nextBytes(bytes);
            System.arraycopy("GGUF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
            bytes[4] = 3;
            bytes[5] = 0;
            bytes[6] = 0;
            bytes[7] = 0;
            Path file = Files.write(dir.resolve("random" + round + ".gguf"), bytes);
            assertThat(failure(file)).as("round %d", round).isNotNull();
        }
    }

    @Test
    void versionOneTooNewAndByteSwappedVersionsFailTheVersionCheck() throws IOException {
        Path tiny = tiny();
        assertThat(failure(patched(tiny, b -> b.putInt(4, 1))).getMessage()).contains("version 1 is too old");
        assertThat(failure(patched(tiny, b -> b.putInt(4, 4))).getMessage()).contains("version 4 is not supported");
        assertThat(failure(patched(tiny, b -> b.putInt(4, 0x0300_0000))).getMessage()).contains("byte-swapped");
        assertThatCode(() -> GgufValidator.validate(patched(tiny, b -> b.putInt(4, 2))))
                .as("v2 reads like v3").doesNotThrowAnyException();
    }

    @Test
    void hugeCountsFailTheCountsCheck() throws IOException {
        Path tiny = tiny();
        GgufFormatException tensors = failure(patched(tiny, b -> b.putLong(8, 1L << 40)));
        assertThat(tensors.check()).isEqualTo(GgufCheck.COUNTS);
        assertThat(tensors.getMessage()).contains("1099511627776 tensor entries");
        assertThat(failure(patched(tiny, b -> b.putLong(16, -1L))).getMessage())
                .contains("18446744073709551615 metadata entries");
    }

    @Test
    void hugeStringLengthFailsTheStringLengthCheck() throws IOException {
        GgufFormatException e = failure(patched(tiny(), b -> b.putLong(24, 1L << 62)));
        assertThat(e.check()).isEqualTo(GgufCheck.STRING_LENGTH);
        assertThat(e.getMessage()).contains("key #0 claims 4611686018427387904 bytes");
    }

    @Test
    void unknownValueTypeFailsTheValueTypeCheck() throws IOException {
        GgufFormatException e = failure(patched(tiny(), b -> b.putInt(after(b, "general.architecture"), 42)));
        assertThat(e.check()).isEqualTo(GgufCheck.VALUE_TYPE);
        assertThat(e.getMessage()).contains("'general.architecture' has unknown type 42");
    }

    @Test
    void hugeArrayFailsTheArrayLengthCheck() throws IOException {
        GgufFormatException e = failure(patched(tiny(), b -> b.putLong(after(b, "tokenizer.ggml.tokens") + 8,
                1L << 50)));
        assertThat(e.check()).isEqualTo(GgufCheck.ARRAY_LENGTH);
        assertThat(e.getMessage()).contains("'tokenizer.ggml.tokens' claims 1125899906842624 elements");
    }

    @Test
    void nestedArraysAreRejectedAsLlamaCppCannotReadThem() throws IOException {
        Path file = dir.resolve("nested.gguf");
        new GgufWriter().putArray("n", GgufValueType.ARRAY,
                List.of(GgufArray.of(GgufValueType.INT32, List.of(1)))).write(file);
        assertThat(failure(file).check()).isEqualTo(GgufCheck.VALUE_TYPE);
    }

    @Test
    void duplicateKeysFailTheDuplicateKeyCheck() throws IOException {
        Path file = dir.resolve("dup.gguf");
        new GgufWriter().put("general.architecture", "llama").putU32("key.aa", 1).putU32("key.ab", 2).write(file);
        GgufFormatException e = failure(patched(file, b -> b.put(after(b, "key.ab") - 1, (byte) 'a')));
        assertThat(e.check()).isEqualTo(GgufCheck.DUPLICATE_KEY);
        assertThat(e.getMessage()).contains("'key.aa' appears twice");
    }

    @Test
    void alignmentThatIsNotAPowerOfTwoFailsTheAlignmentCheck() throws IOException {
        GgufFormatException e = failure(patched(tiny(), b -> b.putInt(after(b, "general.alignment") + 4, 24)));
        assertThat(e.check()).isEqualTo(GgufCheck.ALIGNMENT);
        assertThat(e.getMessage()).contains("general.alignment is 24");
    }

    private Path oneTensor() throws IOException {
        Path file = dir.resolve("one.gguf");
        new GgufWriter().put("general.architecture", "llama")
                .addTensorF32("only.weight", new long[] {32, 2}, new float[64])
                .addTensorF32("second.weight", new long[] {4}, new float[4]).write(file);
        return file;
    }

    @Test
    void tensorWithFiveDimensionsFailsTheDimensionsCheck() throws IOException {
        GgufFormatException e = failure(patched(oneTensor(), b -> b.putInt(after(b, "only.weight"), 5)));
        assertThat(e.check()).isEqualTo(GgufCheck.TENSOR_DIMENSIONS);
        assertThat(e.getMessage()).contains("'only.weight' has 5 dimensions");
    }

    @Test
    void unknownTensorTypeFailsTheTensorTypeCheck() throws IOException {
        GgufFormatException e = failure(patched(oneTensor(), b -> b.putInt(after(b, "only.weight") + 20, 31)));
        assertThat(e.check()).isEqualTo(GgufCheck.TENSOR_TYPE);
        assertThat(e.getMessage()).contains("'only.weight' has type 31");
    }

    @Test
    void rowsThatAreNotWholeBlocksFailTheShapeCheck() throws IOException {
        GgufFormatException e = failure(patched(oneTensor(), b -> {
            int at = after(b, "only.weight");
            b.putLong(at + 4, 33);
            b.putInt(at + 20, GgmlType.Q8_0.id());
        }));
        assertThat(e.check()).isEqualTo(GgufCheck.TENSOR_SHAPE);
        assertThat(e.getMessage()).contains("Q8_0", "[33, 2]", "blocks of 32");
    }

    @Test
    void misplacedOffsetFailsTheOffsetCheck() throws IOException {
        GgufFormatException e = failure(patched(oneTensor(), b -> b.putLong(after(b, "second.weight") + 16, 1000)));
        assertThat(e.check()).isEqualTo(GgufCheck.TENSOR_OFFSET);
        assertThat(e.getMessage()).contains("'second.weight' starts at data offset 1000, expected 256");
    }

    @Test
    void duplicateTensorNamesFailTheDuplicateTensorCheck() throws IOException {
        Path file = dir.resolve("twins.gguf");
        new GgufWriter().addTensorF32("ta", new long[] {1}, new float[1])
                .addTensorF32("tb", new long[] {1}, new float[1]).write(file);
        GgufFormatException e = failure(patched(file, b -> b.put(after(b, "tb") - 1, (byte) 'a')));
        assertThat(e.check()).isEqualTo(GgufCheck.DUPLICATE_TENSOR);
    }

    /**
     * A 64-byte file whose header claims 48 tensors said only "header counts: ...", with no word that the file is
     * damaged; every damaged or cut file now leads with the same plain words, a file of another kind does not.
     */
    @Test
    void everyDamagedOrIncompleteFileLeadsWithThePlainWords() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put("GGUF".getBytes(StandardCharsets.US_ASCII)).putInt(3).putLong(48).putLong(0);
        GgufFormatException counts = failure(Files.write(dir.resolve("corrupt.gguf"), b.array()));
        assertThat(counts.check()).isEqualTo(GgufCheck.COUNTS);
        assertThat(counts.getMessage()).startsWith("not a usable GGUF file: damaged or incomplete; header counts: ")
                .contains("48 tensor entries");

        byte[] bytes = Files.readAllBytes(tiny());
        assertThat(failure(Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(bytes, bytes.length - 1000)))
                .getMessage()).startsWith(GgufFormatException.DAMAGED + "tensor bounds: ");
        int inLastTensorInfo = after(ByteBuffer.wrap(bytes), "blk.1.ffn_down.weight") + 2;
        assertThat(failure(Files.write(dir.resolve("h.gguf"), Arrays.copyOf(bytes, inLastTensorInfo))).getMessage())
                .startsWith(GgufFormatException.DAMAGED + "truncated header: ");
        assertThat(failure(patched(tiny(), p -> p.putInt(4, 9))).getMessage()).as("another version: not damaged")
                .startsWith("version: ");
    }

    @Test
    void truncatedDataFailsTheBoundsCheckNamingTheTensor() throws IOException {
        Path tiny = tiny();
        byte[] bytes = Files.readAllBytes(tiny);
        Path cut = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(bytes, bytes.length - 1000));
        GgufFormatException e = failure(cut);
        assertThat(e.check()).isEqualTo(GgufCheck.TENSOR_BOUNDS);
        assertThat(e.getMessage()).contains("blk.1.ffn_down.weight", "incomplete download");
    }

    @Test
    void truncatedHeaderFailsTheTruncatedCheck() throws IOException {
        byte[] bytes = Files.readAllBytes(tiny());
        int inLastTensorInfo = after(ByteBuffer.wrap(bytes), "blk.1.ffn_down.weight") + 2;
        GgufFormatException e = failure(Files.write(dir.resolve("h.gguf"), Arrays.copyOf(bytes, inLastTensorInfo)));
        assertThat(e.check()).isEqualTo(GgufCheck.TRUNCATED);
        assertThat(e.getMessage()).contains("the dimensions of blk.1.ffn_down.weight");
        for (int cut = 24; cut < 2000; cut += 97) {
            Path file = Files.write(dir.resolve("h" + cut + ".gguf"), Arrays.copyOf(bytes, cut));
            assertThat(failure(file).check()).as("cut at %d", cut)
                    .isIn(GgufCheck.TRUNCATED, GgufCheck.STRING_LENGTH, GgufCheck.ARRAY_LENGTH, GgufCheck.COUNTS);
        }
    }

    @Test
    void unsupportedArchitecturesFailTheArchitectureCheck() throws IOException {
        Path file = dir.resolve("qwen9.gguf");
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 1).put("general.architecture", "qwen9").write(file);
        GgufFormatException e = failure(file);
        assertThat(e.check()).isEqualTo(GgufCheck.ARCHITECTURE);
        assertThat(e.getMessage()).contains("'qwen9' is not supported", "v0.5.0", "qwen3", "gpt-oss");

        Path bert = dir.resolve("bert.gguf");
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 1).put("general.architecture", "bert").write(bert);
        assertThat(failure(bert).getMessage()).contains("cannot continue text");
    }

    @Test
    void missingOrMistypedRequiredKeysFailWithTheKeyName() throws IOException {
        Path noEps = dir.resolve("no-eps.gguf");
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 1)
                .remove("llama.attention.layer_norm_rms_epsilon").write(noEps);
        assertThat(failure(noEps)).satisfies(e -> {
            assertThat(e.check()).isEqualTo(GgufCheck.REQUIRED_KEY);
            assertThat(e.getMessage()).isEqualTo(GgufFormatException.DAMAGED + "required key: llama.attention.layer_norm_rms_epsilon is missing");
        });
        Path noArch = dir.resolve("no-arch.gguf");
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 1).remove("general.architecture").write(noArch);
        assertThat(failure(noArch).getMessage()).contains("general.architecture is missing");
        Path mistyped = dir.resolve("mistyped.gguf");
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 1).put("llama.block_count", "two").write(mistyped);
        assertThat(failure(mistyped)).satisfies(e -> {
            assertThat(e.check()).isEqualTo(GgufCheck.KEY_TYPE);
            assertThat(e.getMessage()).contains("llama.block_count must be an integer, is the string 'two'");
        });
        Path noVocab = dir.resolve("no-vocab.gguf");
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 1).remove("tokenizer.ggml.tokens").write(noVocab);
        assertThat(failure(noVocab).getMessage()).contains("tokenizer.ggml.tokens");
    }

    @Test
    void vocabularyArraysOfDifferentLengthsFail() throws IOException {
        Path file = dir.resolve("types.gguf");
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 1)
                .putArray("tokenizer.ggml.token_type", GgufValueType.INT32, List.of(1, 1)).write(file);
        assertThat(failure(file).getMessage()).contains("tokenizer.ggml.token_type has 2 entries for 358 tokens");
    }

    @Test
    void missingTensorsFailTheMissingTensorCheck() throws IOException {
        Path noEmbedding = dir.resolve("no-embd.gguf");
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 1).removeTensor("token_embd.weight").write(noEmbedding);
        assertThat(failure(noEmbedding).getMessage()).isEqualTo(GgufFormatException.DAMAGED + "missing tensor: token_embd.weight is missing");

        Path threeBlocks = dir.resolve("three.gguf");
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 1).putU32("llama.block_count", 3).write(threeBlocks);
        assertThat(failure(threeBlocks).getMessage()).contains("block 2 of 3 has no tensors");
    }

    @Test
    void readerAloneAcceptsWhatOnlyTheValidatorRejects() throws Exception {
        Path file = dir.resolve("qwen9.gguf");
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 1).put("general.architecture", "qwen9").write(file);
        assertThat(GgufReader.read(file).architecture()).isEqualTo("qwen9");
        assertThatThrownBy(() -> GgufValidator.validate(file)).isInstanceOf(GgufFormatException.class);
    }
}
