package dev.thinkbench.app;

import dev.thinkbench.cli.CliServices;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.local.LocalBackends;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.local.LocalEngineProcess;
import dev.thinkbench.engine.local.models.BundledModels;
import dev.thinkbench.engine.local.models.CatalogModel;
import dev.thinkbench.engine.local.models.ExternalModels;
import dev.thinkbench.engine.local.models.ModelCatalogFile;
import dev.thinkbench.engine.local.models.ModelStore;
import dev.thinkbench.engine.local.models.OpenedModels;
import dev.thinkbench.engine.local.models.TemplateHints;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.lab.samples.MicroExerciseSample;
import dev.thinkbench.lab.samples.SamplePrompt;
import dev.thinkbench.lab.samples.SamplePrompts;
import dev.thinkbench.lab.settings.CurrentSettings;
import dev.thinkbench.lab.settings.SecretsStore;
import dev.thinkbench.lab.settings.SettingsStore;
import dev.thinkbench.lab.settings.UserDirectories;
import dev.thinkbench.lab.sweep.SweepStore;
import dev.thinkbench.ui.WorkbenchServices;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The composition root: finds the assets folder and the user's data folder and wires engines, lab and views by hand.
 */
public final class AppContext implements CliServices, WorkbenchServices {

    /** The settings file's name in the user's config folder. */
    public static final String SETTINGS_FILE = "settings.json";

    private final Path assets;
    private final PriceTable prices;
    private final BudgetPresets presets;
    private final LocalBackends builtin;
    private final EngineRegistry engines;
    private final HostedEngines hosted;
    private final CurrentSettings settings;
    private final List<SamplePrompt> samples;
    private final UnaryOperator<String> environment;
    private final ExternalModels externalModels;
    private final SecretsStore secrets;
    private final SweepStore sweeps;
    private final Path dataDirectory;

    private AppContext(Path assets, PriceTable prices, BudgetPresets presets, CurrentSettings settings,
                       SecretsStore secrets, LocalBackends builtin, UnaryOperator<String> environment,
                       ExternalModels externalModels, SweepStore sweeps, Path dataDirectory) {
        this.assets = assets;
        this.sweeps = sweeps;
        this.dataDirectory = dataDirectory;
        this.externalModels = externalModels;
        this.environment = environment;
        this.settings = settings;
        this.prices = prices;
        this.presets = presets;
        this.builtin = builtin;
        this.secrets = secrets;
        this.hosted = new HostedEngines(HostedEngines.loadModels(assets), secrets, environment);
        this.engines = registry(builtin);
        this.samples = MicroExerciseSample.withExercise(
                loadSamples(assets.resolveSibling("samples").resolve("prompts.json")));
    }

    /** Every engine, the built-in one over {@code local}. */
    private EngineRegistry registry(LocalBackends local) {
        EngineRegistry registry = Engines.registry(local);
        hosted.registerInto(registry);
        return registry;
    }

    private static List<SamplePrompt> loadSamples(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return SamplePrompts.read(file);
        } catch (IOException e) {
            System.err.println("Thinkbench: " + e.getMessage() + "; the sample picker stays empty");
            return List.of();
        }
    }

    /**
     * Wires the application; the built-in engine's process starts only on its first run and reads its threads and
     * context from the current settings at each run.
     */
    public static AppContext create() {
        UserDirectories user = UserDirectories.current();
        return create(Assets.locate(), user.configDirectory(), user.dataDirectory(), System::getenv,
                new ExternalModels(user.home(), System.getenv()));
    }

    /**
     * Wires the application over the given folders: {@code assets} (with {@code ../samples} beside it), the config
     * folder that holds {@value #SETTINGS_FILE}, and the data folder that holds downloaded models.
     */
    public static AppContext create(Path assets, Path configDir, Path dataDir) {
        return create(assets, configDir, dataDir, System::getenv);
    }

    /** As {@link #create(Path, Path, Path)}, reading API keys through {@code environment} (tests pass a map). */
    public static AppContext create(Path assets, Path configDir, Path dataDir, UnaryOperator<String> environment) {
        return create(assets, configDir, dataDir, environment,
                new ExternalModels(UserDirectories.current().home(), System.getenv()));
    }

    /** As above, finding other tools' models (Ollama, LM Studio) through {@code externalModels}. */
    public static AppContext create(Path assets, Path configDir, Path dataDir, UnaryOperator<String> environment,
                                    ExternalModels externalModels) {
        // read on first use: a command that needs no settings leaves the file alone, even a broken one
        CurrentSettings settings = CurrentSettings.open(new SettingsStore(configDir.resolve(SETTINGS_FILE)));
        BundledModels bundled = BundledModels.inAssets(assets);
        LocalBackends builtin = new LocalBackends(new LocalEngineProcess(), bundled,
                ModelStore.inDataDirectory(dataDir), externalModels,
                new TemplateHints(catalog(assets), bundled), () -> settings.get().builtinEngine(),
                OpenedModels.inDataDirectory(dataDir));
        return new AppContext(assets, loadPrices(assets.resolve("pricing.json")),
                loadPresets(assets.resolve("budget-presets.json")), settings,
                new SecretsStore(configDir.resolve(SecretsStore.FILE_NAME)), builtin, environment, externalModels,
                SweepStore.inDataDirectory(dataDir), dataDir);
    }

    /** The download catalog of the assets; empty (only models on this machine offered) when it cannot be read. */
    static List<CatalogModel> catalog(Path assets) {
        try {
            return ModelCatalogFile.load(assets);
        } catch (IOException | RuntimeException e) {
            System.err.println("Thinkbench: the model catalog cannot be read (" + e.getMessage()
                    + "); only models on this machine are offered");
            return List.of();
        }
    }

    private static BudgetPresets loadPresets(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return BudgetPresets.read(in);
        } catch (IOException e) {
            System.err.println("Thinkbench: cannot read budget presets from " + file + ": " + e.getMessage());
            return new BudgetPresets(java.util.Map.of());
        }
    }

    private static PriceTable loadPrices(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return PriceTable.read(in);
        } catch (IOException e) {
            System.err.println("Thinkbench: cannot read prices from " + file + ": " + e.getMessage()
                    + "; costs will show as unknown");
            return PriceTable.empty();
        }
    }

    public Path assets() {
        return assets;
    }

    /** The user's data folder: downloaded models, and sessions (autosaves, the recent list) under sessions/. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The recorded sample sessions shipped beside the assets ({@code samples/sessions}). */
    public Path sampleSessions() {
        return assets.resolveSibling("samples").resolve("sessions");
    }

    /**
     * The settings of this run, shared and read on first use: change them through {@link CurrentSettings#update},
     * which saves them shortly after; say where their problems show with {@link CurrentSettings#setOnProblem}.
     */
    public CurrentSettings settings() {
        return settings;
    }

    @Override
    public PriceTable prices() {
        return prices;
    }

    @Override
    public BudgetPresets presets() {
        return presets;
    }

    @Override
    public EngineRegistry engines() {
        return engines;
    }

    /** The engines, the built-in one over the same process and models at {@code contextSize} (nothing is saved). */
    @Override
    public EngineRegistry enginesWithBuiltinContext(int contextSize) {
        return registry(builtin.withContextSize(contextSize));
    }

    /** The built-in engine's models and process, shared by the workbench, the stepper and the command line. */
    public LocalBackends builtin() {
        return builtin;
    }

    /** The sample prompts: the micro model's exercise first, then those of {@code samples/prompts.json}. */
    @Override
    public List<SamplePrompt> samples() {
        return samples;
    }

    /** Other tools' models on this machine (Ollama, LM Studio), found under the user's home ({@code $HOME}). */
    public ExternalModels externalModels() {
        return externalModels;
    }

    /**
     * The built-in engine with the bundled micro model, greedy, as the workbench opens with nothing configured; empty
     * when this installation ships no usable micro model.
     */
    @Override
    public Optional<DefaultModel> defaultModel() {
        boolean shipped = builtin.bundled().all().stream()
                .anyMatch(m -> m.usable() && m.path().getFileName().toString().equals(BundledModels.MICRO));
        return shipped ? Optional.of(new DefaultModel(LocalCompletionBackend.ID, BundledModels.MICRO,
                Double.valueOf(ExerciseDefaults.GREEDY))) : Optional.empty();
    }

    @Override
    public UnaryOperator<String> environment() {
        return environment;
    }

    /** The API keys entered in the app (user-only file beside the settings). */
    public SecretsStore secrets() {
        return secrets;
    }

    @Override
    public Optional<SecretsStore> keyStore() {
        return Optional.of(secrets);
    }

    /** The Experiments tab's sweeps, one folder each in the data folder ({@code sweeps/}). */
    public SweepStore sweeps() {
        return sweeps;
    }

    /** The app's problem sets ({@code samples/problems} beside the assets). */
    public Path problemSets() {
        return assets.resolveSibling("samples").resolve("problems");
    }
}
