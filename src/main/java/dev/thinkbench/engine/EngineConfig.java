package dev.thinkbench.engine;

import java.net.URI;
import java.time.Duration;

/**
 * Where an engine lives and how to reach it.
 *
 * @param engineId e.g. {@code ollama}, {@code openai-compatible}
 * @param baseUrl the server's base URL (engine default when null)
 * @param apiKey the key, read from an environment variable by the caller; never logged or saved; may be null
 * @param timeout how long a stream may stay silent before the run fails
 * @param apiKeyEnv the name of the environment variable the key came from (e.g. {@code DEEPSEEK_API_KEY}), so an
 *                  authentication failure can tell the user where to look without showing the key; may be null
 */
public record EngineConfig(String engineId, URI baseUrl, String apiKey, Duration timeout, String apiKeyEnv) {

    public EngineConfig {
        timeout = timeout == null ? Duration.ofSeconds(120) : timeout;
    }

    /** A configuration whose key (if any) did not come from a named environment variable. */
    public EngineConfig(String engineId, URI baseUrl, String apiKey, Duration timeout) {
        this(engineId, baseUrl, apiKey, timeout, null);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "EngineConfig[" + engineId + " at " + baseUrl + (apiKey == null ? "" : ", key set")
                + (apiKeyEnv == null ? "" : " from $" + apiKeyEnv) + "]";
    }
}
