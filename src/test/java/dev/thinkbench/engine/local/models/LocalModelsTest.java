package dev.thinkbench.engine.local.models;

import dev.thinkbench.engine.local.gguf.GgufReader;
import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model store, Ollama and LM Studio discovery, and the memory warning, on files written by the test. */
class LocalModelsTest {

    @TempDir
    Path home;

    private static final String DIGEST = "a".repeat(64);

    private void fakeOllama(Path root, String relativeManifest) throws Exception {
        Path blob = root.resolve("blobs/sha256-" + DIGEST);
        Files.createDirectories(blob.getParent());
        TinyGguf.write(blob);
        Path manifest = root.resolve("manifests").resolve(relativeManifest);
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, """
                {"schemaVersion":2,"layers":[
                  {"mediaType":"application/vnd.ollama.image.template","digest":"sha256:%s","size":10},
                  {"mediaType":"application/vnd.ollama.image.model","digest":"sha256:%s","size":488992}]}
                """.formatted("b".repeat(64), DIGEST));
    }

    @Test
    void findsOllamaModelsThroughTheirManifests() throws Exception {
        fakeOllama(home.resolve(".ollama/models"), "registry.ollama.ai/library/deepseek-r1/1.5b");
        Files.writeString(home.resolve(".ollama/models/manifests/registry.ollama.ai/library/stray"), "not json");

        List<LocalModel> found = new ExternalModels(home, Map.of()).ollama();

        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.displayName()).isEqualTo("deepseek-r1:1.5b (Ollama)");
            assertThat(m.path()).hasFileName("sha256-" + DIGEST);
            assertThat(m.source()).isEqualTo(LocalModel.Source.OLLAMA);
            assertThat(m.usable()).isTrue();
            assertThat(m.info().architecture()).isEqualTo("llama");
        });
    }

    @Test
    void honoursOllamaModelsAndNamesOtherNamespaces() throws Exception {
        Path custom = home.resolve("elsewhere");
        fakeOllama(custom, "registry.ollama.ai/someone/tiny/latest");

        List<LocalModel> found = new ExternalModels(home, Map.of("OLLAMA_MODELS", custom.toString())).ollama();

        assertThat(found).extracting(LocalModel::displayName).containsExactly("someone/tiny:latest (Ollama)");
        assertThat(ExternalModels.ollamaName(Path.of("hf.co/bartowski/m/Q4_K_M")))
                .isEqualTo("hf.co/bartowski/m:Q4_K_M");
    }

    @Test
    void findsLmStudioModelsSkippingProjectorsAndExplainsUnusableOnes() throws Exception {
        Path repo = home.resolve(".lmstudio/models/lmstudio-community/Tiny-GGUF");
        Files.createDirectories(repo);
        TinyGguf.write(repo.resolve("tiny-Q8_0.gguf"));
        TinyGguf.write(repo.resolve("mmproj-tiny.gguf"));
        Path cache = home.resolve(".cache/lm-studio/models/x/Qwen9-GGUF");
        Files.createDirectories(cache);
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 1).put("general.architecture", "qwen9")
                .write(cache.resolve("qwen9.gguf"));

        List<LocalModel> found = new ExternalModels(home, Map.of()).lmStudio();

        assertThat(found).extracting(LocalModel::displayName).containsExactly(
                "lmstudio-community/Tiny-GGUF/tiny-Q8_0.gguf (LM Studio)", "x/Qwen9-GGUF/qwen9.gguf (LM Studio)");
        assertThat(found.get(1).usable()).isFalse();
        assertThat(found.get(1).problem()).contains("'qwen9' is not supported");
    }

    @Test
    void nothingInstalledMeansEmptyListsNotErrors() throws Exception {
        assertThat(new ExternalModels(home, Map.of()).all()).isEmpty();
        assertThat(new ModelStore(home.resolve("models")).installed()).isEmpty();
    }

    @Test
    void storeListsFinishedModelsButNeverPartialDownloads() throws Exception {
        ModelStore store = ModelStore.inDataDirectory(home);
        CatalogModel tiny = new CatalogModel("tiny", "Tiny", "llama", "120K", "F32", 488_992, "MIT",
                URI.create("https://example.org/files/tiny.gguf"), null, "chatml-think", false, "");
        Files.createDirectories(store.directory());
        TinyGguf.write(store.target(tiny));
        Files.write(store.directory().resolve("other.gguf.part"), new byte[1234]);

        assertThat(store.installed()).extracting(LocalModel::displayName).containsExactly("tiny.gguf");
        assertThat(store.installedFile(tiny)).contains(store.directory().resolve("tiny.gguf"));
        assertThat(store.partialBytes(tiny)).isZero();

        store.delete(tiny);

        assertThat(store.installed()).isEmpty();
        assertThatThrownBy(() -> store.delete(home.resolve("outside.gguf"))).hasMessageContaining("left alone");
    }

    @Test
    void openingACorruptFileGivesItsReason() throws Exception {
        Path bad = Files.writeString(home.resolve("notes.gguf"), "not a model, just some notes here");

        LocalModel opened = ModelStore.open(bad);

        assertThat(opened.usable()).isFalse();
        assertThat(opened.problem()).startsWith("this is not a GGUF model file (it starts with 0x");
    }

    @Test
    void warnsWhenTheModelAndItsContextExceedAvailableMemory() throws Exception {
        var file = GgufReader.read(TinyGguf.write(home.resolve("tiny.gguf")));
        long kv = 4L * 2 * 4096 * (64 / 4 * 2);

        MemoryCheck.Assessment roomy = MemoryCheck.assess(file, 4096, 8L << 30);
        MemoryCheck.Assessment tight = MemoryCheck.assess(file, 4096, 100L << 20);

        assertThat(MemoryCheck.kvCacheBytes(file, 4096)).isEqualTo(kv);
        assertThat(roomy.fits()).isTrue();
        assertThat(roomy.needed()).isEqualTo(file.fileSize() + kv + MemoryCheck.OVERHEAD);
        assertThat(tight.fits()).isFalse();
        assertThat(tight.warning()).contains("needs about", "4096-token context", "105 MB is available");
        assertThat(MemoryCheck.availableMemory()).isNotZero();
    }
}
