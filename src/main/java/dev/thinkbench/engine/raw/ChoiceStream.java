package dev.thinkbench.engine.raw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.http.ServerMessage;

/**
 * The reading of an OpenAI-style stream: server-sent events until {@code [DONE]}, {@code choices[0]} with a
 * {@code finish_reason}, a {@code usage} event, errors as {@code {"error": ...}}. Gathers the last finish reason and
 * usage event by event; subclasses say where the text is and build the result. Also writes the request fields such a
 * stream needs. Shared by the completions and the DeepSeek prefix backends. One stream, one thread.
 */
abstract class ChoiceStream implements StreamProtocol {

    private String finish;
    private JsonNode usage = MissingNode.getInstance();

    /**
     * Writes what every OpenAI-style streamed request carries: the token cap ({@code max_tokens}), streaming with the
     * usage in a last event, and the sampling the user chose.
     */
    static void putStreaming(ObjectNode body, CompletionRequest request) {
        body.put("max_tokens", request.maxTokens());
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        SamplingFields.put(body, request.sampling());
    }

    @Override
    public final Framing framing() {
        return Framing.SSE;
    }

    @Override
    public final String error(JsonNode event) {
        if (!event.has("error") || event.get("error").isNull()) {
            return null;
        }
        String message = ServerMessage.fromJson(event);
        return message == null ? event.toString() : message;
    }

    @Override
    public final String missingEnd() {
        return "without a finish_reason";
    }

    /**
     * Notes the event's finish reason and usage, where it has them.
     *
     * @return whether this event carried a finish reason
     */
    final boolean track(JsonNode event) {
        JsonNode reason = event.path("choices").path(0).path("finish_reason");
        if (event.path("usage").isObject()) {
            usage = event.path("usage");
        }
        if (reason.isTextual()) {
            finish = reason.asText();
            return true;
        }
        return false;
    }

    /** DeepSeek's finish reason for a continuation its inference system broke off for want of resources. */
    private static final String INSUFFICIENT_RESOURCE = "insufficient_system_resource";

    @Override
    public final String brokenOff() {
        return INSUFFICIENT_RESOURCE.equals(finish) ? "it cut the continuation short for want of inference resources"
                + " (finish_reason " + INSUFFICIENT_RESOURCE + "); retry in a moment" : null;
    }

    /** The last finish reason, null until one came (then the stream was cut). */
    final String finish() {
        return finish;
    }

    /** The last usage object, a missing node until one came. */
    final JsonNode usage() {
        return usage;
    }

    /** {@code usage.completion_tokens}, null when not reported. */
    final Integer completionTokens() {
        return ReportedCount.first(usage.path("completion_tokens"));
    }
}
