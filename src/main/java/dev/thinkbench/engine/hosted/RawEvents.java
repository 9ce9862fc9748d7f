package dev.thinkbench.engine.hosted;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads counts out of a stream's raw events (as langchain4j hands them over in its response metadata), where its own
 * parsing would turn a missing count into 0: a count the provider did not send must stay unknown.
 *
 * <p>Stateless; any thread.
 */
public final class RawEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawEvents() {
    }

    /** The event's JSON, or a missing node when it is blank or does not parse. */
    public static JsonNode parse(String data) {
        if (data == null || data.isBlank()) {
            return JSON.missingNode();
        }
        try {
            JsonNode node = JSON.readTree(data);
            return node == null ? JSON.missingNode() : node;
        } catch (JsonProcessingException e) {
            return JSON.missingNode();
        }
    }

    /** The integer at {@code path} under {@code node}, or {@code otherwise} when it is absent or not an integer. */
    public static Integer count(JsonNode node, Integer otherwise, String... path) {
        JsonNode n = node;
        for (String field : path) {
            n = n.path(field);
        }
        return n.isIntegralNumber() && n.canConvertToInt() ? Integer.valueOf(n.asInt()) : otherwise;
    }
}
