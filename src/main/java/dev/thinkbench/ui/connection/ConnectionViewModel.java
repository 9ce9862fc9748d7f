package dev.thinkbench.ui.connection;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.MissingKeyException;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.lab.settings.SecretsStore;
import dev.thinkbench.ui.BackgroundTasks;
import dev.thinkbench.ui.common.EngineNames;
import dev.thinkbench.ui.common.Formats;
import dev.thinkbench.ui.common.Messages;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Which engine, server and model the workbench talks to. Rebuilds the {@link ReasoningEngine} whenever the engine
 * kind, base URL or key variable changes (creating an engine never contacts the server) and lists the server's models
 * off the UI thread. The base URL and the key variable belong to the engine kind they were set on: choosing another
 * kind brings back its own (its default URL, no variable, when none was set), so one provider's key never goes to
 * another provider's server. Errors are kept as messages for the view to show inline. Choosing an engine kind checks it at once
 * (its models are listed; {@link #statusProperty()} says how that went in a few words, with the whole message) and
 * brings back the model last used on it; a chosen model is loaded at once where the app says how
 * ({@link #setModelPreloader}). Use from the UI thread only.
 */
public final class ConnectionViewModel {

    private final BackgroundTasks tasks;
    private final UnaryOperator<String> environment;
    private final ObservableList<EngineRegistry.Entry> engines;
    private final ObjectProperty<EngineRegistry.Entry> engineEntry = new SimpleObjectProperty<>(this, "engineEntry");
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");
    private final StringProperty apiKeyVariable = new SimpleStringProperty(this, "apiKeyVariable", "");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final ReadOnlyListWrapper<ModelInfo> models =
            new ReadOnlyListWrapper<>(this, "models", FXCollections.observableArrayList());
    private final ReadOnlyBooleanWrapper loadingModels = new ReadOnlyBooleanWrapper(this, "loadingModels");
    private final ReadOnlyStringWrapper modelsError = new ReadOnlyStringWrapper(this, "modelsError", "");
    private final ReadOnlyStringWrapper connectionError = new ReadOnlyStringWrapper(this, "connectionError", "");
    private final ReadOnlyObjectWrapper<ReasoningEngine> engine = new ReadOnlyObjectWrapper<>(this, "engine");
    private final ReadOnlyObjectWrapper<ServerStatus> status = new ReadOnlyObjectWrapper<>(this, "status",
            ServerStatus.none());
    private final ReadOnlyObjectWrapper<ServerStatus> modelStatus = new ReadOnlyObjectWrapper<>(this, "modelStatus",
            ServerStatus.none());
    /** The model last chosen on each engine kind, so a switch and back finds it again. */
    private final Map<String, String> modelByEngine = new HashMap<>();
    /** The base URL set on each engine kind, where it is not the kind's default. */
    private final Map<String, String> urlByEngine = new HashMap<>();
    /** The key variable named on each engine kind, where one is. */
    private final Map<String, String> keyVariableByEngine = new HashMap<>();
    /** True while a switch of engine kind brings back the new kind's URL and key variable: one rebuild, after both. */
    private boolean switching;
    private BiFunction<String, String, Callable<Long>> preloader = (engineId, modelName) -> null;
    private final ReadOnlyBooleanWrapper keyStored = new ReadOnlyBooleanWrapper(this, "keyStored");
    private final Optional<SecretsStore> keys;
    private int listGeneration;
    private int loadGeneration;
    /** True while {@link #restore} or {@link #use} set several things at once: no check until they are all set. */
    private boolean batch;

    public ConnectionViewModel(EngineRegistry registry, BackgroundTasks tasks, UnaryOperator<String> environment) {
        this(registry, tasks, environment, Optional.empty());
    }

    /**
     * @param keys where a key typed into the window is kept, per engine (a user-only file); empty when keys cannot be
     *             entered here
     */
    public ConnectionViewModel(EngineRegistry registry, BackgroundTasks tasks, UnaryOperator<String> environment,
                               Optional<SecretsStore> keys) {
        this.tasks = tasks;
        this.environment = environment;
        this.keys = keys;
        this.engines = FXCollections.unmodifiableObservableList(FXCollections.observableList(registry.entries()));
        engineEntry.addListener((obs, old, now) -> onEngineKindChanged(old, now));
        baseUrl.addListener((obs, old, now) -> {
            if (!switching) {
                remember(urlByEngine, now, engineEntry.get() == null ? null : engineEntry.get().defaultBaseUrl());
                rebuildEngine();
            }
        });
        apiKeyVariable.addListener((obs, old, now) -> {
            if (!switching) {
                remember(keyVariableByEngine, now, null);
                rebuildEngine();
            }
        });
        if (!engines.isEmpty()) {
            engineEntry.set(engines.getFirst());
        }
        model.addListener((obs, old, now) -> {
            rememberModel();
            preload();
        });
        engine.addListener((obs, old, now) -> preload());
    }

    private void rememberModel() {
        EngineRegistry.Entry entry = engineEntry.get();
        String name = model.get();
        if (entry != null && name != null && !name.isBlank()) {
            modelByEngine.put(entry.id(), name.strip());
        }
    }

    /** Keeps {@code value} for the current engine kind; blank or {@code unset} forgets it. */
    private void remember(Map<String, String> perEngine, String value, String unset) {
        EngineRegistry.Entry entry = engineEntry.get();
        if (entry == null) {
            return;
        }
        if (value == null || value.isBlank() || value.strip().equals(unset)) {
            perEngine.remove(entry.id());
        } else {
            perEngine.put(entry.id(), value.strip());
        }
    }

    /**
     * Restores a saved choice: the engine, each engine's base URL and key variable (by engine id; an engine not named
     * uses its default URL and no variable) and the model. An unknown engine id is ignored; a null model keeps the
     * current one.
     */
    public void restore(String engineId, Map<String, String> urls, String modelName, Map<String, String> keyVariables) {
        batch = true;
        try {
            urls.forEach((id, url) -> putIfSet(urlByEngine, id, url));
            keyVariables.forEach((id, variable) -> putIfSet(keyVariableByEngine, id, variable));
            engines.stream().filter(e -> e.id().equals(engineId)).findFirst().ifPresent(engineEntry::set);
            showOwnConnection(engineEntry.get());
            rebuildEngine();
            if (modelName != null) {
                model.set(modelName);
            }
        } finally {
            batch = false;
        }
        preload();
    }

    private static void putIfSet(Map<String, String> perEngine, String id, String value) {
        if (id != null && value != null && !value.isBlank()) {
            perEngine.put(id, value.strip());
        }
    }

    /** Shows the URL and key variable set on {@code entry} (its default URL, no variable, if none), rebuilding nothing. */
    private void showOwnConnection(EngineRegistry.Entry entry) {
        switching = true;
        try {
            baseUrl.set(entry == null ? "" : urlByEngine.getOrDefault(entry.id(),
                    Objects.requireNonNullElse(entry.defaultBaseUrl(), "")));
            apiKeyVariable.set(entry == null ? "" : keyVariableByEngine.getOrDefault(entry.id(), ""));
        } finally {
            switching = false;
        }
    }

    /** The base URL set on each engine kind, by engine id, where it is not the kind's default. */
    public Map<String, String> baseUrls() {
        return Map.copyOf(urlByEngine);
    }

    /** The key variable named on each engine kind, by engine id, where one is. */
    public Map<String, String> apiKeyVariables() {
        return Map.copyOf(keyVariableByEngine);
    }

    /**
     * Switches to an engine kind with everything given (a welcome choice, a model picked in the model manager) and
     * lists its models again.
     *
     * @param url the base URL, null for the engine's default
     * @param keyVariable the API key's environment variable, null for none
     * @param modelName the model, null or blank for the first one the engine lists
     * @throws IllegalArgumentException for an engine id this build does not have
     */
    public void use(String engineId, String url, String keyVariable, String modelName) {
        EngineRegistry.Entry entry = engines.stream().filter(e -> e.id().equals(engineId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no engine '" + engineId + "' in this build"));
        batch = true;
        try {
            engineEntry.set(entry);
            apiKeyVariable.set(keyVariable == null ? "" : keyVariable);
            baseUrl.set(url != null ? url : Objects.requireNonNullElse(entry.defaultBaseUrl(), ""));
            model.set(modelName == null ? "" : modelName.strip());
        } finally {
            batch = false;
        }
        preload();
        refreshModels();
    }

    private void onEngineKindChanged(EngineRegistry.Entry old, EngineRegistry.Entry now) {
        models.clear();
        modelsError.set("");
        // its own server and key variable, never the kind's before: that sent one provider's key to another's server
        showOwnConnection(now);
        rebuildEngine();
        if (old != null && !batch) {
            // back on an engine kind: its model again (or none until its list names one), and check it at once
            model.set(now == null ? "" : modelByEngine.getOrDefault(now.id(), ""));
            refreshModels();
        } else if (old != null) {
            model.set("");
        }
    }

    private void rebuildEngine() {
        EngineRegistry.Entry entry = engineEntry.get();
        if (entry == null) {
            engine.set(null);
            connectionError.set(Messages.get("connection.noEngineInBuild"));
            return;
        }
        String stored = keys.flatMap(k -> k.get(entry.id())).orElse(null);
        keyStored.set(stored != null);
        try {
            URI uri = parseBaseUrl(baseUrl.get());
            String variable = apiKeyVariable.get() == null || apiKeyVariable.get().isBlank() ? null
                    : apiKeyVariable.get().strip();
            String fromVariable = variable == null ? null : environment.apply(variable);
            // a named variable that is not set falls back on the key saved here, and says so
            String key = fromVariable != null ? fromVariable : stored;
            connectionError.set(variable == null || fromVariable != null ? ""
                    : Messages.get(stored != null ? "connection.keyVariableMissingSaved"
                    : "connection.keyVariableMissing", variable));
            engine.set(entry.factory().create(new EngineConfig(entry.id(), uri, key, null, variable)));
        } catch (MissingKeyException e) {
            noEngine(Messages.get("connection.keyMissing", e.provider(), e.keyVariable()));
        } catch (IllegalArgumentException e) {
            noEngine(e.getMessage());
        }
    }

    /**
     * No engine can be made as set up: the reason shows as the connection error, and what the engine before it had
     * listed goes (a green "1 model" stayed beside "no key" after a switch to a hosted API).
     */
    private void noEngine(String reason) {
        engine.set(null);
        connectionError.set(reason);
        listGeneration++;
        loadingModels.set(false);
        models.clear();
        status.set(ServerStatus.none());
    }

    /**
     * Keeps {@code key} for the current engine in the key store (a blank key removes it), off the UI thread, then
     * sets the engine up again with it and lists the models. The key is used whenever no key variable is named. A
     * failure to save shows as the connection error, naming the file, never the key.
     */
    public void saveApiKey(String key) {
        EngineRegistry.Entry entry = engineEntry.get();
        if (entry == null || keys.isEmpty()) {
            return;
        }
        String id = entry.id();
        tasks.run(() -> {
            keys.get().put(id, key);
            return id;
        }, saved -> {
            rebuildEngine();
            refreshModels();
        }, error -> connectionError.set(messageOf(error)));
    }

    /** Whether keys can be typed into the window (a key store is wired in). */
    public boolean canStoreKeys() {
        return keys.isPresent();
    }

    /** Whether a key is stored for the current engine (the key itself is never exposed). */
    public ReadOnlyBooleanProperty keyStoredProperty() {
        return keyStored.getReadOnlyProperty();
    }

    /**
     * Null for blank (the engine's default), else an absolute http(s) URL; a server typed without its scheme
     * ({@code 127.0.0.1:8080/v1}, {@code localhost:11434}) is taken as http, as browsers do.
     */
    static URI parseBaseUrl(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String url = text.strip().contains("://") ? text.strip() : "http://" + text.strip();
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(Messages.get("connection.baseUrl.shape", text.strip()));
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(Messages.get("connection.baseUrl.shape", text.strip()), e);
        }
    }

    /** Asks the server for its models off the UI thread; a newer request supersedes an older one. */
    public void refreshModels() {
        ReasoningEngine current = engine.get();
        if (current == null) {
            return;
        }
        int generation = ++listGeneration;
        String name = engineName();
        loadingModels.set(true);
        modelsError.set("");
        status.set(new ServerStatus(ServerStatus.State.CHECKING, Messages.get("connection.checking", name), ""));
        tasks.run(current::listModels, list -> {
            if (generation == listGeneration) {
                loadingModels.set(false);
                models.setAll(list);
                status.set(list.isEmpty()
                        ? new ServerStatus(ServerStatus.State.PROBLEM, Messages.get("connection.noModels", name),
                        Messages.get("connection.noModels.detail", name))
                        : new ServerStatus(ServerStatus.State.OK, Messages.get("connection.ok", name, list.size()),
                        EngineNames.of(current)));
                if (list.isEmpty()) {
                    modelsError.set(Messages.get("connection.noModelsYet"));
                } else if (model.get() == null || model.get().isBlank()) {
                    model.set(list.getFirst().name());
                }
            }
        }, error -> {
            if (generation == listGeneration) {
                loadingModels.set(false);
                models.clear();
                modelsError.set(Messages.get("connection.noModelList", messageOf(error)));
                status.set(new ServerStatus(ServerStatus.State.PROBLEM, summaryOf(error, name), messageOf(error)));
            }
        });
    }

    private String engineName() {
        EngineRegistry.Entry entry = engineEntry.get();
        if (entry == null) {
            return "";
        }
        String name = EngineNames.of(entry);
        int paren = name.indexOf(" (");
        return paren > 0 ? name.substring(0, paren) : name;
    }

    /** A few words for the badge; the whole message is the status's detail. */
    private static String summaryOf(Exception error, String engineName) {
        FailureKind kind = error instanceof EngineException e ? e.kind() : FailureKind.UNKNOWN;
        return switch (kind) {
            case UNREACHABLE -> Messages.get("connection.unreachable", engineName);
            case TIMEOUT -> Messages.get("connection.silent", engineName); // it took the connection: reachable
            case AUTHENTICATION -> Messages.get("connection.auth", engineName);
            default -> Messages.get("connection.failed", engineName);
        };
    }

    /**
     * How the app loads a chosen model ahead of the first run: for an engine id and model name, the work that loads
     * it (returning the milliseconds it took, null when it was loaded already), or null for engines that load nothing
     * (servers). Called on the UI thread; the work runs in the background.
     */
    public void setModelPreloader(BiFunction<String, String, Callable<Long>> loader) {
        preloader = loader == null ? (engineId, modelName) -> null : loader;
        preload();
    }

    private void preload() {
        if (batch) {
            return;
        }
        EngineRegistry.Entry entry = engineEntry.get();
        String name = model.get();
        // a name the list lacks is loaded too: a typed path to a file that does not exist says so here, before Run
        Callable<Long> work = entry == null || engine.get() == null || name == null || name.isBlank()
                ? null : preloader.apply(entry.id(), name.strip());
        int generation = ++loadGeneration;
        if (work == null) {
            modelStatus.set(ServerStatus.none());
            return;
        }
        String shown = labelOf(name.strip());
        modelStatus.set(new ServerStatus(ServerStatus.State.CHECKING, Messages.get("model.loading", shown), ""));
        tasks.run(work, ms -> {
            if (generation == loadGeneration) {
                modelStatus.set(new ServerStatus(ServerStatus.State.OK, ms == null ? Messages.get("model.ready")
                        : Messages.get("model.loaded", Formats.seconds(ms)), Messages.get("model.loaded.detail",
                        shown)));
            }
        }, error -> {
            if (generation == loadGeneration) {
                modelStatus.set(error instanceof ModelFileMissingException missing
                        ? new ServerStatus(ServerStatus.State.PROBLEM, Messages.get("model.missing"),
                                Messages.get("model.missing.detail", shown, missing.file()))
                        : new ServerStatus(ServerStatus.State.PROBLEM, Messages.get("model.loadFailed"),
                                messageOf(error)));
            }
        });
    }

    private static String messageOf(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    public ObservableList<EngineRegistry.Entry> engines() {
        return engines;
    }

    public ObjectProperty<EngineRegistry.Entry> engineEntryProperty() {
        return engineEntry;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    /** The name of the environment variable that holds the API key; the key itself is never shown or saved. */
    public StringProperty apiKeyVariableProperty() {
        return apiKeyVariable;
    }

    public StringProperty modelProperty() {
        return model;
    }

    /**
     * How people know the model named {@code name} ({@link ModelInfo#label()}: {@code micro:latest (Ollama)} for a
     * blob's path), as the list names it; the name itself when the list lacks it.
     */
    public String labelOf(String name) {
        return name == null ? null : models.stream().filter(m -> m.name().equals(name)).findFirst()
                .map(ModelInfo::label).orElse(name);
    }

    /** The model name for text typed or picked in the model box: a listed model's label means that model. */
    public String nameOf(String text) {
        if (text == null) {
            return null;
        }
        String typed = text.strip();
        return models.stream().filter(m -> m.label().equals(typed) && !m.name().equals(typed)).findFirst()
                .map(ModelInfo::name).orElse(typed);
    }

    public ReadOnlyListProperty<ModelInfo> modelsProperty() {
        return models.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingModelsProperty() {
        return loadingModels.getReadOnlyProperty();
    }

    /** Why the model list could not be read, empty when it could. */
    public ReadOnlyStringProperty modelsErrorProperty() {
        return modelsError.getReadOnlyProperty();
    }

    /** Why the engine could not be set up (bad URL, missing key variable), empty when all is well. */
    public ReadOnlyStringProperty connectionErrorProperty() {
        return connectionError.getReadOnlyProperty();
    }

    /** True when the chosen engine kind talks to a server (it has a default URL); false for in-process engines. */
    public boolean usesServer() {
        EngineRegistry.Entry e = engineEntry.get();
        return e != null && e.defaultBaseUrl() != null && !e.defaultBaseUrl().isBlank();
    }

    /** How the check of the chosen engine went (its models listed), in a few words and in full. */
    public ReadOnlyObjectProperty<ServerStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the chosen model is being loaded, ready, or could not be loaded (engines that load a model). */
    public ReadOnlyObjectProperty<ServerStatus> modelStatusProperty() {
        return modelStatus.getReadOnlyProperty();
    }

    /** The engine to run on, null while the settings are wrong. */
    public ReadOnlyObjectProperty<ReasoningEngine> engineProperty() {
        return engine.getReadOnlyProperty();
    }
}
