package dev.thinkbench.lab.settings;

import dev.thinkbench.testing.FakeKeys;
import dev.thinkbench.core.SecretScrubber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The user-only key file: owner-only permissions from creation, keys only ever by name, scrubbed everywhere. */
class SecretsStoreTest {

    private static final String CANARY = FakeKeys.of("sk-ant", "canary-3e7f1c9b2d5a");

    @TempDir
    Path dir;

    @Test
    void aStoredKeyIsWrittenOwnerOnlyAndReadBackByANewStore() throws IOException {
        SecretsStore store = new SecretsStore(dir.resolve("config").resolve(SecretsStore.FILE_NAME));

        store.put("anthropic", "  " + CANARY + "\n");

        Path file = store.file();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(SecretsStore.OWNER_ONLY);
        assertThat(new SecretsStore(file).get("anthropic")).contains(CANARY);
        assertThat(new SecretsStore(file).get("gemini")).isEmpty();
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file is left behind").containsExactly(file);
        }
    }

    @Test
    void theStoreNamesEnginesButNeverShowsAKeyAndTheScrubberMasksIt() throws IOException {
        SecretsStore store = new SecretsStore(dir.resolve(SecretsStore.FILE_NAME));
        store.put("anthropic", CANARY);

        assertThat(store.toString()).contains("anthropic").doesNotContain(CANARY);
        assertThat(store.engines()).containsExactly("anthropic");
        assertThat(SecretScrubber.scrub("the key " + CANARY + " leaked")).doesNotContain(CANARY);
    }

    @Test
    void aKeyReadFromAFileIsRegisteredWithTheScrubberToo() throws IOException {
        String other = FakeKeys.of("AIza", "canary-read-only-from-file-71c2");
        Path file = dir.resolve(SecretsStore.FILE_NAME);
        Files.writeString(file, "{\"version\":1,\"keys\":{\"gemini\":\"" + other + "\"}}");

        assertThat(new SecretsStore(file).get("gemini")).contains(other);
        assertThat(SecretScrubber.scrub("x " + other)).doesNotContain(other);
    }

    @Test
    void aFileOthersCanReadIsNarrowedToOwnerOnlyBeforeItIsRead() throws IOException {
        Path file = dir.resolve(SecretsStore.FILE_NAME);
        Files.writeString(file, "{\"version\":1,\"keys\":{\"openai\":\"" + FakeKeys.of("sk-proj", "abcdef123456") + "\"}}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(new SecretsStore(file).get("openai")).contains(FakeKeys.of("sk-proj", "abcdef123456"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(SecretsStore.OWNER_ONLY);
    }

    @Test
    void aBlankKeyForgetsTheEnginesKeyAndKeepsTheOthers() throws IOException {
        SecretsStore store = new SecretsStore(dir.resolve(SecretsStore.FILE_NAME));
        store.put("anthropic", CANARY);
        store.put("deepseek", FakeKeys.of("sk-deepseek", "abcdef"));

        store.put("anthropic", " ");

        assertThat(store.engines()).containsExactly("deepseek");
        assertThat(Files.readString(store.file(), StandardCharsets.UTF_8)).doesNotContain(CANARY);
    }

    @Test
    void aBrokenFileIsIgnoredWithAReasonThatQuotesNothingOfIt() throws IOException {
        Path file = dir.resolve(SecretsStore.FILE_NAME);
        Files.writeString(file, "{\"keys\": {\"anthropic\": \"" + CANARY);
        SecretsStore store = new SecretsStore(file);

        assertThat(store.get("anthropic")).isEmpty();
        assertThat(store.lastProblem()).contains(SecretsStore.FILE_NAME).doesNotContain(CANARY)
                .doesNotContain("sk-ant");
    }
}
