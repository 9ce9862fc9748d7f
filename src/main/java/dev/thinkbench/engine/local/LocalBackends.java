package dev.thinkbench.engine.local;

import dev.thinkbench.engine.ModelCatalog;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.local.models.ExternalModels;
import dev.thinkbench.engine.local.models.LocalModel;
import dev.thinkbench.engine.local.models.ModelStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The built-in engine's backends by model name, all sharing one engine process: what an engine registry needs to
 * build the {@code builtin} forcing engine. A model name is a file name in the models folder (what
 * {@link #listModels()} gives for downloads) or an absolute path to any GGUF file (Ollama, LM Studio, opened files).
 *
 * <p>Thread-safe. {@link #listModels()} blocks (it inspects files); {@link #backend} does not.
 */
public final class LocalBackends implements ModelCatalog, AutoCloseable {

    private final LocalEngineProcess process;
    private final ModelStore store;
    private final ExternalModels external;
    private final Supplier<LocalEngineSettings> settings;

    /** @param settings read at each {@link #backend} call, so changed settings apply to the next run */
    public LocalBackends(LocalEngineProcess process, ModelStore store, ExternalModels external,
                         Supplier<LocalEngineSettings> settings) {
        this.process = process;
        this.store = store;
        this.external = external;
        this.settings = settings;
    }

    /** Downloads in {@code <dataDir>/models}, Ollama's and LM Studio's models, default settings. */
    public static LocalBackends standard(Path dataDir) {
        return new LocalBackends(new LocalEngineProcess(), ModelStore.inDataDirectory(dataDir),
                ExternalModels.forCurrentUser(), LocalEngineSettings::defaults);
    }

    public ModelStore store() {
        return store;
    }

    public LocalEngineProcess process() {
        return process;
    }

    /**
     * The backend for a model name; a blank name means the first usable model found. Never throws: a name that
     * resolves to no file yields a backend whose runs fail with the file check's message.
     */
    public LocalCompletionBackend backend(String model) {
        return new LocalCompletionBackend(process, resolve(model), settings.get(), this);
    }

    Path resolve(String model) {
        if (model == null || model.isBlank()) {
            return firstUsable();
        }
        Path path = Path.of(model);
        if (path.isAbsolute()) {
            return path;
        }
        if (Files.isRegularFile(path)) {
            return path.toAbsolutePath();
        }
        return store.directory().resolve(model);
    }

    private Path firstUsable() {
        try {
            for (LocalModel m : store.installed()) {
                if (m.usable()) {
                    return m.path();
                }
            }
        } catch (IOException unreadable) {
            // fall through to the other tools' models
        }
        return external.all().stream().filter(LocalModel::usable).map(LocalModel::path).findFirst()
                .orElse(store.directory().resolve("no-model-installed.gguf"));
    }

    /** Usable models: downloads by file name, then other tools' models by absolute path. */
    @Override
    public List<ModelInfo> listModels() {
        List<ModelInfo> models = new ArrayList<>();
        try {
            for (LocalModel m : store.installed()) {
                if (m.usable()) {
                    models.add(new ModelInfo(m.path().getFileName().toString(), m.info().summary()));
                }
            }
        } catch (IOException unreadable) {
            // an unreadable models folder lists nothing from it
        }
        for (LocalModel m : external.all()) {
            if (m.usable() && Files.isRegularFile(m.path())) {
                models.add(new ModelInfo(m.path().toString(), m.displayName() + " \u00b7 " + m.info().summary()));
            }
        }
        return models;
    }

    @Override
    public void close() {
        process.close();
    }
}
