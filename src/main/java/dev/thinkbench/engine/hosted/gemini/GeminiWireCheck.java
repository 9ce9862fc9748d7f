package dev.thinkbench.engine.hosted.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.http.ServerMessage;
import dev.thinkbench.engine.stream.JsonWireCheck;

import java.util.Set;

/**
 * Gemini's {@code streamGenerateContent?alt=sse} stream: each {@code data:} is a whole
 * {@code GenerateContentResponse}; the stream is complete once a candidate carries a {@code finishReason}. An error
 * inside the stream comes as {@code {"error":{"code":500,"message":"...","status":"INTERNAL"}}}; a prompt the API
 * blocked as {@code promptFeedback.blockReason} with no candidates. A candidate whose {@code finishReason} says a
 * filter stopped it ({@code SAFETY}, {@code RECITATION}, {@code PROHIBITED_CONTENT}, {@code BLOCKLIST},
 * {@code SPII}) ends the stream but interrupts the run as {@code CONTENT_FILTERED}: the text so far is kept, the answer
 * is not whole.
 */
final class GeminiWireCheck extends JsonWireCheck {

    /** The finish reasons of Gemini's content filters (the others: STOP, MAX_TOKENS, OTHER, ...). */
    private static final Set<String> FILTERED = Set.of("SAFETY", "RECITATION", "PROHIBITED_CONTENT", "BLOCKLIST",
            "SPII");

    @Override
    protected Verdict inspectObject(String eventName, JsonNode chunk) {
        JsonNode error = chunk.get("error");
        if (error != null && !error.isNull()) {
            return serverError(error);
        }
        JsonNode blocked = chunk.path("promptFeedback").path("blockReason");
        if (blocked.isTextual() && chunk.path("candidates").isEmpty()) {
            return new Verdict.ServerError(FailureKind.BAD_REQUEST, "the prompt was blocked (" + blocked.asText()
                    + ")");
        }
        JsonNode finish = chunk.path("candidates").path(0).path("finishReason");
        if (FILTERED.contains(finish.asText(""))) {
            return new Verdict.Interrupted(FailureKind.CONTENT_FILTERED, "finishReason " + finish.asText());
        }
        return new Verdict.Deliver(finish.isTextual() && !finish.asText().isEmpty());
    }

    private static Verdict serverError(JsonNode error) {
        String message = ServerMessage.fromJson(error);
        String status = error.path("status").asText("");
        FailureKind kind = switch (status) {
            case "RESOURCE_EXHAUSTED" -> FailureKind.RATE_LIMITED;
            case "UNAUTHENTICATED", "PERMISSION_DENIED" -> FailureKind.AUTHENTICATION;
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION" -> FailureKind.BAD_REQUEST;
            default -> FailureKind.SERVER_ERROR;
        };
        String said = message == null ? error.toString() : message;
        return new Verdict.ServerError(kind, status.isEmpty() ? said : said + " (" + status + ")");
    }
}
