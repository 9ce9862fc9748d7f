package dev.thinkbench.engine.raw;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The cheap, deterministic part of fuzzing the stream parsers in the default run: every input of the corpus (seeds
 * in each protocol's wire format, and every finding of a fuzzing run, kept as a regression) goes through
 * {@link StreamFuzzTarget} and must be read or refused cleanly. Fuzzing itself runs under the {@code fuzz} profile.
 */
class StreamFuzzCorpusTest {

    private static List<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(StreamFuzzCorpusTest.class.getResource("StreamFuzzTestInputs/readsOrRefuses").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void everyCorpusInputIsReadOrRefusedCleanly() throws Exception {
        List<Path> inputs = corpus();

        assertThat(inputs).hasSizeGreaterThanOrEqualTo(4);
        for (Path input : inputs) {
            byte[] data = Files.readAllBytes(input);
            assertThatCode(() -> StreamFuzzTarget.readOrRefuse(data)).as(input.getFileName().toString())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void everyPrefixOfEverySeedIsReadOrRefusedCleanly() throws Exception {
        for (Path input : corpus()) {
            if (!input.getFileName().toString().startsWith("seed-")) {
                continue;
            }
            byte[] seed = Files.readAllBytes(input);
            for (int length = 1; length <= seed.length; length++) {
                byte[] cut = java.util.Arrays.copyOf(seed, length);
                assertThatCode(() -> StreamFuzzTarget.readOrRefuse(cut))
                        .as("%s, first %d bytes: %s", input.getFileName(), length,
                                new String(cut, StandardCharsets.UTF_8))
                        .doesNotThrowAnyException();
            }
        }
    }
}
