package dev.thinkbench.engine.local.models;

import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.local.LocalBackends;
import dev.thinkbench.engine.local.LocalEngineProcess;
import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GGUF opened from anywhere was in no model list and gone after a restart; an Ollama model showed as its blob's
 * path. Opened files are remembered, listed by name in the engine's model list, and a vanished one stays listed as
 * missing until forgotten.
 */
class OpenedModelsTest {

    @TempDir
    Path home;

    @Test
    void openedFilesAreRememberedAcrossInstancesAndAVanishedOneIsListedAsMissing() throws Exception {
        Path file = TinyGguf.write(home.resolve("elsewhere/my-model.gguf"));
        Path data = home.resolve("data");
        OpenedModels.inDataDirectory(data).add(file);
        OpenedModels.inDataDirectory(data).add(file);

        OpenedModels later = OpenedModels.inDataDirectory(data);
        assertThat(later.files()).containsExactly(file.toAbsolutePath().normalize());
        assertThat(later.models()).singleElement().satisfies(m -> {
            assertThat(m.usable()).isTrue();
            assertThat(m.displayName()).isEqualTo("my-model.gguf");
        });

        Files.delete(file);
        assertThat(later.models()).singleElement().satisfies(m -> assertThat(m.problem())
                .isEqualTo(file.toAbsolutePath().normalize() + " does not exist (moved or deleted?)"));

        later.remove(file);
        assertThat(OpenedModels.inDataDirectory(data).files()).isEmpty();
    }

    @Test
    void theEnginesModelListOffersOpenedFilesAndNamesOllamaModelsAsOllamaDoes() throws Exception {
        Path blob = home.resolve(".ollama/models/blobs/sha256-" + "a".repeat(64));
        Files.createDirectories(blob.getParent());
        TinyGguf.write(blob);
        Path manifest = home.resolve(".ollama/models/manifests/registry.ollama.ai/library/micro/latest");
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, "{\"layers\":[{\"mediaType\":\"application/vnd.ollama.image.model\","
                + "\"digest\":\"sha256:" + "a".repeat(64) + "\"}]}");
        Path file = TinyGguf.write(home.resolve("elsewhere/my-model.gguf"));
        OpenedModels opened = OpenedModels.inDataDirectory(home.resolve("data"));
        opened.add(file);
        LocalBackends backends = new LocalBackends(new LocalEngineProcess(), BundledModels.none(),
                ModelStore.inDataDirectory(home.resolve("data")), new ExternalModels(home, Map.of()),
                TemplateHints.none(), () -> new LocalEngineSettings(1, 4096), opened);

        assertThat(backends.listModels()).extracting(ModelInfo::name, ModelInfo::label).containsExactly(
                org.assertj.core.groups.Tuple.tuple(blob.toString(), "micro:latest (Ollama)"),
                org.assertj.core.groups.Tuple.tuple(file.toAbsolutePath().normalize().toString(), "my-model.gguf"));
        assertThat(backends.nameOf(file)).isEqualTo(file.toAbsolutePath().normalize().toString());
    }
}
