package dev.thinkbench.engine.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ReasoningEventSink;
import dev.thinkbench.engine.RunHandle;
import dev.thinkbench.engine.http.Endpoint;
import dev.thinkbench.engine.http.FailureMapper;
import dev.thinkbench.engine.http.KeyHeader;
import dev.thinkbench.engine.http.ServerClient;

import java.time.Duration;
import java.util.Map;

/**
 * The chat server one engine talks to, as its {@link EngineConfig} sets it up: a {@link ServerClient} (base URL, key,
 * timeout, the shared transport, the failure wording) that starts the engine's runs. What differs between chat APIs
 * stays in their {@link ChatProtocol}.
 *
 * <p>Threading: immutable after construction; {@link #start} returns at once, {@link #getJson} blocks. Thread-safe.
 * {@link #toString()} never shows the key.
 */
public final class ChatServer {

    private final ServerClient client;
    private final String apiKey;

    /**
     * @param baseUrl the base URL, already checked (see {@link dev.thinkbench.engine.http.BaseUrl}), without a
     *                trailing slash
     * @param serverName what to call the server in messages, e.g. {@code Ollama}
     * @param unreachableHint what to check when the server cannot be reached
     * @throws IllegalArgumentException when the configured timeout is not positive, with a message for the user
     */
    public ChatServer(EngineConfig config, String baseUrl, String serverName, String unreachableHint) {
        this(config, baseUrl, serverName, unreachableHint, KeyHeader.BEARER);
    }

    /**
     * As {@link #ChatServer(EngineConfig, String, String, String)}, for an API that wants its key in another header
     * (Anthropic's {@code x-api-key}, Gemini's {@code x-goog-api-key}); {@link #headers()} and {@link #getJson} use
     * it. The key is registered with the scrubber either way.
     */
    public ChatServer(EngineConfig config, String baseUrl, String serverName, String unreachableHint,
                      KeyHeader keyHeader) {
        this.apiKey = config.apiKey() == null || config.apiKey().isBlank() ? null : config.apiKey().strip();
        this.client = new ServerClient(baseUrl, new Endpoint(serverName, baseUrl, apiKey != null,
                config.apiKeyEnv(), unreachableHint), apiKey, keyHeader, config.timeout());
    }

    /** The base URL without a trailing slash, so paths can be appended. */
    public String baseUrl() {
        return client.baseUrl();
    }

    /** The API key, or null when none is configured. Only for a model builder's own authorization header. */
    public String apiKey() {
        return apiKey;
    }

    /** The key's header (by default {@code Authorization: Bearer KEY}) when a key is configured, and fixed ones. */
    public Map<String, String> headers() {
        return client.headers();
    }

    /** Words failures for this server. */
    public FailureMapper failures() {
        return client.failures();
    }

    /** The server as messages name it, e.g. {@code Ollama at http://127.0.0.1:11434}. */
    public String describe() {
        return client.describe();
    }

    /** GETs {@code baseUrl + path} (with the key, if any) and parses the JSON body; see {@link ServerClient}. */
    public JsonNode getJson(String path) throws EngineException {
        return client.getJson(path);
    }

    /** POSTs {@code body} to {@code path} on the server's root (no {@code /v1}); see {@link ServerClient#postJsonAtRoot}. */
    public JsonNode postJsonAtRoot(String path, Object body) throws EngineException {
        return client.postJsonAtRoot(path, body);
    }

    /** GETs {@code path} on the server's root (no {@code /v1}); see {@link ServerClient#getJsonAtRoot}. */
    public JsonNode getJsonAtRoot(String path) throws EngineException {
        return client.getJsonAtRoot(path);
    }

    /** Starts one run on this server with {@code protocol}; returns at once (see {@link ChatStreamRun}). */
    public RunHandle start(RunSpec spec, ReasoningEventSink sink, ChatProtocol protocol) {
        return ChatStreamRun.start(spec, sink, protocol, this);
    }

    ServerClient client() {
        return client;
    }

    /** How long a run's stream may stay silent. */
    Duration timeout() {
        return client.timeout();
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "ChatServer[" + describe() + "]";
    }
}
