package dev.thinkbench.engine.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.EngineException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * One server an engine talks to over HTTP, as configured: the checked base URL, the API key (only ever sent as a
 * header), the silence timeout, the process's shared {@link HttpClient} and {@link SilenceWatchdog}, and the
 * {@link FailureMapper} that words failures for this server. Offers the blocking JSON calls beside the streams
 * (model listings, {@code /props}, {@code /tokenize}) with bounded reads, and {@link StreamExchange}s for streams.
 * Every HTTP engine, chat and raw, talks through one of these.
 *
 * <p>Threading: immutable; the JSON calls block the calling thread (never the UI thread); thread-safe.
 * {@link #toString()} never shows the key.
 */
public final class ServerClient {

    /** The largest JSON answer beside a stream (a model listing) that is read. */
    public static final int MAX_JSON_BYTES = 16 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final FailureMapper failures;
    private final HttpClient http;
    private final SilenceWatchdog watchdog;

    /**
     * @param baseUrl the base URL, already checked (see {@link BaseUrl}), without a trailing slash
     * @param apiKey the key, or null; sent as {@code Authorization: Bearer}
     * @param timeout how long the server may stay silent
     * @throws IllegalArgumentException when the timeout is not positive, with a message for the user
     */
    public ServerClient(String baseUrl, Endpoint endpoint, String apiKey, Duration timeout) {
        this(baseUrl, endpoint, apiKey, KeyHeader.BEARER, timeout);
    }

    /**
     * As {@link #ServerClient(String, Endpoint, String, Duration)}, sending the key the way {@code keyHeader} says
     * (e.g. {@code x-api-key} for Anthropic). The key is registered with the scrubber whichever header carries it.
     */
    public ServerClient(String baseUrl, Endpoint endpoint, String apiKey, KeyHeader keyHeader, Duration timeout) {
        this(baseUrl, endpoint, apiKey, keyHeader, timeout, HttpClients.shared(), SilenceWatchdog.shared(),
                Clock.systemDefaultZone());
    }

    ServerClient(String baseUrl, Endpoint endpoint, String apiKey, Duration timeout, HttpClient http,
                 SilenceWatchdog watchdog, Clock clock) {
        this(baseUrl, endpoint, apiKey, KeyHeader.BEARER, timeout, http, watchdog, clock);
    }

    ServerClient(String baseUrl, Endpoint endpoint, String apiKey, KeyHeader keyHeader, Duration timeout,
                 HttpClient http, SilenceWatchdog watchdog, Clock clock) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, was " + timeout);
        }
        String key = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        this.baseUrl = baseUrl;
        this.headers = keyHeader.headers(key);
        this.timeout = timeout;
        this.failures = new FailureMapper(endpoint, key, clock);
        this.http = http;
        this.watchdog = watchdog;
    }

    /** The base URL without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The headers every request carries: the key's (by default {@code Authorization: Bearer KEY}) and fixed ones. */
    public Map<String, String> headers() {
        return headers;
    }

    /** How long a stream may stay silent. */
    public Duration timeout() {
        return timeout;
    }

    public FailureMapper failures() {
        return failures;
    }

    /** The server as messages name it, e.g. {@code Ollama at http://127.0.0.1:11434}. */
    public String describe() {
        return failures.endpoint().describe();
    }

    /** The process's shared HTTP client. */
    public HttpClient http() {
        return http;
    }

    /** {@code baseUrl + "/" + path}; {@code path} may start with a slash or not. */
    public URI uri(String path) {
        return URI.create(baseUrl + (path.startsWith("/") ? path : "/" + path));
    }

    /** A request to {@code path} with the key and the given {@code Accept}, bounded by the timeout. */
    public HttpRequest.Builder request(String path, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept", accept);
        headers.forEach(b::header);
        return b;
    }

    /** A POST of {@code body} as JSON to {@code path}, for a stream. */
    public HttpRequest streamRequest(String path, Object body) {
        return request(path, "text/event-stream, application/x-ndjson, application/json")
                .header("Content-Type", "application/json").POST(jsonBody(body)).build();
    }

    /**
     * A new exchange on this server (see {@link StreamExchange}).
     *
     * @param onSilence runs when the server stays silent longer than the timeout
     */
    public StreamExchange exchange(Runnable onSilence, StreamExchange.Listener listener) {
        return new StreamExchange(http, watchdog, timeout, onSilence, listener, failures.clock());
    }

    /**
     * The longest a GET of metadata (a model list, the server's properties) may take: such answers come at once from
     * a healthy server, and a server that accepts the connection and says nothing would otherwise keep the engine
     * bar on "Checking..." for the whole run timeout.
     */
    static final Duration METADATA_TIMEOUT = Duration.ofSeconds(20);

    /** GETs {@code path} and parses the JSON answer, waiting at most {@link #METADATA_TIMEOUT} (or the timeout). */
    public JsonNode getJson(String path) throws EngineException {
        Duration wait = timeout.compareTo(METADATA_TIMEOUT) < 0 ? timeout : METADATA_TIMEOUT;
        return exchangeJson(path, request(path, "application/json").timeout(wait).GET().build());
    }

    /** POSTs {@code body} as JSON to {@code path} and parses the JSON answer. */
    public JsonNode postJson(String path, Object body) throws EngineException {
        return exchangeJson(path, request(path, "application/json").timeout(timeout)
                .header("Content-Type", "application/json").POST(jsonBody(body)).build());
    }

    /**
     * POSTs {@code body} as JSON to {@code path} on the server's root, the base URL without a trailing {@code /v1}
     * (llama-server's own endpoints beside its OpenAI ones), waiting at most {@link #METADATA_TIMEOUT}, and parses the
     * JSON answer.
     */
    public JsonNode postJsonAtRoot(String path, Object body) throws EngineException {
        return exchangeJson(path, rootRequest(path).header("Content-Type", "application/json")
                .POST(jsonBody(body)).build());
    }

    /** GETs {@code path} on the server's root (as {@link #postJsonAtRoot}) and parses the JSON answer. */
    public JsonNode getJsonAtRoot(String path) throws EngineException {
        return exchangeJson(path, rootRequest(path).GET().build());
    }

    private HttpRequest.Builder rootRequest(String path) {
        String root = baseUrl.endsWith("/v1") ? baseUrl.substring(0, baseUrl.length() - 3) : baseUrl;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + (path.startsWith("/") ? path : "/" + path)))
                .header("Accept", "application/json");
        headers.forEach(b::header);
        Duration wait = timeout.compareTo(METADATA_TIMEOUT) < 0 ? timeout : METADATA_TIMEOUT;
        return b.timeout(wait);
    }

    private JsonNode exchangeJson(String path, HttpRequest request) throws EngineException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw failures.map(e, false).toException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(FailureKind.UNKNOWN, "interrupted while asking " + describe());
        }
        String where = describe();
        String shownPath = request.uri().getPath();
        if (response.statusCode() / 100 != 2) {
            HttpStatusException error = new HttpStatusException(response.statusCode(),
                    StreamExchange.readBounded(response.body()), shownPath, response.headers(), failures.clock());
            throw failures.map(error, false).toException();
        }
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(MAX_JSON_BYTES + 1);
        } catch (IOException e) {
            throw failures.map(e, true).toException();
        }
        if (bytes.length > MAX_JSON_BYTES) {
            throw new EngineException(FailureKind.MALFORMED_STREAM, where + " answered " + shownPath
                    + " with more than " + (MAX_JSON_BYTES >> 20) + " MB; that is not the API's answer. Check the"
                    + " base URL.");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("html") || ServerMessage.looksLikeHtml(text)) {
            String title = ServerMessage.htmlTitle(text);
            throw new EngineException(FailureKind.UNREACHABLE, where + " answered " + shownPath + " with an HTML page"
                    + (title == null ? "" : " titled \u201c" + title + "\u201d") + ", not the API's JSON. A captive"
                    + " portal or a proxy may be in the way, or the base URL points at a web site.");
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new EngineException(FailureKind.MALFORMED_STREAM, where + " answered " + shownPath
                    + " with something that is not JSON (" + ServerMessage.excerpt(text) + "). Check the base URL.");
        }
    }

    private static HttpRequest.BodyPublisher jsonBody(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body does not serialize", e);
        }
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "ServerClient[" + describe() + "]";
    }
}
