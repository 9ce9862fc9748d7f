package dev.thinkbench.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A test double's script: Gemini's {@code streamGenerateContent?alt=sse} stream as the "Gemini thinking" docs show it,
 * each {@code data:} a whole {@code GenerateContentResponse}: thought parts ({@code {"text":..,"thought":true}}),
 * answer parts, and a last chunk with {@code finishReason} and {@code usageMetadata} (where
 * {@code candidatesTokenCount} excludes {@code thoughtsTokenCount}); or an in-stream {@code {"error":{..}}}.
 *
 * <pre>{@code
 * GeminiScript.of("gemini-2.5-flash").thought("**Counting**").text("3").finish("STOP", 10, 1, 120).build()
 * }</pre>
 */
public final class GeminiScript extends ReplyBuilder<GeminiScript> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String model;

    private GeminiScript(String model) {
        super("text/event-stream");
        this.model = model;
    }

    public static GeminiScript of(String model) {
        return new GeminiScript(model);
    }

    /** One chunk per piece, a thought part (with a signature, which is never shown). */
    public GeminiScript thought(String... pieces) {
        for (String p : pieces) {
            chunk(JSON.createObjectNode().put("text", p).put("thought", true).put("thoughtSignature", "CiQB"));
        }
        return this;
    }

    /** One chunk per piece, an answer part. */
    public GeminiScript text(String... pieces) {
        for (String p : pieces) {
            chunk(JSON.createObjectNode().put("text", p));
        }
        return this;
    }

    /** The last chunk: an empty text part, {@code finishReason} and {@code usageMetadata}; null counts left out. */
    public GeminiScript finish(String reason, int promptTokens, Integer candidatesTokens, Integer thoughtsTokens) {
        return finish(reason, promptTokens, candidatesTokens, thoughtsTokens, null);
    }

    /** As {@link #finish(String, int, Integer, Integer)}, with {@code cachedContentTokenCount} when not null. */
    public GeminiScript finish(String reason, int promptTokens, Integer candidatesTokens, Integer thoughtsTokens,
                               Integer cachedTokens) {
        ObjectNode n = response(JSON.createObjectNode().put("text", ""));
        ((ObjectNode) n.path("candidates").get(0)).put("finishReason", reason);
        ObjectNode usage = n.putObject("usageMetadata").put("promptTokenCount", promptTokens);
        int total = promptTokens;
        if (candidatesTokens != null) {
            usage.put("candidatesTokenCount", candidatesTokens);
            total += candidatesTokens;
        }
        if (thoughtsTokens != null) {
            usage.put("thoughtsTokenCount", thoughtsTokens);
            total += thoughtsTokens;
        }
        if (cachedTokens != null) {
            usage.put("cachedContentTokenCount", cachedTokens);
        }
        usage.put("totalTokenCount", total);
        return event(n.toString());
    }

    /** An in-stream error, e.g. {@code (500, "INTERNAL", "An internal error has occurred.")}. */
    public GeminiScript error(int code, String status, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.putObject("error").put("code", code).put("message", message).put("status", status);
        return event(n.toString());
    }

    /** A prompt the API blocked: {@code promptFeedback.blockReason}, no candidates. */
    public GeminiScript blocked(String reason) {
        ObjectNode n = JSON.createObjectNode();
        n.putObject("promptFeedback").put("blockReason", reason);
        return event(n.toString());
    }

    /** One SSE event {@code data: TEXT}. */
    public GeminiScript event(String data) {
        return raw("data: " + data + "\r\n\r\n");
    }

    private void chunk(ObjectNode part) {
        event(response(part).toString());
    }

    private ObjectNode response(ObjectNode part) {
        ObjectNode n = JSON.createObjectNode();
        ObjectNode candidate = n.putArray("candidates").addObject().put("index", 0);
        ObjectNode content = candidate.putObject("content").put("role", "model");
        content.putArray("parts").add(part);
        n.put("modelVersion", model).put("responseId", "resp-test");
        return n;
    }
}
