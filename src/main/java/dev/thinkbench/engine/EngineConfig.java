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
 */
public record EngineConfig(String engineId, URI baseUrl, String apiKey, Duration timeout) {

    public EngineConfig {
        timeout = timeout == null ? Duration.ofSeconds(120) : timeout;
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "EngineConfig[" + engineId + " at " + baseUrl + (apiKey == null ? "" : ", key set") + "]";
    }
}
