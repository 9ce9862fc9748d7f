package dev.thinkbench.engine.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.EngineException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A blocking JSON GET for the small calls beside the stream (model listing), with failures worded by a
 * {@link FailureMapper}. A 404 here means the base URL is wrong (the listing path always exists on a real server).
 *
 * <p>Threading: blocks the calling thread (never the UI thread); safe for concurrent use.
 */
public final class JsonGet {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final java.net.http.HttpClient http;
    private final FailureMapper failures;
    private final Duration timeout;

    public JsonGet(java.net.http.HttpClient http, FailureMapper failures, Duration timeout) {
        this.http = http;
        this.failures = failures;
        this.timeout = timeout;
    }

    /** GETs {@code uri} with {@code headers} and parses the body. */
    public JsonNode get(URI uri, Map<String, String> headers) throws EngineException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json");
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failures.map(e, false).toException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(FailureKind.UNKNOWN, "interrupted while asking "
                    + failures.endpoint().describe());
        }
        String where = failures.endpoint().describe();
        if (response.statusCode() == 404) {
            throw new EngineException(FailureKind.UNREACHABLE, where + " has no " + uri.getPath()
                    + " (HTTP 404). Check the base URL: is this really the right server and path?");
        }
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw failures.fromStatus(response.statusCode(), response.body()).toException();
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new EngineException(FailureKind.MALFORMED_STREAM, where + " answered " + uri.getPath()
                    + " with something that is not JSON. Check the base URL.", e);
        }
    }
}
