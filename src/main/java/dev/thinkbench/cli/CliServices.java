package dev.thinkbench.cli;

import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.raw.RawBackends;
import dev.thinkbench.lab.BudgetPresets;

/** What the command line needs from the composition root. */
public interface CliServices {

    PriceTable prices();

    EngineRegistry engines();

    BudgetPresets presets();

    /** The raw-continuation backends by engine id, for {@code step} (the composition root may add the built-in). */
    default RawBackends rawBackends() {
        return RawBackends.standard();
    }
}
