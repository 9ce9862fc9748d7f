package dev.thinkbench.app;

import dev.thinkbench.ui.BackgroundTasks;

import dev.thinkbench.engine.local.LocalBackends;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.engine.local.models.ExternalModels;
import dev.thinkbench.engine.local.models.MemoryCheck;
import dev.thinkbench.engine.local.models.ModelDownloader;
import dev.thinkbench.lab.settings.CurrentSettings;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import dev.thinkbench.ui.models.ModelManagerView;
import dev.thinkbench.ui.models.ModelManagerViewModel;

import java.nio.file.Path;

/**
 * Wires the model manager to the app: the download catalog from the assets, the built-in engine's models folder,
 * the models shipped with the app, the threads and context from the current settings, and every valid change of them
 * saved, so the engine's next run uses it; a chosen model is loaded into the built-in engine at once. Call on the FX
 * thread.
 */
public final class ModelManagers {

    private ModelManagers() {
    }

    /** The model manager view; file and network work runs through {@code background}. */
    public static ModelManagerView create(AppContext context, BackgroundTasks background) {
        return new ModelManagerView(viewModel(context.assets(), context.builtin(), context.externalModels(),
                context.settings(), background));
    }

    static ModelManagerViewModel viewModel(Path assets, LocalBackends builtin, ExternalModels external,
                                           CurrentSettings settings, BackgroundTasks background) {
        ModelManagerViewModel vm = new ModelManagerViewModel(AppContext.catalog(assets), builtin.store(),
                external, new ModelDownloader(), background, MemoryCheck::availableMemory,
                settings.get().builtinEngine());
        vm.setOnSettingsChanged(engine -> save(settings, engine));
        vm.setBundledModels(() -> builtin.bundled().all());
        vm.setOpenedModels(builtin.opened());
        // a chosen model is loaded at once, so a file llama.cpp refuses says why (with its log) in the Models tab
        vm.setLoader(model -> builtin.backend(builtin.nameOf(model.path())).load());
        return vm;
    }

    /**
     * Keeps the engine bar's model list and the Models tab's one picture of the models on this machine: each time the
     * engine bar lists its models (F5, its refresh button, another engine) the Models tab rescans too, so a file moved
     * away leaves the one and is marked missing in the other at once; a file forgotten in the Models tab leaves the
     * engine bar's list (on the built-in engine). FX thread.
     */
    static void followEachOther(ConnectionViewModel connection, ModelManagerViewModel models) {
        connection.loadingModelsProperty().addListener((obs, was, now) -> {
            if (now) {
                models.refresh();
            }
        });
        models.setOnListChanged(() -> {
            if (connection.engineEntryProperty().get() != null
                    && LocalCompletionBackend.ID.equals(connection.engineEntryProperty().get().id())) {
                connection.refreshModels();
            }
        });
    }

    /** In memory at once; the file follows on the settings' writer thread (a spinner tick costs no write). */
    private static void save(CurrentSettings settings, LocalEngineSettings engine) {
        settings.update(s -> s.withBuiltinEngine(engine.threads(), engine.contextSize()));
    }
}
