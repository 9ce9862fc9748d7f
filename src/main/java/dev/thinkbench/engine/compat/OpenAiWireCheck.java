package dev.thinkbench.engine.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.http.ServerMessage;
import dev.thinkbench.engine.stream.WireCheck;

import java.util.Locale;

/**
 * The OpenAI chat-completions SSE stream: each {@code data:} is a JSON chunk; the stream is complete once a choice
 * carries a {@code finish_reason} or {@code data: [DONE]} arrives; errors come as {@code event: error} or as a chunk
 * with an {@code error} object (vLLM, llama.cpp). DeepSeek's {@code finish_reason: "insufficient_system_resource"}
 * ends the stream but interrupts the run: the server broke the answer off; so does {@code finish_reason:
 * "content_filter"}, as {@code CONTENT_FILTERED} (OpenAI's, Azure's content filter stopped the answer). Public because
 * the hosted DeepSeek engine speaks the same stream.
 */
public final class OpenAiWireCheck implements WireCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * DeepSeek's finish reason for an answer its inference system broke off ("the request is interrupted due to
     * insufficient resource of the inference system"): not an end the model chose.
     */
    private static final String INSUFFICIENT_RESOURCE = "insufficient_system_resource";
    /** The finish reason of a chunk the provider's content filter stopped. */
    private static final String CONTENT_FILTER = "content_filter";

    @Override
    public Verdict inspect(String eventName, String data) {
        if (data == null || data.isBlank()) {
            return new Verdict.Skip();
        }
        if ("[DONE]".equals(data.strip())) {
            return new Verdict.Deliver(true);
        }
        JsonNode chunk;
        try {
            chunk = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            return "error".equals(eventName)
                    ? new Verdict.ServerError(FailureKind.SERVER_ERROR, data)
                    : new Verdict.Malformed(data);
        }
        if (chunk == null || !chunk.isObject()) {
            return new Verdict.Malformed(data);
        }
        JsonNode error = chunk.get("error");
        if ("error".equals(eventName) || (error != null && !error.isNull())) {
            return serverError(error == null ? chunk : error);
        }
        JsonNode finish = chunk.path("choices").path(0).path("finish_reason");
        if (INSUFFICIENT_RESOURCE.equals(finish.asText(""))) {
            return new Verdict.Interrupted(FailureKind.SERVER_ERROR, "it cut the answer short for want of inference"
                    + " resources (finish_reason " + INSUFFICIENT_RESOURCE + "); retry in a moment");
        }
        if (CONTENT_FILTER.equals(finish.asText(""))) {
            return new Verdict.Interrupted(FailureKind.CONTENT_FILTERED, "finish_reason " + CONTENT_FILTER);
        }
        return new Verdict.Deliver(finish.isTextual() && !finish.asText().isEmpty());
    }

    private static Verdict serverError(JsonNode error) {
        String message = ServerMessage.fromJson(error);
        String text = message == null ? error.toString() : message;
        String code = (error.path("code").asText("") + " " + error.path("type").asText("")).toLowerCase(Locale.ROOT);
        FailureKind kind = code.contains("429") || code.contains("rate") ? FailureKind.RATE_LIMITED
                : FailureKind.SERVER_ERROR;
        return new Verdict.ServerError(kind, text);
    }
}
