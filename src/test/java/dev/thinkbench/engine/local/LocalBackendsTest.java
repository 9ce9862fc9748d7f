package dev.thinkbench.engine.local;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.local.models.BundledModels;
import dev.thinkbench.engine.local.models.ExternalModels;
import dev.thinkbench.engine.local.models.ModelStore;
import dev.thinkbench.engine.local.models.TemplateHints;
import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@Timeout(120)
class LocalBackendsTest {

    @TempDir
    Path home;

    /**
     * The user trial: the app started in a folder holding a file of the same name as a download, and choosing the
     * download ran that other file (and the Models tab said "Loading ..." for good, its choice not echoed back).
     */
    @Test
    void aDownloadsNameRunsTheDownloadEvenWhenTheWorkingFolderHasAFileOfThatName() throws Exception {
        ModelStore store = ModelStore.inDataDirectory(home.resolve("data"));
        Files.createDirectories(store.directory());
        String name = "cwd-twin-" + System.nanoTime() + ".gguf";
        Path download = TinyGguf.write(store.directory().resolve(name));
        Path twin = Path.of(name).toAbsolutePath();
        Files.writeString(twin, "a file of the same name in the working folder");
        try (LocalBackends backends = new LocalBackends(new LocalEngineProcess(), store,
                new ExternalModels(home, Map.of()), () -> new LocalEngineSettings(1, 512))) {

            assertThat(backends.resolve(name)).isEqualTo(download);
            assertThat(backends.resolve(backends.nameOf(download))).isEqualTo(download);
        } finally {
            Files.deleteIfExists(twin);
        }
    }

    @Test
    void namesResolveToDownloadsOrPathsAndRunThroughOneSharedProcess() throws Exception {
        ModelStore store = ModelStore.inDataDirectory(home.resolve("data"));
        Files.createDirectories(store.directory());
        TinyGguf.write(store.directory().resolve("tiny.gguf"));
        Files.writeString(store.directory().resolve("broken.gguf"), "not a model at all, only words");
        Path elsewhere = TinyGguf.write(home.resolve("elsewhere.gguf"));
        try (LocalBackends backends = new LocalBackends(new LocalEngineProcess(), store,
                new ExternalModels(home, Map.of()), () -> new LocalEngineSettings(1, 512))) {

            List<ModelInfo> models = backends.listModels();
            String byName = backends.backend("tiny.gguf").complete(new CompletionRequest("<think>", 20, List.of(),
                    Sampling.greedy(1), true), (t, n) -> { }, null).text();
            String byDefault = backends.backend("").complete(new CompletionRequest("<think>", 3, List.of(),
                    Sampling.greedy(1), true), (t, n) -> { }, null).text();
            String byPath = backends.backend(elsewhere.toString()).complete(new CompletionRequest("<think>", 3,
                    List.of(), Sampling.greedy(1), true), (t, n) -> { }, null).text();
            EngineException missing = catchThrowableOfType(EngineException.class, () -> backends.backend("gone.gguf")
                    .complete(new CompletionRequest("x", 1, List.of(), null, true), (t, n) -> { }, null));

            assertThat(models).extracting(ModelInfo::name).containsExactly("tiny.gguf");
            assertThat(models.getFirst().detail()).contains("llama", "F32");
            assertThat(byName).isEqualTo(TinyGguf.EXPECTED_OUTPUT);
            assertThat(byDefault).isEqualTo("Let");
            assertThat(byPath).isEqualTo("Let");
            assertThat(missing.kind()).isEqualTo(FailureKind.MODEL_NOT_FOUND);
            assertThat(missing.getMessage()).contains("gone.gguf", "does not exist (moved or deleted?)");
            assertThat(backends.backend("tiny.gguf").listModels()).isEqualTo(models);
        }
    }

    @Test
    void bundledModelsAreListedFirstAndABlankNameRunsTheMicroModel() throws Exception {
        Path assets = home.resolve("assets");
        Files.createDirectories(assets.resolve("models"));
        Path micro = TinyGguf.write(assets.resolve("models").resolve(BundledModels.MICRO));
        TinyGguf.write(assets.resolve("models/another-bundled.gguf"));
        Files.writeString(assets.resolve("models/broken.gguf"), "not a model");
        ModelStore store = ModelStore.inDataDirectory(home.resolve("data"));
        Files.createDirectories(store.directory());
        TinyGguf.write(store.directory().resolve("downloaded.gguf"));
        BundledModels bundled = BundledModels.inAssets(assets);
        try (LocalBackends backends = new LocalBackends(new LocalEngineProcess(), bundled, store,
                new ExternalModels(home, Map.of()), new TemplateHints(List.of(), bundled),
                () -> new LocalEngineSettings(1, 512))) {

            List<ModelInfo> models = backends.listModels();
            LocalCompletionBackend byDefault = backends.backend("");
            String text = byDefault.complete(new CompletionRequest("<think>", 3, List.of(), Sampling.greedy(1), true),
                    (t, n) -> { }, null).text();

            assertThat(models).extracting(ModelInfo::name)
                    .containsExactly(BundledModels.MICRO, "another-bundled.gguf", "downloaded.gguf");
            assertThat(models.getFirst().detail()).isEqualTo("bundled \u00b7 120K params \u00b7 F32");
            assertThat(byDefault.modelPath()).isEqualTo(micro.toAbsolutePath());
            assertThat(byDefault.chatTemplateName()).contains("chatml-think");
            assertThat(text).isEqualTo("Let");
            assertThat(backends.backend(BundledModels.MICRO).modelPath()).isEqualTo(micro.toAbsolutePath());
            assertThat(backends.backend("downloaded.gguf").modelPath())
                    .isEqualTo(store.directory().resolve("downloaded.gguf"));
        }
    }

    @Test
    void withoutTheMicroModelABlankNameFallsToTheFirstDownload() throws IOException {
        ModelStore store = ModelStore.inDataDirectory(home.resolve("data"));
        Files.createDirectories(store.directory());
        TinyGguf.write(store.directory().resolve("downloaded.gguf"));
        BundledModels empty = BundledModels.inAssets(home.resolve("no-assets"));
        try (LocalBackends backends = new LocalBackends(new LocalEngineProcess(), empty, store,
                new ExternalModels(home, Map.of()), TemplateHints.none(), () -> new LocalEngineSettings(1, 512))) {

            assertThat(backends.listModels()).extracting(ModelInfo::name).containsExactly("downloaded.gguf");
            assertThat(backends.backend(" ").modelPath()).isEqualTo(store.directory().resolve("downloaded.gguf"));
            assertThat(empty.micro()).isEmpty();
        }
    }

    @Test
    void namesOfFilesMatchTheListingSoAViewCanSelectThem() throws Exception {
        Path assets = home.resolve("assets");
        Files.createDirectories(assets.resolve("models"));
        Path micro = TinyGguf.write(assets.resolve("models").resolve(BundledModels.MICRO));
        ModelStore store = ModelStore.inDataDirectory(home.resolve("data"));
        Files.createDirectories(store.directory());
        Path downloaded = TinyGguf.write(store.directory().resolve("downloaded.gguf"));
        Path elsewhere = TinyGguf.write(home.resolve("elsewhere.gguf"));
        BundledModels bundled = BundledModels.inAssets(assets);
        try (LocalBackends backends = new LocalBackends(new LocalEngineProcess(), bundled, store,
                new ExternalModels(home, Map.of()), new TemplateHints(List.of(), bundled),
                () -> new LocalEngineSettings(1, 512))) {

            assertThat(backends.nameOf(micro)).isEqualTo(BundledModels.MICRO);
            assertThat(backends.nameOf(downloaded)).isEqualTo("downloaded.gguf");
            assertThat(backends.nameOf(elsewhere)).isEqualTo(elsewhere.toAbsolutePath().toString());
            assertThat(backends.listModels()).extracting(ModelInfo::name)
                    .containsExactly(backends.nameOf(micro), backends.nameOf(downloaded));
        }
    }
}
