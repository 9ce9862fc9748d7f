package dev.thinkbench.engine.stream;

import dev.thinkbench.engine.http.JsonGet;

import dev.thinkbench.engine.http.HttpClients;

import dev.thinkbench.engine.http.SilenceWatchdog;

import dev.thinkbench.engine.http.Endpoint;

import dev.thinkbench.engine.http.FailureMapper;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ReasoningEventSink;
import dev.thinkbench.engine.RunHandle;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * The chat server one engine talks to, as its {@link EngineConfig} sets it up: the checked base URL, the silence
 * timeout, the HTTP client its runs and listings share, the API key (only ever as a bearer header) and the
 * {@link FailureMapper} that words failures for this server. Starts the engine's runs. What differs between chat
 * APIs stays in their {@link ChatProtocol}.
 *
 * <p>Threading: immutable after construction; {@link #start} returns at once, {@link #getJson} blocks. Thread-safe.
 * {@link #toString()} never shows the key.
 */
public final class ChatServer {

    private final String baseUrl;
    private final String apiKey;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final HttpClient http;
    private final SilenceWatchdog watchdog;
    private final FailureMapper failures;
    private final JsonGet json;

    /**
     * @param baseUrl the base URL, already checked (see {@link BaseUrl}), without a trailing slash
     * @param serverName what to call the server in messages, e.g. {@code Ollama}
     * @param unreachableHint what to check when the server cannot be reached
     * @throws IllegalArgumentException when the configured timeout is not positive, with a message for the user
     */
    public ChatServer(EngineConfig config, String baseUrl, String serverName, String unreachableHint,
                      SilenceWatchdog watchdog) {
        if (config.timeout().isNegative() || config.timeout().isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, was " + config.timeout());
        }
        this.baseUrl = baseUrl;
        this.timeout = config.timeout();
        this.watchdog = watchdog;
        this.http = HttpClients.create(timeout);
        this.apiKey = config.apiKey() == null || config.apiKey().isBlank() ? null : config.apiKey();
        this.headers = apiKey == null ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
        this.failures = new FailureMapper(new Endpoint(serverName, baseUrl, apiKey != null, config.apiKeyEnv(),
                unreachableHint), apiKey);
        this.json = new JsonGet(http, failures, timeout);
    }

    /** The base URL without a trailing slash, so paths can be appended. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The API key, or null when none is configured. Only for a model builder's own authorization header. */
    public String apiKey() {
        return apiKey;
    }

    /** {@code Authorization: Bearer KEY} when a key is configured, else no headers. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Words failures for this server. */
    public FailureMapper failures() {
        return failures;
    }

    /** The server as messages name it, e.g. {@code Ollama at http://127.0.0.1:11434}. */
    public String describe() {
        return failures.endpoint().describe();
    }

    /** GETs {@code baseUrl + path} (with the key, if any) and parses the JSON body; see {@link JsonGet}. */
    public JsonNode getJson(String path) throws EngineException {
        return json.get(uri(path), headers);
    }

    /** {@code baseUrl + path} as a URI. */
    URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    /** Starts one run on this server with {@code protocol}; returns at once (see {@link ChatStreamRun}). */
    public RunHandle start(RunSpec spec, ReasoningEventSink sink, ChatProtocol protocol) {
        return ChatStreamRun.start(spec, sink, protocol, this);
    }

    HttpClient http() {
        return http;
    }

    /** How long a run's stream may stay silent. */
    Duration timeout() {
        return timeout;
    }

    SilenceWatchdog watchdog() {
        return watchdog;
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "ChatServer[" + describe() + "]";
    }
}
