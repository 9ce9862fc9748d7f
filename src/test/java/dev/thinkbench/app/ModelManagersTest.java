package dev.thinkbench.app;

import dev.thinkbench.ui.WorkbenchFixture;

import dev.thinkbench.testing.TinyGguf;
import java.util.List;
import dev.thinkbench.engine.local.LocalBackends;
import dev.thinkbench.engine.local.models.ExternalModels;
import dev.thinkbench.lab.settings.CurrentSettings;
import dev.thinkbench.lab.settings.SettingsStore;
import dev.thinkbench.ui.models.ModelManagerViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The model manager's engine settings reach the saved settings and the built-in engine's next run. */
class ModelManagersTest {

    @TempDir
    Path dir;

    @Test
    void threadsAndContextChosenInTheManagerAreSavedAndUsedByTheNextBackend() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("config/settings.json"));
        CurrentSettings settings = CurrentSettings.open(store);
        try (LocalBackends builtin = LocalBackends.standard(dir.resolve("data"), Path.of("assets"),
                () -> settings.get().builtinEngine())) {
            ModelManagerViewModel vm = ModelManagers.viewModel(Path.of("assets"), builtin,
                    new ExternalModels(dir.resolve("home"), Map.of()), settings, new WorkbenchFixture.SameThreadTasks());

            vm.threadsProperty().set(2);
            vm.contextSizeProperty().set(2048);

            assertThat(vm.catalog()).isNotEmpty();
            settings.flush();
            assertThat(store.load().settings().builtinThreads()).isEqualTo(2);
            assertThat(store.load().settings().builtinContextSize()).isEqualTo(2048);
            assertThat(builtin.backend("any.gguf").settings().contextSize()).isEqualTo(2048);
        }
    }

    @Test
    void aChosenModelThatLlamaCppRefusesIsReportedInTheManagerWithTheEngineLog() throws Exception {
        Path model = dir.resolve("wrong-shape.gguf");
        TinyGguf.writer(TinyGguf.Shape.TINY, List.of(TinyGguf.CHAIN), 42).removeTensor("blk.1.ffn_up.weight")
                .addTensorF32("blk.1.ffn_up.weight", new long[] {64, 96}, new float[64 * 96]).write(model);
        CurrentSettings settings = CurrentSettings.open(new SettingsStore(dir.resolve("config/settings.json")));
        try (LocalBackends builtin = LocalBackends.standard(dir.resolve("data"), Path.of("assets"),
                () -> settings.get().builtinEngine())) {
            ModelManagerViewModel vm = ModelManagers.viewModel(Path.of("assets"), builtin,
                    new ExternalModels(dir.resolve("home"), Map.of()), settings, new WorkbenchFixture.SameThreadTasks());

            vm.open(model);
            vm.drain();
            vm.drain();

            assertThat(vm.errorProperty().get()).startsWith("llama.cpp could not load wrong-shape.gguf: ")
                    .contains("'blk.1.ffn_up.weight' has wrong shape");
            assertThat(vm.detailsProperty().get()).contains("llama_model_load", "wrong shape");
        }
    }
}
