package dev.thinkbench.engine.local.gguf;

import dev.thinkbench.testing.CraftedGguf;
import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Hostile headers that fit in their file but would make a trusting reader exhaust memory or time are refused with
 * {@link GgufCheck#SIZE_LIMIT} and a message naming the offending entry. The files are sparse: they claim gigabytes
 * but cost no disk.
 */
class GgufReaderLimitsTest {

    @TempDir
    Path dir;

    private static GgufFormatException refusal(ThrowingRead read) {
        GgufFormatException e = catchThrowableOfType(GgufFormatException.class, read::run);
        assertThat(e).as("refused with a GgufFormatException").isNotNull();
        return e;
    }

    @FunctionalInterface
    private interface ThrowingRead {
        void run() throws Exception;
    }

    @Test
    void aHundredMillionByteArrayInAValidModelIsRefusedByEveryReadingMode() throws Exception {
        Path file = CraftedGguf.tinyWithHugeByteArray(dir.resolve("junk.gguf"), 100_000_001);

        for (ThrowingRead read : new ThrowingRead[] {() -> GgufReader.read(file), () -> GgufReader.readAll(file),
                () -> GgufValidator.validate(file), () -> GgufReader.read(file, Set.of("zz.junk"))}) {
            GgufFormatException e = refusal(read);
            assertThat(e.check()).isEqualTo(GgufCheck.SIZE_LIMIT);
            assertThat(e.getMessage()).contains("'zz.junk'", "100000001 elements", "at most 16777216");
        }
    }

    @Test
    void anArrayCountBeyondIntRangeIsRefusedNotCastToANegativeCapacity() throws Exception {
        Path file = CraftedGguf.tinyWithHugeByteArray(dir.resolve("huge.gguf"), 3_000_000_001L);

        GgufFormatException e = refusal(() -> GgufReader.readAll(file));

        assertThat(e.check()).isEqualTo(GgufCheck.SIZE_LIMIT);
        assertThat(e.getMessage()).contains("3000000001 elements");
    }

    @Test
    void moreTensorsThanAnyModelHasAreRefusedBeforeReadingThem() throws Exception {
        Path file = CraftedGguf.header(200_000, 0).hole(200_000L * 64).write(dir.resolve("tensors.gguf"));

        GgufFormatException e = refusal(() -> GgufReader.read(file));

        assertThat(e.check()).isEqualTo(GgufCheck.SIZE_LIMIT);
        assertThat(e.getMessage()).contains("200000 tensor entries", "at most 131072");
    }

    @Test
    void moreMetadataEntriesThanAnyModelHasAreRefused() throws Exception {
        Path file = CraftedGguf.header(0, 100_000).hole(100_000L * 16).write(dir.resolve("keys.gguf"));

        GgufFormatException e = refusal(() -> GgufReader.read(file));

        assertThat(e.check()).isEqualTo(GgufCheck.SIZE_LIMIT);
        assertThat(e.getMessage()).contains("100000 metadata entries");
    }

    @Test
    void stringsThatWouldTakeMoreThanTheMemoryBudgetAreRefusedBeforeAllocation() throws Exception {
        int strings = 8;
        long length = 15L << 20;
        CraftedGguf crafted = CraftedGguf.header(0, strings);
        for (int i = 0; i < strings; i++) {
            crafted.string("big." + i).u32(GgufValueType.STRING.id()).u64(length).hole(length);
        }
        Path file = crafted.write(dir.resolve("strings.gguf"));

        GgufFormatException e = refusal(() -> GgufReader.read(file));

        assertThat(e.check()).isEqualTo(GgufCheck.SIZE_LIMIT);
        assertThat(e.getMessage()).contains("more than 64 MB of memory", "'big.2'");
    }

    @Test
    void aStringLongerThanTheLimitIsRefusedEvenThoughTheFileHoldsIt() throws Exception {
        long length = 20L << 20;
        Path file = CraftedGguf.header(0, 1).string("general.name").u32(GgufValueType.STRING.id()).u64(length)
                .hole(length).write(dir.resolve("long.gguf"));

        GgufFormatException e = refusal(() -> GgufReader.read(file));

        assertThat(e.check()).isEqualTo(GgufCheck.SIZE_LIMIT);
        assertThat(e.getMessage()).contains("'general.name'", "20971520 bytes long");
    }

    @Test
    void elementsWalkedInAllArraysTogetherAreBounded() throws Exception {
        ReadBudget small = new ReadBudget(ReadBudget.DEFAULT_BYTES, 1000);
        Path file = dir.resolve("two.gguf");
        new GgufWriter().putI32Array("a", new int[600]).putI32Array("b", new int[600]).write(file);

        GgufFormatException e;
        try (FileChannel channel = FileChannel.open(file)) {
            e = catchThrowableOfType(GgufFormatException.class,
                    () -> new GgufReader(256, Set.of(), small).parse(file, channel, channel.size()));
        }

        assertThat(e.check()).isEqualTo(GgufCheck.SIZE_LIMIT);
        assertThat(e.getMessage()).contains("array 'b'", "1000 elements");
    }

    @Test
    void namedArraysAreKeptWholeAndOthersOnlyCounted() throws Exception {
        Path file = TinyGguf.write(dir.resolve("tiny.gguf"));

        GgufFile read = GgufReader.read(file, Set.of("tokenizer.ggml.tokens"));

        assertThat(read.array("tokenizer.ggml.tokens").values().toArray()).hasSize(358).contains("<|im_end|>");
        assertThat(read.array("tokenizer.ggml.scores").elided()).isTrue();
    }
}
