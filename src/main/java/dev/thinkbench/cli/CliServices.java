package dev.thinkbench.cli;

import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.lab.sweep.SweepRunner;

import java.util.Optional;

/** What the command line needs from the composition root. Called on the command's thread. */
public interface CliServices {

    PriceTable prices();

    EngineRegistry engines();

    BudgetPresets presets();

    /**
     * What runs when the command line names no engine and no model: the same as the workbench with nothing
     * configured (the built-in engine with the bundled micro model, greedy). Empty when this build has none; then
     * {@code --engine} and {@code --model} are needed.
     */
    default Optional<DefaultModel> defaultModel() {
        return Optional.empty();
    }

    /**
     * The engines as {@link #engines()}, but with the built-in engine loading its models with {@code contextSize}
     * tokens of context instead of the saved setting: for one command's {@code --context}, nothing is saved.
     *
     * @param contextSize in range ({@link dev.thinkbench.engine.local.LocalEngineSettings#validContext})
     * @throws IllegalArgumentException where these services have no built-in engine
     */
    default EngineRegistry enginesWithBuiltinContext(int contextSize) {
        throw new IllegalArgumentException("--context is for the built-in engine, and this build has none");
    }

    /** How sweeps retry, back off and drop endpoints (tests pass a clock that does not really wait). */
    default SweepRunner.Options sweepOptions() {
        return SweepRunner.Options.defaults();
    }

    /**
     * The engine and model to use when none is named.
     *
     * @param engineId an engine id of {@link #engines()}
     * @param model the model's name for that engine
     * @param temperature the temperature to use when none is given, null for the engine's default
     */
    record DefaultModel(String engineId, String model, Double temperature) {
    }
}
