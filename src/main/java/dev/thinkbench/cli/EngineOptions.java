package dev.thinkbench.cli;

import picocli.CommandLine.Option;

/**
 * The options that say where an engine's server is and which model it runs, shared by the commands that talk to one
 * ({@code --base-url}, {@code --model}, {@code --api-key-env}). {@code --engine} and {@code --timeout} stay with each
 * command, whose help explains them in its own terms. A picocli mixin; read on the command's thread.
 */
final class EngineOptions {

    @Option(names = "--base-url", paramLabel = "URL", description = "Server base URL (engine default if omitted)")
    private String baseUrl;

    @Option(names = "--model", paramLabel = "NAME",
            description = "The model (default with no --engine: the bundled micro model on the built-in engine)")
    private String model;

    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "Environment variable holding the API key (the key itself is never printed). Hosted "
                    + "engines default to the key entered in the app, else their standard variable: "
                    + "ANTHROPIC_API_KEY, OPENAI_API_KEY, GEMINI_API_KEY, DEEPSEEK_API_KEY")
    private String apiKeyEnv;

    /**
     * Refuses a {@code --base-url} for an engine that runs on this machine (it has no server, and the URL would be
     * ignored without a word).
     *
     * @return {@code entry}, for chaining
     */
    static dev.thinkbench.engine.EngineRegistry.Entry refuseUrlForLocal(dev.thinkbench.engine.EngineRegistry.Entry entry,
                                                                       boolean urlGiven) {
        if (urlGiven && entry.defaultBaseUrl() == null) {
            throw new IllegalArgumentException("--base-url is for an engine with a server; '" + entry.id()
                    + "' runs on this machine (name a server engine with --engine, e.g. llama-server or ollama)");
        }
        return entry;
    }

    /** The base URL as given, null for the engine's default. */
    String baseUrl() {
        return baseUrl;
    }

    /** The model as given, null when not given (see {@link EngineChoice}). */
    String model() {
        return model;
    }

    /** The name of the variable holding the key, null when none was named. */
    String apiKeyEnv() {
        return apiKeyEnv;
    }

    /**
     * The API key from the named environment variable, null when none was named. Never printed.
     *
     * @throws IllegalArgumentException when the variable is not set
     */
    String apiKey() {
        if (apiKeyEnv == null) {
            return null;
        }
        String key = System.getenv(apiKeyEnv);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("environment variable " + apiKeyEnv + " is not set");
        }
        return key;
    }
}
