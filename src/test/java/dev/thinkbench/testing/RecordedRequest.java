package dev.thinkbench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request a loopback test server received.
 *
 * @param method e.g. {@code POST}
 * @param path the path without the query, e.g. {@code /api/chat}
 * @param headers header names in lower case
 * @param body the request body as text, empty for none
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** The body parsed as JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("request body is not JSON: " + body, e);
        }
    }
}
