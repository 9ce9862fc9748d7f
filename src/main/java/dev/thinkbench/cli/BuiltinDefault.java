package dev.thinkbench.cli;

import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.local.models.BundledModels;

/**
 * What a command runs when no {@code --engine} and {@code --model} are given: the built-in engine with the bundled
 * micro model, greedy (temperature 0, as its model card measures it), at the model's own budget presets
 * ({@code builtin:micro-reasoner.gguf} in {@code assets/budget-presets.json}). The one place this default lives.
 */
final class BuiltinDefault {

    static final String ENGINE = LocalCompletionBackend.ID;
    static final String MODEL = BundledModels.MICRO;
    static final double TEMPERATURE = 0.0;

    private BuiltinDefault() {
    }

    /** The engine to use: the one given, else the built-in engine. */
    static String engine(String given) {
        return given == null || given.isBlank() ? ENGINE : given;
    }

    /**
     * The model to use: the one given; else the micro model on the built-in engine.
     *
     * @throws IllegalArgumentException when another engine is named without a model
     */
    static String model(String engine, String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (ENGINE.equals(engine)) {
            return MODEL;
        }
        throw new IllegalArgumentException("--model is needed with --engine " + engine);
    }

    /** Whether the run is on the default model, which is measured greedy. */
    static boolean isDefault(String engine, String model) {
        return ENGINE.equals(engine) && MODEL.equals(model);
    }
}
