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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.engine.local.models.ModelDownloader;
import dev.thinkbench.engine.local.models.ModelStore;
import dev.thinkbench.engine.local.models.OpenedModels;
import dev.thinkbench.ui.ScriptedTestEngine;
import dev.thinkbench.ui.connection.ConnectionViewModel;
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

    /** The Models tab over {@code opened} files, with no catalog, bundled models or loader (nothing native runs). */
    private ModelManagerViewModel manager(OpenedModels opened) {
        ModelManagerViewModel vm = new ModelManagerViewModel(List.of(), ModelStore.inDataDirectory(dir.resolve("data")),
                new ExternalModels(dir.resolve("home"), Map.of()), new ModelDownloader(),
                new WorkbenchFixture.SameThreadTasks(), () -> -1, new LocalEngineSettings(2, 4096));
        vm.setOpenedModels(opened);
        return vm;
    }

    /** An engine bar on a built-in engine test double that lists the opened files still there. */
    private static ConnectionViewModel engineBar(OpenedModels opened, AtomicInteger listings) {
        EngineRegistry registry = new EngineRegistry().register(new EngineRegistry.Entry(LocalCompletionBackend.ID,
                "Built-in engine", null, config -> new ScriptedTestEngine(LocalCompletionBackend.ID, spec -> null, () -> {
                    listings.incrementAndGet();
                    return opened.files().stream().filter(Files::isRegularFile)
                            .map(f -> new ModelInfo(f.toString(), "")).toList();
                })));
        return new ConnectionViewModel(registry, new WorkbenchFixture.SameThreadTasks(), name -> null);
    }

    @Test
    void oneRefreshOfTheEngineBarAlsoRescansTheModelsTabSoAMovedFileIsMarkedAtOnce() throws Exception {
        Path file = TinyGguf.write(dir.resolve("moved.gguf"));
        OpenedModels opened = new OpenedModels(dir.resolve("opened.json"));
        opened.add(file);
        ModelManagerViewModel models = manager(opened);
        ConnectionViewModel connection = engineBar(opened, new AtomicInteger());
        ModelManagers.followEachOther(connection, models);
        connection.refreshModels();
        assertThat(models.models()).singleElement().satisfies(m -> assertThat(m.usable()).isTrue());

        Files.delete(file);
        connection.refreshModels(); // F5

        assertThat(connection.modelsProperty()).isEmpty();
        assertThat(models.models()).singleElement().satisfies(m -> {
            assertThat(m.path()).isEqualTo(file);
            assertThat(m.usable()).as("marked as missing without a Rescan").isFalse();
        });
    }

    @Test
    void aRescanThatFindsAFileGoneListsTheEngineBarAgainOnce() throws Exception {
        Path file = TinyGguf.write(dir.resolve("moved.gguf"));
        OpenedModels opened = new OpenedModels(dir.resolve("opened.json"));
        opened.add(file);
        ModelManagerViewModel models = manager(opened);
        AtomicInteger listings = new AtomicInteger();
        ConnectionViewModel connection = engineBar(opened, listings);
        ModelManagers.followEachOther(connection, models);
        connection.use(LocalCompletionBackend.ID, null, null, file.toString());
        models.rescan();
        int before = listings.get();
        assertThat(connection.modelsProperty()).hasSize(1);

        Files.delete(file);
        models.rescan();

        assertThat(listings.get()).as("the engine bar listed once more").isEqualTo(before + 1);
        assertThat(connection.modelsProperty()).isEmpty();
        models.rescan();
        assertThat(listings.get()).as("nothing changed: no listing").isEqualTo(before + 1);
    }
}
