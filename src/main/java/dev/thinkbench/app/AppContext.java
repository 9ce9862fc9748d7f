package dev.thinkbench.app;

import dev.thinkbench.cli.CliServices;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.lab.BudgetPresets;

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
    private final EngineRegistry engines;

    private AppContext(Path assets, PriceTable prices, BudgetPresets presets, EngineRegistry engines) {
        this.assets = assets;
        this.prices = prices;
        this.presets = presets;
        this.engines = engines;
    }

    public static AppContext create() {
        Path assets = Assets.locate();
        return new AppContext(assets, loadPrices(assets.resolve("pricing.json")),
                loadPresets(assets.resolve("budget-presets.json")), Engines.registry());
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
    public dev.thinkbench.engine.raw.RawBackends rawBackends() {
        return BuiltinBackends.withBuiltin(dev.thinkbench.engine.raw.RawBackends.standard());
    }
}
