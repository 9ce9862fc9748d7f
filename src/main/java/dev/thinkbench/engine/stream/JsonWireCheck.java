package dev.thinkbench.engine.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.FailureKind;

/**
 * A {@link WireCheck} for streams whose every event carries one JSON object (the hosted providers'): blank data is
 * skipped, data that is not a JSON object is malformed (or, under an {@code error} event name, the server's error as
 * it stands), and each object goes to {@link #inspectObject}. Stateless; any thread.
 */
public abstract class JsonWireCheck implements WireCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public final Verdict inspect(String eventName, String data) {
        if (data == null || data.isBlank()) {
            return new Verdict.Skip();
        }
        JsonNode event;
        try {
            event = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            return "error".equals(eventName) ? new Verdict.ServerError(FailureKind.SERVER_ERROR, data)
                    : new Verdict.Malformed(data);
        }
        if (event == null || !event.isObject()) {
            return new Verdict.Malformed(data);
        }
        return inspectObject(eventName, event);
    }

    /** What to do with one event's JSON object; {@code eventName} is null where the stream names none. */
    protected abstract Verdict inspectObject(String eventName, JsonNode event);
}
