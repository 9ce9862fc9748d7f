package dev.thinkbench.engine.ollama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.http.ServerMessage;
import dev.thinkbench.engine.stream.WireCheck;

/**
 * Ollama's NDJSON chat stream: every line is a JSON object; the last one has {@code "done":true}; an error arrives as
 * a line {@code {"error":"..."}}.
 */
final class OllamaWireCheck implements WireCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Verdict inspect(String eventName, String data) {
        if (data == null || data.isBlank()) {
            return new Verdict.Skip();
        }
        JsonNode line;
        try {
            line = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            return new Verdict.Malformed(data);
        }
        if (line == null || !line.isObject()) {
            return new Verdict.Malformed(data);
        }
        JsonNode error = line.get("error");
        if (error != null && !error.isNull()) {
            String message = ServerMessage.fromJson(error);
            return new Verdict.ServerError(FailureKind.SERVER_ERROR, message == null ? error.toString() : message);
        }
        return new Verdict.Deliver(line.path("done").asBoolean(false));
    }
}
