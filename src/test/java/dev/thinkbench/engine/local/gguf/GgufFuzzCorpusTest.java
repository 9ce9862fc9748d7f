package dev.thinkbench.engine.local.gguf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The cheap, deterministic part of fuzzing in the default run: every input of the fuzz corpus (the seeds and every
 * crash a fuzzing run found, kept as regressions) goes through {@link GgufFuzzTarget} and must parse or be refused.
 * Fuzzing itself runs under the {@code fuzz} profile.
 */
class GgufFuzzCorpusTest {

    private static List<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(GgufFuzzCorpusTest.class.getResource("GgufFuzzTestInputs/parsesOrRefuses").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void everyCorpusInputParsesOrIsRefusedCleanly() throws Exception {
        List<Path> inputs = corpus();

        assertThat(inputs).hasSizeGreaterThanOrEqualTo(3);
        for (Path input : inputs) {
            byte[] data = Files.readAllBytes(input);
            assertThatCode(() -> GgufFuzzTarget.parseOrRefuse(data)).as(input.getFileName().toString())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theSeedsReachTheValidatorNotJustTheParser(@TempDir Path dir) throws Exception {
        Path seed = corpus().stream().filter(p -> p.getFileName().toString().equals("seed-valid-model"))
                .findFirst().orElseThrow();

        assertThat(GgufValidator.validate(seed).architecture()).isEqualTo("llama");
        GgufFuzzSeeds.validModel().write(dir.resolve("again.gguf"));
        assertThat(Files.readAllBytes(dir.resolve("again.gguf"))).as("the seed is what GgufFuzzSeeds writes")
                .isEqualTo(Files.readAllBytes(seed));
    }

    @Test
    void truncationsOfAValidModelAreAllRefusedCleanly() throws Exception {
        byte[] valid = Files.readAllBytes(corpus().stream()
                .filter(p -> p.getFileName().toString().equals("seed-valid-model")).findFirst().orElseThrow());

        for (int length = 0; length < valid.length; length += 7) {
            byte[] cut = java.util.Arrays.copyOf(valid, length);
            assertThatCode(() -> GgufFuzzTarget.parseOrRefuse(cut)).as("first %d bytes", length)
                    .doesNotThrowAnyException();
        }
    }
}
