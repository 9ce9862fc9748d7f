package dev.thinkbench.cli;

import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.local.gguf.GgufFormatException;
import dev.thinkbench.engine.local.gguf.GgufValidator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The engine and model a command runs on: as named by {@code --engine} and {@code --model}, with what is left out
 * taken from the app's default (the built-in engine with the bundled micro model), as the workbench does with
 * nothing configured.
 *
 * @param engineId the engine's id
 * @param model the model's name
 * @param defaultTemperature the temperature to use when {@code --temperature} is not given, null for the engine's
 *                           own default (the default model is run greedy, as its model card measures it)
 */
record EngineChoice(String engineId, String model, Double defaultTemperature) {

    /**
     * @param engine {@code --engine}, null when not given
     * @param model {@code --model}, null when not given
     * @throws IllegalArgumentException when what is missing has no default
     */
    static EngineChoice resolve(String engine, String model, CliServices services) {
        Optional<CliServices.DefaultModel> fallback = services.defaultModel();
        String engineId = engine != null ? engine.strip()
                : fallback.map(CliServices.DefaultModel::engineId).orElseThrow(() -> new IllegalArgumentException(
                        "name an engine with --engine ID (see the list below) and a model with --model NAME"));
        boolean defaultEngine = fallback.isPresent() && fallback.get().engineId().equals(engineId);
        String chosen = model != null && !model.isBlank() ? model.strip() : null;
        if (chosen == null) {
            if (!defaultEngine) {
                throw new IllegalArgumentException("--model NAME is needed for engine '" + engineId + "'");
            }
            chosen = fallback.get().model();
        }
        boolean defaultModel = defaultEngine && chosen.equals(fallback.get().model());
        if (engineId.equals(LocalCompletionBackend.ID)) {
            checkModelFile(chosen);
        }
        return new EngineChoice(engineId, chosen, defaultModel ? fallback.get().temperature() : null);
    }

    /**
     * A GGUF file named by its path is checked before any run (a corrupt one failed each of a sweep's 60 runs, exit
     * 1); a name in the models folder is found, and checked, when the engine loads it.
     */
    private static void checkModelFile(String model) {
        Path path;
        try {
            path = Path.of(model);
        } catch (java.nio.file.InvalidPathException notAPath) {
            return;
        }
        if (Files.isRegularFile(path)) {
            try {
                GgufValidator.validate(path);
            } catch (GgufFormatException | IOException e) {
                throw new IllegalArgumentException("cannot use " + path.getFileName() + ": "
                        + (e instanceof IOException io ? dev.thinkbench.core.FileProblems.reason(io) : e.getMessage()));
            }
        } else if (model.toLowerCase(java.util.Locale.ROOT).endsWith(".gguf") && path.getParent() != null) {
            throw new IllegalArgumentException("cannot use " + model + ": no such file");
        }
    }
}
