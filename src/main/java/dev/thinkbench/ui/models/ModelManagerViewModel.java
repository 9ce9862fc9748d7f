package dev.thinkbench.ui.models;

import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.common.WindowWording;
import dev.thinkbench.ui.BackgroundTasks;

import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.local.CpuCores;
import dev.thinkbench.engine.local.LocalEngineException;
import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.engine.local.gguf.GgufModelInfo;
import dev.thinkbench.engine.local.gguf.GgufReader;
import dev.thinkbench.engine.local.models.CatalogModel;
import dev.thinkbench.engine.local.models.DownloadException;
import dev.thinkbench.engine.local.models.ExternalModels;
import dev.thinkbench.engine.local.models.LocalModel;
import dev.thinkbench.engine.local.models.MemoryCheck;
import dev.thinkbench.engine.local.models.ModelDownloader;
import dev.thinkbench.engine.local.models.ModelStore;
import dev.thinkbench.engine.local.models.OpenedModels;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The model manager's state and actions, without nodes: the download catalog with each model's progress, the models
 * on this machine (downloads, Ollama's, LM Studio's, opened files, each with its problem if the engine cannot run
 * it), the chosen model with a memory warning, and the engine settings. File and network work runs through the
 * app's one background-task seam ({@link BackgroundTasks}), which hands each outcome back on the FX thread; a
 * running download's progress is folded in by {@link #drain()}, which the view calls once per frame. Actions are
 * called on the FX thread and never throw: problems land in
 * {@link #errorProperty()}, with the engine's own log lines about a failed load in {@link #detailsProperty()}.
 */
public final class ModelManagerViewModel implements AutoCloseable {

    /** Loads a chosen model into the built-in engine; called on a background thread, may block for long. */
    @FunctionalInterface
    public interface ModelLoader {
        void load(LocalModel model) throws EngineException;
    }

    private final ModelStore store;
    private final ExternalModels external;
    private final ModelDownloader downloader;
    private final BackgroundTasks tasks;
    private final LongSupplier availableMemory;
    private final ObservableList<CatalogEntry> catalog = FXCollections.observableArrayList();
    private final ObservableList<LocalModel> models = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<LocalModel> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> inUse = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper loadStatus = new ReadOnlyStringWrapper("");
    private final IntegerProperty threads;
    private final int cores;
    private final IntegerProperty contextSize;
    private final Map<CatalogEntry, Running> progress = new ConcurrentHashMap<>();
    /** What download speeds are measured with (nanoseconds); a test drives it. */
    private LongSupplier clock = System::nanoTime;
    /** Asks the view for frames once a download reports progress (its frame driver; any thread); set by the view. */
    private volatile Runnable wake = () -> { };
    private volatile OpenedModels opened = OpenedModels.none();
    private Runnable onListChanged = () -> { };
    private Consumer<LocalEngineSettings> onSettingsChanged = settings -> { };
    private Consumer<LocalModel> onChosen = model -> { };
    private Supplier<List<LocalModel>> bundled = List::of;
    private ModelLoader loader;

    /**
     * On this machine's processors ({@link CpuCores#available()}).
     *
     * @param availableMemory bytes of memory available now (the memory warning compares against it)
     */
    public ModelManagerViewModel(List<CatalogModel> catalogModels, ModelStore store, ExternalModels external,
                                 ModelDownloader downloader, BackgroundTasks tasks, LongSupplier availableMemory,
                                 LocalEngineSettings settings) {
        this(catalogModels, store, external, downloader, tasks, availableMemory, settings, CpuCores.available());
    }

    /**
     * @param availableMemory bytes of memory available now (the memory warning compares against it)
     * @param cores the processors this machine offers the engine: the most threads it may be given (a saved
     *              setting above it is brought down to it)
     */
    public ModelManagerViewModel(List<CatalogModel> catalogModels, ModelStore store, ExternalModels external,
                                 ModelDownloader downloader, BackgroundTasks tasks, LongSupplier availableMemory,
                                 LocalEngineSettings settings, int cores) {
        this.cores = Math.max(1, cores);
        this.store = store;
        this.external = external;
        this.downloader = downloader;
        this.tasks = tasks;
        this.availableMemory = availableMemory;
        this.threads = new SimpleIntegerProperty(Math.min(settings.threads(), maxThreads()));
        this.contextSize = new SimpleIntegerProperty(settings.contextSize());
        catalogModels.forEach(m -> catalog.add(new CatalogEntry(m)));
        threads.addListener((obs, old, value) -> settingsEdited());
        contextSize.addListener((obs, old, value) -> settingsEdited());
    }

    /**
     * Receives each valid change of threads or context size, on the FX thread (the app saves it so the engine's
     * next run uses it); an out-of-range value is not passed on, its reason shows in {@link #errorProperty()}.
     */
    public void setOnSettingsChanged(Consumer<LocalEngineSettings> listener) {
        onSettingsChanged = listener == null ? settings -> { } : listener;
    }

    /**
     * Receives each model the user chooses to run (Use, a double click, an opened file, Use on a finished
     * download), on the FX thread: the app switches the built-in engine to it.
     */
    public void setOnChosen(Consumer<LocalModel> listener) {
        onChosen = listener == null ? model -> { } : listener;
    }

    /**
     * Loads each chosen model at once (the app: into the built-in engine), so a model llama.cpp refuses says so here,
     * with its log, rather than at the first run; none (the default) leaves loading to the first run.
     */
    public void setLoader(ModelLoader loader) {
        this.loader = loader;
    }

    /**
     * Where opened GGUF files are remembered between launches (the app: the data folder's list); by default a list
     * kept for this run only. Read on a background thread at each refresh.
     */
    public void setOpenedModels(OpenedModels list) {
        opened = list == null ? OpenedModels.none() : list;
    }

    /**
     * Told on the FX thread when the models on this machine changed by the user's hand (a file forgotten, a download
     * finished, a downloaded model deleted) or a {@link #rescan()} found them changed, so the engine bar's model list
     * can be read again.
     */
    public void setOnListChanged(Runnable listener) {
        onListChanged = listener == null ? () -> { } : listener;
    }

    /** The models shipped with the app, listed first; read on a background thread at each refresh. */
    public void setBundledModels(Supplier<List<LocalModel>> models) {
        bundled = models == null ? List::of : models;
    }

    private void settingsEdited() {
        LocalEngineSettings valid = settings();
        if (valid != null) {
            onSettingsChanged.accept(valid);
        }
    }

    public ObservableList<CatalogEntry> catalog() {
        return catalog;
    }

    /**
     * Bundled models first, then downloads, then other tools' models, then opened files (one that has since vanished
     * listed with its problem, so it can be forgotten).
     */
    public ObservableList<LocalModel> models() {
        return models;
    }

    public ReadOnlyObjectProperty<LocalModel> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The model file the built-in engine runs now, null when the workbench is on another engine. */
    public ReadOnlyObjectProperty<Path> inUseProperty() {
        return inUse.getReadOnlyProperty();
    }

    /**
     * Tells which file the built-in engine runs (the app follows the engine bar); null for another engine. A file
     * other than the one loaded here puts the load's status away: it spoke of another model.
     */
    public void setInUse(Path file) {
        Path now = file == null ? null : file.toAbsolutePath().normalize();
        LocalModel chosen = selected.get();
        if (chosen != null && !chosen.path().toAbsolutePath().normalize().equals(now)) {
            selected.set(null);
            loadStatus.set("");
            warning.set("");
        }
        inUse.set(now);
    }

    /**
     * The line that names the model in use as people know it ("In use: micro:latest (Ollama)"), saying so when its
     * file does not exist, or that the workbench is on another engine. Checks the file (FX thread; a stat).
     */
    public String inUseLine() {
        Path file = inUse.get();
        if (file == null) {
            return Messages.get("models.otherEngine");
        }
        String name = nameOf(file);
        return Files.isRegularFile(file) ? Messages.get("models.inUse", name)
                : Messages.get("models.inUse.missing", name);
    }

    /** How the lists name {@code file}: its model's display name when listed, else its file name. */
    private String nameOf(Path file) {
        return models.stream().filter(m -> m.path().toAbsolutePath().normalize().equals(file)).findFirst()
                .map(LocalModel::displayName).orElse(file.getFileName().toString());
    }

    /** The memory warning for the chosen model, empty when it fits. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * What the engine itself wrote about the failure in {@link #errorProperty()} (llama.cpp's log lines), for a
     * details view; empty when there is nothing more to show.
     */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The chosen model's load: "Loading ..." while it runs, then whether it is ready; empty without a loader. */
    public ReadOnlyStringProperty loadStatusProperty() {
        return loadStatus.getReadOnlyProperty();
    }

    private void fail(String message, String engineDetails) {
        error.set(message);
        details.set(engineDetails);
    }

    public IntegerProperty threadsProperty() {
        return threads;
    }

    public IntegerProperty contextSizeProperty() {
        return contextSize;
    }

    public Path modelsFolder() {
        return store.directory();
    }

    /** The processors this machine offers the engine. */
    public int cores() {
        return cores;
    }

    /** The most threads the engine may be given here: one per processor ({@link #cores()}), at most the engine's cap. */
    public int maxThreads() {
        return Math.min(cores, LocalEngineSettings.MAX_THREADS);
    }

    /** The settings as entered, or null (with the reason in {@link #errorProperty()}) when out of range. */
    public LocalEngineSettings settings() {
        int t = threads.get();
        int c = contextSize.get();
        // said in the window's words (the engine's own check is English, for the command line)
        if (t < 1 || t > maxThreads()) {
            fail(Messages.get("models.error.threads", maxThreads(), t, cores), "");
            return null;
        }
        if (!LocalEngineSettings.validContext(c)) {
            fail(Messages.get("models.error.context", LocalEngineSettings.MIN_CONTEXT, LocalEngineSettings.MAX_CONTEXT,
                    c), "");
            return null;
        }
        return new LocalEngineSettings(t, c);
    }

    /** Rescans the models folder, Ollama and LM Studio, and the catalog's download states. */
    public void refresh() {
        refresh(false);
    }

    /**
     * The user's Rescan: {@link #refresh()}, and where the models found differ from those listed (a file moved away,
     * a new download), the list-changed listener is told, so the engine bar lists them again too. A Rescan that finds
     * no problem clears the last one shown: the catalog lines it resets (a failed download offered again) no longer
     * say it either.
     */
    public void rescan() {
        refresh(true);
    }

    private void refresh(boolean tellChange) {
        tasks.run(this::scan, found -> {
            boolean changed = !shape(models).equals(shape(found.models()));
            models.setAll(found.models());
            if (tellChange && changed) {
                onListChanged.run();
            }
            found.states().forEach(Runnable::run);
            if (!found.problem().isEmpty()) {
                fail(found.problem(), "");
            } else if (tellChange) {
                fail("", "");
            }
        }, e -> fail(Messages.get("models.error.list", e.getMessage()), ""));
    }

    /** What the engine bar lists of {@code list}: each file and whether it can run. */
    private static List<String> shape(List<LocalModel> list) {
        return list.stream().map(m -> m.path() + (m.usable() ? "" : " (cannot run)")).toList();
    }

    /** What a rescan found: the models, each catalog entry's state to apply, and a problem to show. */
    private record Scan(List<LocalModel> models, List<Runnable> states, String problem) {
    }

    private Scan scan() {
        List<LocalModel> found = new ArrayList<>(bundled.get());
        String problem = "";
        try {
            found.addAll(store.installed());
        } catch (java.io.IOException e) {
            problem = Messages.get("models.error.folder", store.directory(), e.getMessage());
        }
        found.addAll(external.all());
        for (LocalModel m : opened.models()) {
            if (found.stream().noneMatch(f -> f.path().equals(m.path()))) {
                found.add(m);
            }
        }
        List<Runnable> states = new ArrayList<>();
        for (CatalogEntry entry : catalog) {
            boolean installed = store.installedFile(entry.model()).isPresent();
            long partial = store.partialBytes(entry.model());
            states.add(() -> restState(entry, installed, partial));
        }
        return new Scan(found, states, problem);
    }

    private void restState(CatalogEntry entry, boolean installed, long partial) {
        if (entry.stateProperty().get() == CatalogEntry.State.DOWNLOADING) {
            return;
        }
        CatalogModel m = entry.model();
        if (installed) {
            entry.update(CatalogEntry.State.INSTALLED, 1, Messages.get("models.installedIn", store.directory()));
        } else if (partial > 0) {
            entry.update(CatalogEntry.State.PAUSED, m.sizeBytes() > 0 ? (double) partial / m.sizeBytes() : -1,
                    Messages.get("models.partial", GgufModelInfo.humanBytes(partial)));
        } else {
            entry.update(CatalogEntry.State.AVAILABLE, 0, entry.license());
        }
    }

    /** A running download's latest progress and its speed, measured from this start's first report. */
    private record Running(ModelDownloader.Progress progress, DownloadRate rate) {
    }

    /** For tests: the clock (nanoseconds) download speeds are measured with, read on the downloading thread. */
    void useClock(LongSupplier nanos) {
        clock = nanos;
    }

    /** Starts or resumes a download. */
    public void download(CatalogEntry entry) {
        if (entry.stateProperty().get() == CatalogEntry.State.DOWNLOADING) {
            return;
        }
        CancelToken cancel = new CancelToken();
        entry.cancelToken(cancel);
        entry.update(CatalogEntry.State.DOWNLOADING, entry.progressProperty().get(),
                Messages.get("models.download.starting"));
        fail("", "");
        DownloadRate rate = new DownloadRate(clock);
        tasks.run(() -> {
            Path file = downloader.download(ModelDownloader.Request.of(entry.model(), store.directory()),
                    p -> {
                        rate.record(p.downloaded());
                        progress.put(entry, new Running(p, rate));
                        wake.run();
                    }, cancel);
            return LocalModel.inspect(file, LocalModel.Source.DOWNLOADED, file.getFileName().toString());
        }, model -> {
            progress.remove(entry);
            if (entry.discarding()) {
                // it finished as Cancel was pressed: the user asked for nothing to stay
                removeFiles(entry);
                return;
            }
            entry.update(CatalogEntry.State.INSTALLED, 1, Messages.get("models.installedIn", store.directory()));
            models.removeIf(m -> m.path().equals(model.path()));
            models.addFirst(model);
            // the engine bar lists it too, without waiting for F5
            onListChanged.run();
        }, e -> {
            progress.remove(entry);
            if (entry.discarding()) {
                // stopped: the downloading thread writes no more, so the partial file can go
                removeFiles(entry);
                return;
            }
            boolean paused = e instanceof DownloadException d && d.reason() == DownloadException.Reason.CANCELLED;
            // in the window's words: the downloader says why in English, by reason and values
            String why = e instanceof DownloadException d ? WindowWording.of(d.worded()) : e.getMessage();
            // a failure that kept a part to resume from (a full disk, a dropped connection) offers Resume and Delete,
            // as a pause does: its words say "resume", and the part may be what fills the disk (a stat on the FX thread)
            long part = e instanceof DownloadException d && d.resumable() ? store.partialBytes(entry.model()) : 0;
            long size = entry.model().sizeBytes();
            double done = part > 0 && size > 0 ? Math.min(1, (double) part / size) : entry.progressProperty().get();
            entry.update(paused || part > 0 ? CatalogEntry.State.PAUSED : CatalogEntry.State.FAILED, done, why);
            if (!paused) {
                // two catalog entries may share a name: the quantization tells them apart
                fail(Messages.get("models.error.download", entry.model().name(), entry.model().quantization(), why),
                        "");
            }
        });
    }

    /**
     * The downloads under way in words ("DeepSeek-R1-Distill-Qwen-1.5B, 42%"; several joined by "; "), null when none
     * is: closing the window pauses them, so it names them first.
     */
    public String downloadUnderWay() {
        List<String> running = catalog.stream()
                .filter(e -> e.stateProperty().get() == CatalogEntry.State.DOWNLOADING)
                .map(e -> e.progressProperty().get() >= 0
                        ? Messages.get("models.downloadUnderWay", e.model().name(), e.progressProperty().get())
                        : e.model().name())
                .toList();
        return running.isEmpty() ? null : String.join("; ", running);
    }

    /** Pauses a running download (the partial file stays for resuming). */
    public void pause(CatalogEntry entry) {
        CancelToken cancel = entry.cancelToken();
        if (cancel != null) {
            cancel.cancel();
        }
    }

    /**
     * Stops a running download and deletes what it wrote: the entry says it is cancelling until the downloading thread
     * has stopped and the partial file is gone, then is available again. Does nothing unless it is downloading.
     */
    public void cancel(CatalogEntry entry) {
        if (entry.stateProperty().get() != CatalogEntry.State.DOWNLOADING || entry.discarding()) {
            return;
        }
        entry.discarding(true);
        entry.update(CatalogEntry.State.DOWNLOADING, entry.progressProperty().get(),
                Messages.get("models.download.cancelling"));
        pause(entry);
    }

    /** Deletes a downloaded model, or the partial file of a paused one. */
    public void delete(CatalogEntry entry) {
        pause(entry);
        removeFiles(entry);
    }

    /** Deletes the entry's model and partial file; a cancelled download that cannot be deleted is left paused. */
    private void removeFiles(CatalogEntry entry) {
        tasks.run(() -> {
            store.delete(entry.model());
            return store.target(entry.model());
        }, target -> {
            entry.discarding(false);
            boolean wasListed = models.removeIf(m -> m.path().equals(target));
            entry.update(CatalogEntry.State.AVAILABLE, 0, entry.license());
            if (wasListed) {
                onListChanged.run();
            }
        }, e -> {
            String why = Messages.get("models.error.delete", entry.model().fileName(), e.getMessage());
            if (entry.discarding()) {
                entry.discarding(false);
                entry.update(CatalogEntry.State.PAUSED, entry.progressProperty().get(), why);
            }
            fail(why, "");
        });
    }

    /**
     * Adds a GGUF file from anywhere, remembers it (it is listed here and in the engine bar's model list from now on,
     * after a restart too) and chooses it; a file the engine cannot run is not added: the reason is told instead.
     */
    public void open(Path file) {
        tasks.run(() -> {
            LocalModel model = ModelStore.open(file);
            if (model.usable()) {
                opened.add(model.path());
            }
            return model;
        }, model -> {
            if (model.usable()) {
                models.removeIf(m -> m.path().equals(model.path()));
                models.add(model);
                choose(model);
            } else {
                fail(Messages.get("models.error.use", file.getFileName(), ModelProblemWords.say(model.problem())), "");
            }
        }, e -> fail(Messages.get("models.error.open", file.getFileName(), e.getMessage()), ""));
    }

    /** Whether {@code model} is an opened file the user can forget. */
    public static boolean forgettable(LocalModel model) {
        return model != null && model.source() == LocalModel.Source.OPENED;
    }

    /** Forgets an opened file (the file itself is left alone): it leaves this list and the engine bar's. */
    public void forget(LocalModel model) {
        if (!forgettable(model)) {
            return;
        }
        tasks.run(() -> {
            opened.remove(model.path());
            return model;
        }, gone -> {
            models.remove(gone);
            onListChanged.run();
        }, e -> fail(Messages.get("models.error.forget", model.displayName(), e.getMessage()), ""));
    }

    /** Chooses an installed catalog model (e.g. right after its download) as {@link #choose} does. */
    public void useInstalled(CatalogEntry entry) {
        Path file = store.target(entry.model());
        models.stream().filter(m -> m.path().equals(file)).findFirst().ifPresentOrElse(this::choose,
                () -> fail(Messages.get("models.error.notInstalled", entry.model().name(), store.directory()), ""));
    }

    /**
     * Chooses the model the built-in engine will run, warning if it may not fit in memory, and hands it to the
     * {@link #setOnChosen listener}.
     */
    public void choose(LocalModel model) {
        if (!model.usable()) {
            fail(Messages.get("models.error.use", model.displayName(), ModelProblemWords.say(model.problem())), "");
            return;
        }
        selected.set(model);
        setInUse(model.path());
        onChosen.accept(model);
        fail("", "");
        warning.set("");
        load(model);
        int context = contextSize.get();
        tasks.run(() -> {
            MemoryCheck.Assessment a = MemoryCheck.assess(GgufReader.read(model.path()), context,
                    availableMemory.getAsLong());
            return a.fits() ? "" : a.warning();
        }, text -> showWarning(model, text),
                e -> showWarning(model, Messages.get("models.error.read", model.path().getFileName(), e.getMessage())));
    }

    private void showWarning(LocalModel model, String text) {
        if (model.equals(selected.get())) {
            warning.set(text);
        }
    }

    private void load(LocalModel model) {
        ModelLoader using = loader;
        if (using == null) {
            loadStatus.set("");
            return;
        }
        String name = model.displayName();
        String loading = Messages.get("models.loading", name);
        loadStatus.set(loading);
        tasks.run(() -> {
            using.load(model);
            return model;
        }, loadedModel -> {
            if (stillChosen(model)) {
                loadStatus.set(Messages.get("models.loadedIn", name));
            } else {
                stopSaying(loading);
            }
        }, e -> {
            if (stillChosen(model)) {
                loadStatus.set("");
                fail(e.getMessage(), e instanceof LocalEngineException local ? local.details() : "");
            } else {
                stopSaying(loading);
            }
        });
    }

    /**
     * Puts away a load's "Loading ..." once it ended for a model no longer chosen (the engine bar went to another
     * file meanwhile), so it does not stay for good; another load's line is left alone.
     */
    private void stopSaying(String loading) {
        if (loading.equals(loadStatus.get())) {
            loadStatus.set("");
        }
    }

    /**
     * Whether {@code model} is still the one chosen or the one the engine bar runs: the bar echoes a choice made here
     * through {@link #setInUse}, passing through no model on its way, which took the choice away, and the load's end
     * then left "Loading ..." beside the bar's "Loaded in 1.2 s".
     */
    private boolean stillChosen(LocalModel model) {
        Path file = model.path().toAbsolutePath().normalize();
        return model.equals(selected.get()) || file.equals(inUse.get());
    }

    /** What asks for frames once a download reports progress (the view's frame driver); called from any thread. */
    public void setWake(Runnable action) {
        wake = action == null ? () -> { } : action;
    }

    /** One frame: {@link #drain()}, then whether a download still runs (the next frame has work). */
    public boolean frame() {
        drain();
        return !progress.isEmpty();
    }

    /**
     * Folds running downloads' progress into their entries, with their speed and time left measured now (so a stall
     * shows between reports). FX thread, once per frame.
     */
    public void drain() {
        progress.forEach((entry, running) -> {
            if (entry.stateProperty().get() == CatalogEntry.State.DOWNLOADING && !entry.discarding()) {
                ModelDownloader.Progress p = running.progress();
                entry.update(CatalogEntry.State.DOWNLOADING, p.fraction(), DownloadLine.of(p, running.rate().read()));
            }
        });
    }

    /** Pauses every running download. */
    @Override
    public void close() {
        catalog.forEach(this::pause);
    }
}
