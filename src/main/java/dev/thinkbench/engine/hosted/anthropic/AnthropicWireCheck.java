package dev.thinkbench.engine.hosted.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.http.ServerMessage;
import dev.thinkbench.engine.stream.JsonWireCheck;

/**
 * Anthropic's Messages stream: named events ({@code message_start}, {@code content_block_start},
 * {@code content_block_delta}, {@code content_block_stop}, {@code message_delta}, {@code message_stop}, {@code ping}),
 * each with a JSON object. The stream is complete at {@code message_stop}, or once a {@code message_delta} carries the
 * {@code stop_reason}. An {@code event: error} after the 200 ({@code {"type":"error","error":{"type":
 * "overloaded_error","message":"Overloaded"}}}) is the server's error. A {@code stop_reason} of {@code refusal} (the
 * model's safety classifiers stopped the answer) ends the stream but interrupts the run as {@code CONTENT_FILTERED}.
 */
final class AnthropicWireCheck extends JsonWireCheck {

    private static final String REFUSAL = "refusal";

    @Override
    protected Verdict inspectObject(String eventName, JsonNode event) {
        String type = event.path("type").asText(eventName == null ? "" : eventName);
        if ("error".equals(eventName) || "error".equals(type)) {
            return serverError(event.path("error"), event);
        }
        boolean stopped = "message_delta".equals(type) && event.path("delta").path("stop_reason").isTextual();
        if (stopped && REFUSAL.equals(event.path("delta").path("stop_reason").asText())) {
            return new Verdict.Interrupted(FailureKind.CONTENT_FILTERED, "stop_reason " + REFUSAL);
        }
        return new Verdict.Deliver("message_stop".equals(type) || stopped);
    }

    private static Verdict serverError(JsonNode error, JsonNode event) {
        String message = ServerMessage.fromJson(error.isMissingNode() ? event : error);
        String type = error.path("type").asText("");
        FailureKind kind = switch (type) {
            case "rate_limit_error" -> FailureKind.RATE_LIMITED;
            case "authentication_error", "permission_error" -> FailureKind.AUTHENTICATION;
            case "invalid_request_error" -> FailureKind.BAD_REQUEST;
            default -> FailureKind.SERVER_ERROR; // overloaded_error, api_error and whatever comes next
        };
        String said = message == null ? event.toString() : message;
        return new Verdict.ServerError(kind, type.isEmpty() ? said : said + " (" + type + ")");
    }
}
