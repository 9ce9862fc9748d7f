package dev.thinkbench.app;

import dev.thinkbench.cli.CliServices;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.local.LocalBackends;
import dev.thinkbench.engine.raw.RawBackends;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.lab.settings.UserDirectories;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The composition root: finds the assets folder and the user's data folder and wires engines, lab and views by hand.
 */
public final class AppContext implements CliServices {

    private final Path assets;
    private final PriceTable prices;
    private final BudgetPresets presets;
    private final LocalBackends builtin;
    private final EngineRegistry engines;
    private final RawBackends rawBackends;

    private AppContext(Path assets, PriceTable prices, BudgetPresets presets, LocalBackends builtin) {
        this.assets = assets;
        this.prices = prices;
        this.presets = presets;
        this.builtin = builtin;
        this.engines = Engines.registry(builtin);
        this.rawBackends = BuiltinBackends.withBuiltin(RawBackends.standard(), builtin);
    }

    /** Wires the application; the built-in engine's process starts only on its first run. */
    public static AppContext create() {
        Path assets = Assets.locate();
        return new AppContext(assets, loadPrices(assets.resolve("pricing.json")),
                loadPresets(assets.resolve("budget-presets.json")),
                LocalBackends.standard(UserDirectories.data()));
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
}
