package dev.thinkbench.engine.raw;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.EngineException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * JSON over HTTP to one raw-continuation server: streamed POSTs, plain GETs and POSTs, and failures mapped to
 * {@link EngineException}s whose message names the server and what to check. The API key goes only into the
 * {@code Authorization} header; it never appears in a message or in {@link #toString()}.
 *
 * <p>Every method blocks the calling thread; a {@link CancelToken} ends a stream promptly from any thread.
 */
final class RawHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI base;
    private final String apiKey;
    private final Duration timeout;
    private final String server;

    /**
     * @param serverKind what the user calls the server, e.g. {@code llama-server}
     * @param base the base URL; paths are resolved against it
     */
    RawHttp(String serverKind, URI base, String apiKey, Duration timeout) {
        this.base = withTrailingSlash(base);
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.timeout = timeout;
        this.server = serverKind + " at " + base;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if ("http".equals(base.getScheme())) {
            // Local servers speak HTTP/1.1; an h2c upgrade attempt only adds a round of confusion.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        this.client = builder.build();
    }

    private static URI withTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    /** The server as the user knows it, e.g. {@code llama-server at http://127.0.0.1:8080}. */
    String server() {
        return server;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * POSTs {@code body} and opens the streamed response.
     *
     * @return the body's lines, or null when the call was cancelled before the server answered
     */
    StreamLines stream(String path, Object body, CancelToken cancel) throws EngineException {
        HttpRequest request = request(path).POST(jsonBody(body)).build();
        CompletableFuture<HttpResponse<InputStream>> pending =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        cancel.onCancel(() -> pending.cancel(true));
        HttpResponse<InputStream> response;
        try {
            response = pending.get();
        } catch (CancellationException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            return null;
        } catch (ExecutionException e) {
            if (cancel.isCancelled()) {
                return null;
            }
            throw HttpFailures.fromIo(server, path, timeout, e.getCause());
        }
        if (response.statusCode() / 100 != 2) {
            String text = readBounded(response.body());
            throw HttpFailures.fromStatus(server, path, response.statusCode(), redact(text));
        }
        return new StreamLines(response.body(), cancel, timeout, server);
    }

    /** GETs a JSON document. */
    JsonNode getJson(String path) throws EngineException {
        return exchange(path, request(path).GET().build());
    }

    /** POSTs {@code body} and reads the JSON answer. */
    JsonNode postJson(String path, Object body) throws EngineException {
        return exchange(path, request(path).POST(jsonBody(body)).build());
    }

    private JsonNode exchange(String path, HttpRequest request) throws EngineException {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw HttpFailures.fromIo(server, path, timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(FailureKind.UNKNOWN, "interrupted while waiting for " + server);
        }
        if (response.statusCode() / 100 != 2) {
            throw HttpFailures.fromStatus(server, path, response.statusCode(), redact(response.body()));
        }
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new EngineException(FailureKind.MALFORMED_STREAM, server + " answered " + path
                    + " with something that is not JSON: " + HttpFailures.excerpt(response.body()));
        }
    }

    /** Parses one streamed JSON line or event. */
    JsonNode parse(String payload) throws EngineException {
        try {
            JsonNode node = JSON.readTree(payload);
            if (node == null || !node.isObject()) {
                throw new EngineException(FailureKind.MALFORMED_STREAM, server
                        + " sent a stream item that is not a JSON object: " + HttpFailures.excerpt(payload));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new EngineException(FailureKind.MALFORMED_STREAM, server
                    + " sent a stream line that is not JSON: " + HttpFailures.excerpt(redact(payload)));
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream, application/x-ndjson");
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return b;
    }

    private static HttpRequest.BodyPublisher jsonBody(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body does not serialize", e);
        }
    }

    private static String readBounded(InputStream in) {
        try (in) {
            return new String(in.readNBytes(8192), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private String redact(String text) {
        return apiKey == null || text == null ? text : text.replace(apiKey, "***");
    }

    @Override
    public String toString() {
        return "RawHttp[" + server + "]";
    }
}
