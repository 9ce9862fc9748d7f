package dev.thinkbench.engine.hosted.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.http.ServerMessage;
import dev.thinkbench.engine.stream.JsonWireCheck;

import java.util.Locale;

/**
 * OpenAI's Responses stream: named events whose JSON repeats the name in {@code type}
 * ({@code response.created}, {@code response.reasoning_summary_text.delta}, {@code response.output_text.delta},
 * ...). The stream is complete at {@code response.completed} or {@code response.incomplete} (the output cap was
 * reached); {@code response.failed} and {@code error} are the server's errors. A {@code response.incomplete} whose
 * {@code incomplete_details.reason} is {@code content_filter} interrupts the run as {@code CONTENT_FILTERED}: its text
 * and usage are kept, the answer is not whole.
 */
final class ResponsesWireCheck extends JsonWireCheck {

    @Override
    protected Verdict inspectObject(String eventName, JsonNode event) {
        String type = event.path("type").asText(eventName == null ? "" : eventName);
        if ("error".equals(eventName) || "error".equals(type)) {
            return serverError(event.has("error") ? event.get("error") : event);
        }
        if ("response.failed".equals(type)) {
            return serverError(event.path("response").path("error"));
        }
        if ("response.incomplete".equals(type) && "content_filter".equals(event.path("response")
                .path("incomplete_details").path("reason").asText(""))) {
            return new Verdict.Interrupted(FailureKind.CONTENT_FILTERED, "incomplete_details.reason content_filter");
        }
        return new Verdict.Deliver("response.completed".equals(type) || "response.incomplete".equals(type));
    }

    private static Verdict serverError(JsonNode error) {
        String message = error.isMissingNode() || error.isNull() ? null : ServerMessage.fromJson(error);
        String code = error.path("code").asText("").toLowerCase(Locale.ROOT);
        FailureKind kind = code.contains("rate_limit") ? FailureKind.RATE_LIMITED : FailureKind.SERVER_ERROR;
        return new Verdict.ServerError(kind, message == null ? "the response failed" : message);
    }
}
