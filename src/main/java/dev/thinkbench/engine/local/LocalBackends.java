package dev.thinkbench.engine.local;

import dev.thinkbench.engine.ModelCatalog;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.local.models.BundledModels;
import dev.thinkbench.engine.local.models.CatalogModel;
import dev.thinkbench.engine.local.models.ExternalModels;
import dev.thinkbench.engine.local.models.LocalModel;
import dev.thinkbench.engine.local.models.ModelCatalogFile;
import dev.thinkbench.engine.local.models.ModelStore;
import dev.thinkbench.engine.local.models.OpenedModels;
import dev.thinkbench.engine.local.models.TemplateHints;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The built-in engine's backends by model name, all sharing one engine process: what an engine registry needs to
 * build the {@code builtin} forcing engine. A model name is a file name of a bundled model or a download (what
 * {@link #listModels()} gives for them) or an absolute path to any GGUF file (Ollama, LM Studio, opened files). A
 * blank name means the bundled micro model when the app ships it, else the first usable model found.
 *
 * <p>Thread-safe. {@link #listModels()} blocks (it inspects files); so does {@link #backend} for a blank name.
 */
public final class LocalBackends implements ModelCatalog, AutoCloseable {

    private final LocalEngineProcess process;
    private final BundledModels bundled;
    private final ModelStore store;
    private final ExternalModels external;
    private final TemplateHints templates;
    private final Supplier<LocalEngineSettings> settings;
    private final OpenedModels opened;

    /** No bundled models and no template knowledge (each model is left to its own template or the default). */
    public LocalBackends(LocalEngineProcess process, ModelStore store, ExternalModels external,
                         Supplier<LocalEngineSettings> settings) {
        this(process, BundledModels.none(), store, external, TemplateHints.none(), settings);
    }

    /**
     * @param bundled the models shipped with the app, listed first
     * @param templates names the chat template of the models it knows (bundled, catalog downloads, R1 distills)
     * @param settings read at each {@link #backend} call, so changed settings apply to the next run
     */
    public LocalBackends(LocalEngineProcess process, BundledModels bundled, ModelStore store, ExternalModels external,
                         TemplateHints templates, Supplier<LocalEngineSettings> settings) {
        this(process, bundled, store, external, templates, settings, OpenedModels.none());
    }

    /** As above, also offering the GGUF files the user opened ({@code opened}), listed last. */
    public LocalBackends(LocalEngineProcess process, BundledModels bundled, ModelStore store, ExternalModels external,
                         TemplateHints templates, Supplier<LocalEngineSettings> settings, OpenedModels opened) {
        this.opened = opened;
        this.process = process;
        this.bundled = bundled;
        this.store = store;
        this.external = external;
        this.templates = templates;
        this.settings = settings;
    }

    /** Downloads in {@code <dataDir>/models}, Ollama's and LM Studio's models, default settings. */
    public static LocalBackends standard(Path dataDir) {
        return new LocalBackends(new LocalEngineProcess(), ModelStore.inDataDirectory(dataDir),
                ExternalModels.forCurrentUser(), LocalEngineSettings::defaults);
    }

    /**
     * As {@link #standard(Path)}, plus the models bundled in {@code <assets>/models} and the chat templates they and
     * the app's download catalog ({@code <assets>/models/catalog.json}) name; an unreadable catalog only loses
     * those names.
     *
     * @param settings read at each run (e.g. from the saved settings)
     */
    public static LocalBackends standard(Path dataDir, Path assets, Supplier<LocalEngineSettings> settings) {
        BundledModels bundled = BundledModels.inAssets(assets);
        return new LocalBackends(new LocalEngineProcess(), bundled, ModelStore.inDataDirectory(dataDir),
                ExternalModels.forCurrentUser(), new TemplateHints(catalogOrEmpty(assets), bundled), settings);
    }

    private static List<CatalogModel> catalogOrEmpty(Path assets) {
        try {
            return ModelCatalogFile.load(assets);
        } catch (IOException | RuntimeException unreadable) {
            System.getLogger(LocalBackends.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot read the model catalog under " + assets + ": " + unreadable.getMessage());
            return List.of();
        }
    }

    /**
     * These backends (the same process, models and templates) loading every model with {@code contextSize} tokens of
     * context whatever the settings say; the other settings are still read at each run. For a command line's
     * {@code --context}: the settings are left alone.
     *
     * @throws IllegalArgumentException for a size {@link LocalEngineSettings#validContext} refuses
     */
    public LocalBackends withContextSize(int contextSize) {
        if (!LocalEngineSettings.validContext(contextSize)) {
            throw new IllegalArgumentException("context size must be between " + LocalEngineSettings.MIN_CONTEXT
                    + " and " + LocalEngineSettings.MAX_CONTEXT + " tokens, was " + contextSize);
        }
        Supplier<LocalEngineSettings> saved = settings;
        return new LocalBackends(process, bundled, store, external, templates,
                () -> saved.get().withContextSize(contextSize), opened);
    }

    public ModelStore store() {
        return store;
    }

    /** The GGUF files the user opened, remembered between launches. */
    public OpenedModels opened() {
        return opened;
    }

    public BundledModels bundled() {
        return bundled;
    }

    public LocalEngineProcess process() {
        return process;
    }

    /**
     * The backend for a model name. Never throws: a name that resolves to no file yields a backend whose runs fail
     * with the file check's message.
     */
    public LocalCompletionBackend backend(String model) {
        return new LocalCompletionBackend(process, resolve(model), settings.get(), this, templates);
    }

    /**
     * The name {@link #listModels()} gives a model file, so a view can select it in a list of those names: the file
     * name of a bundled or downloaded model, else the absolute path (which {@link #backend} accepts as well).
     */
    public String nameOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        boolean bundledFile = bundled.directory().map(d -> d.equals(folder)).orElse(false);
        boolean downloaded = store.directory().toAbsolutePath().normalize().equals(folder);
        return bundledFile || downloaded ? absolute.getFileName().toString() : absolute.toString();
    }

    /**
     * The file a model name runs: a bundled or downloaded model by file name, any file by absolute path (or by a path
     * relative to the working folder, where no download has that name), the default model for a blank name. Blocks
     * on file checks.
     */
    public Path resolve(String model) {
        if (model == null || model.isBlank()) {
            return defaultModel();
        }
        Path path = Path.of(model);
        if (path.isAbsolute()) {
            return path;
        }
        Optional<Path> shipped = bundled.file(model);
        if (shipped.isPresent()) {
            return shipped.get();
        }
        // a download's name means the download, even where the working folder holds a file of that name
        Path downloaded = store.directory().resolve(model);
        if (Files.isRegularFile(downloaded)) {
            return downloaded;
        }
        if (Files.isRegularFile(path)) {
            return path.toAbsolutePath();
        }
        return downloaded;
    }

    /** The first usable model in listing order: the bundled micro model when shipped, else the next found. */
    private Path defaultModel() {
        List<LocalModel> candidates = new ArrayList<>(bundled.all());
        candidates.addAll(downloads());
        candidates.addAll(external.all());
        return candidates.stream().filter(LocalModel::usable).map(LocalModel::path).findFirst()
                .orElse(store.directory().resolve("no-model-installed.gguf"));
    }

    private List<LocalModel> downloads() {
        try {
            return store.installed();
        } catch (IOException unreadable) {
            // an unreadable models folder offers nothing from it
            return List.of();
        }
    }

    /**
     * Usable models: bundled ones by file name (detail {@code bundled · 1.1M params · F32}), then downloads by file
     * name, then other tools' models and opened files by absolute path, each labelled as people know it
     * ({@code micro:latest (Ollama)}, the file name of an opened file).
     */
    @Override
    public List<ModelInfo> listModels() {
        List<ModelInfo> models = new ArrayList<>();
        for (LocalModel m : bundled.all()) {
            if (m.usable()) {
                models.add(new ModelInfo(m.path().getFileName().toString(), "bundled \u00b7 "
                        + m.info().parameterLabel() + " params \u00b7 " + m.info().quantization()));
            }
        }
        for (LocalModel m : downloads()) {
            if (m.usable()) {
                models.add(new ModelInfo(m.path().getFileName().toString(), m.info().summary()));
            }
        }
        List<LocalModel> others = new ArrayList<>(external.all());
        others.addAll(opened.models());
        for (LocalModel m : others) {
            if (m.usable() && Files.isRegularFile(m.path())
                    && models.stream().noneMatch(listed -> listed.name().equals(m.path().toString()))) {
                models.add(new ModelInfo(m.path().toString(), m.info().summary(), m.displayName()));
            }
        }
        return models;
    }

    @Override
    public void close() {
        process.close();
    }
}
