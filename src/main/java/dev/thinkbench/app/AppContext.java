package dev.thinkbench.app;

import dev.thinkbench.cli.CliServices;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.local.LocalBackends;
import dev.thinkbench.engine.raw.RawBackends;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.lab.samples.MicroExerciseSample;
import dev.thinkbench.lab.samples.SamplePrompt;
import dev.thinkbench.lab.samples.SamplePrompts;
import dev.thinkbench.lab.settings.CurrentSettings;
import dev.thinkbench.lab.settings.SecretsStore;
import dev.thinkbench.lab.settings.SettingsStore;
import dev.thinkbench.lab.settings.UserDirectories;
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
    private final RawBackends rawBackends;
    private final CurrentSettings settings;
    private final List<SamplePrompt> samples;
    private final UnaryOperator<String> environment;
    private final SecretsStore secrets;

    private AppContext(Path assets, PriceTable prices, BudgetPresets presets, CurrentSettings settings,
                       SecretsStore secrets, LocalBackends builtin, UnaryOperator<String> environment) {
        this.assets = assets;
        this.environment = environment;
        this.settings = settings;
        this.prices = prices;
        this.presets = presets;
        this.builtin = builtin;
        this.engines = Engines.registry(builtin);
        this.secrets = secrets;
        new HostedEngines(HostedEngines.loadModels(assets), secrets, environment).registerInto(engines);
        this.rawBackends = BuiltinBackends.withBuiltin(RawBackends.standard(), builtin);
        this.samples = MicroExerciseSample.withExercise(
                loadSamples(assets.resolveSibling("samples").resolve("prompts.json")));
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
        return create(Assets.locate(), UserDirectories.config(), UserDirectories.data());
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
        CurrentSettings settings = CurrentSettings.load(new SettingsStore(configDir.resolve(SETTINGS_FILE)));
        if (settings.loadProblem() != null) {
            System.err.println("Thinkbench: " + settings.loadProblem());
        }
        return new AppContext(assets, loadPrices(assets.resolve("pricing.json")),
                loadPresets(assets.resolve("budget-presets.json")), settings,
                new SecretsStore(configDir.resolve(SecretsStore.FILE_NAME)),
                LocalBackends.standard(dataDir, assets, () -> settings.get().builtinEngine()), environment);
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

    /** The settings of this run, shared: change them through {@link CurrentSettings#update}, which saves them. */
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

    /** The raw backends for {@code step}: the four HTTP ones and the built-in engine. */
    @Override
    public RawBackends rawBackends() {
        return rawBackends;
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
}
