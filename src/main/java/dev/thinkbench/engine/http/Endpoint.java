package dev.thinkbench.engine.http;

/**
 * The server a run talks to, as failure messages name it. Holds no secret: only whether a key is set and the name of
 * the environment variable it came from.
 *
 * @param serverName what to call the server, e.g. {@code Ollama}
 * @param baseUrl the base URL the user configured, shown in messages
 * @param keySet whether an API key is configured
 * @param apiKeyEnv the environment variable the key came from, null if unknown
 * @param unreachableHint what to check when the server cannot be reached, e.g. "Is Ollama running?"
 */
public record Endpoint(String serverName, String baseUrl, boolean keySet, String apiKeyEnv, String unreachableHint) {

    /** e.g. {@code Ollama at http://127.0.0.1:11434}. */
    public String describe() {
        return serverName + " at " + baseUrl;
    }
}
