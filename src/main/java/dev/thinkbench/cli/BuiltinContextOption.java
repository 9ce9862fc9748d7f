package dev.thinkbench.cli;

import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.local.LocalEngineSettings;
import picocli.CommandLine.Option;

import java.util.Arrays;

/**
 * {@code --context TOKENS}: the context the built-in engine loads its model with, for this command only (the app's
 * setting, {@code builtinContextSize} in settings.json, is left as it is). Shared by the commands that can run the
 * built-in engine. Refused, as {@code --base-url} is on the built-in engine, for an engine that loads its model on a
 * server: the option would change nothing there. A picocli mixin; read on the command's thread.
 */
final class BuiltinContextOption {

    @Option(names = "--context", paramLabel = "TOKENS",
            description = "Built-in engine only: tokens of context (prompt, thinking and answer) its model is loaded "
                    + "with, " + LocalEngineSettings.MIN_CONTEXT + " to " + LocalEngineSettings.MAX_CONTEXT
                    + " (default: the app's setting, else " + LocalEngineSettings.DEFAULT_CONTEXT + ")")
    private Integer context;

    /**
     * The engines the command runs on: {@code services}' own without {@code --context}, else the same with the
     * built-in engine at that context.
     *
     * @param engineIds the engines the command runs (a sweep's judge as well as its own)
     * @throws IllegalArgumentException for a size out of range, or when none of {@code engineIds} is the built-in
     *         engine
     */
    EngineRegistry engines(CliServices services, String... engineIds) {
        if (context == null) {
            return services.engines();
        }
        if (!LocalEngineSettings.validContext(context)) {
            throw new IllegalArgumentException("--context must be between " + LocalEngineSettings.MIN_CONTEXT
                    + " and " + LocalEngineSettings.MAX_CONTEXT + " tokens, was " + context);
        }
        if (Arrays.stream(engineIds).noneMatch(LocalCompletionBackend.ID::equals)) {
            throw new IllegalArgumentException("--context is for the built-in engine, which loads the model here; '"
                    + engineIds[0] + "' loads it on its server (set the context there, e.g. llama-server -c N)");
        }
        return services.enginesWithBuiltinContext(context);
    }
}
