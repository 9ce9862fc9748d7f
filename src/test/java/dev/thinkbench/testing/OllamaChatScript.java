package dev.thinkbench.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds an Ollama {@code /api/chat} NDJSON stream as documented: one JSON object per line,
 * {@code {"model":..,"created_at":..,"message":{"role":"assistant","content":"..","thinking":".."},"done":false}},
 * ending with {@code "done":true,"done_reason":"stop"} and the counts.
 *
 * <pre>{@code
 * OllamaChatScript.of("qwen3").thinking("Let me", " think").answer("42").done()          // a normal reply
 * OllamaChatScript.of("qwen3").thinking("Let me").build()                                // cut: no done line
 * OllamaChatScript.of("qwen3").thinking("Let me").stall(Duration.ofSeconds(5))           // stalls
 * }</pre>
 */
public final class OllamaChatScript extends ReplyBuilder<OllamaChatScript> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATED_AT = "2025-06-01T12:00:00.000000Z";

    private final String model;
    private int chunks;

    private OllamaChatScript(String model) {
        super("application/x-ndjson");
        this.model = model;
    }

    public static OllamaChatScript of(String model) {
        return new OllamaChatScript(model);
    }

    /** One line per piece, each with {@code message.thinking}. */
    public OllamaChatScript thinking(String... pieces) {
        for (String p : pieces) {
            raw(line(p, null));
        }
        return this;
    }

    /** One line per piece, each with {@code message.content}. */
    public OllamaChatScript answer(String... pieces) {
        for (String p : pieces) {
            raw(line(null, p));
        }
        return this;
    }

    /** One line holding both thinking and answer text (the boundary chunk of langchain4j issue 6489). */
    public OllamaChatScript both(String thinking, String answer) {
        return raw(line(thinking, answer));
    }

    /** The final line with {@code done_reason} "stop", 12 prompt tokens and one eval token per chunk sent. */
    public ScriptedReply done() {
        return done(12, chunks, "stop");
    }

    /** The final line, {@code "done":true} with the given counts and reason ("stop" or "length"). */
    public ScriptedReply done(int promptEvalCount, int evalCount, String doneReason) {
        ObjectNode n = base();
        n.putObject("message").put("role", "assistant").put("content", "");
        n.put("done", true).put("done_reason", doneReason).put("total_duration", 1_000_000_000L)
                .put("load_duration", 1_000_000L).put("prompt_eval_count", promptEvalCount)
                .put("prompt_eval_duration", 2_000_000L).put("eval_count", evalCount)
                .put("eval_duration", 900_000_000L);
        return raw(n + "\n").build();
    }

    /** An in-stream error line, {@code {"error":"..."}}, as Ollama sends when the runner fails mid-answer. */
    public OllamaChatScript error(String message) {
        return raw(JSON.createObjectNode().put("error", message) + "\n");
    }

    private String line(String thinking, String content) {
        chunks++;
        ObjectNode n = base();
        ObjectNode message = n.putObject("message").put("role", "assistant").put("content",
                content == null ? "" : content);
        if (thinking != null) {
            message.put("thinking", thinking);
        }
        n.put("done", false);
        return n + "\n";
    }

    private ObjectNode base() {
        return JSON.createObjectNode().put("model", model).put("created_at", CREATED_AT);
    }
}
