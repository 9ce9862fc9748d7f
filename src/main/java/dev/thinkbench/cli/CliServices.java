package dev.thinkbench.cli;

import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.raw.RawBackends;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.lab.sweep.SweepRunner;

/** What the command line needs from the composition root. */
public interface CliServices {

    PriceTable prices();

    EngineRegistry engines();

    BudgetPresets presets();

    /** The raw-continuation backends by engine id, for {@code step} (the composition root may add the built-in). */
    default RawBackends rawBackends() {
        return RawBackends.standard();
    }

    /** How sweeps retry, back off and drop endpoints (tests pass a clock that does not really wait). */
    default SweepRunner.Options sweepOptions() {
        return SweepRunner.Options.defaults();
    }
}
