package dev.thinkbench.cli;

import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.lab.BudgetPresets;

/** What the command line needs from the composition root. */
public interface CliServices {

    PriceTable prices();

    EngineRegistry engines();

    BudgetPresets presets();
}
