package dev.thinkbench.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A test double's script: Anthropic's Messages stream as the "Streaming Messages" docs show it, named events with
 * JSON data: {@code message_start} (with the input tokens), a {@code thinking} block with {@code thinking_delta}s and
 * a {@code signature_delta} just before it closes, a {@code text} block with {@code text_delta}s, {@code ping}s,
 * {@code message_delta} with the stop reason and cumulative usage, {@code message_stop}; or an {@code event: error}.
 *
 * <pre>{@code
 * AnthropicScript.of("claude-sonnet-4-5").start(12).thinking("I need", " the GCD").signature("EqQB...")
 *         .text("The answer", " is 21.").stop("end_turn", 90).build()
 * }</pre>
 */
public final class AnthropicScript extends ReplyBuilder<AnthropicScript> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String model;
    private int index = -1;
    private String open;

    private AnthropicScript(String model) {
        super("text/event-stream");
        this.model = model;
    }

    public static AnthropicScript of(String model) {
        return new AnthropicScript(model);
    }

    /** {@code message_start} with {@code usage.input_tokens}. */
    public AnthropicScript start(int inputTokens) {
        return start(inputTokens, null, null);
    }

    /**
     * {@code message_start} with {@code usage.input_tokens} (the prompt tokens outside the cache) and, when not null,
     * {@code cache_read_input_tokens} and {@code cache_creation_input_tokens}.
     */
    public AnthropicScript start(int inputTokens, Integer cacheRead, Integer cacheCreation) {
        ObjectNode message = JSON.createObjectNode().put("id", "msg_01test").put("type", "message")
                .put("role", "assistant").put("model", model).putNull("stop_reason").putNull("stop_sequence");
        message.putArray("content");
        ObjectNode usage = message.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", 1);
        if (cacheRead != null) {
            usage.put("cache_read_input_tokens", cacheRead);
        }
        if (cacheCreation != null) {
            usage.put("cache_creation_input_tokens", cacheCreation);
        }
        ObjectNode n = JSON.createObjectNode().put("type", "message_start");
        n.set("message", message);
        return event("message_start", n);
    }

    /** Thinking deltas, opening a thinking block first if none is open. */
    public AnthropicScript thinking(String... pieces) {
        ensureOpen("thinking");
        for (String p : pieces) {
            delta(JSON.createObjectNode().put("type", "thinking_delta").put("thinking", p));
        }
        return this;
    }

    /** The thinking block's {@code signature_delta}, then it closes. */
    public AnthropicScript signature(String signature) {
        delta(JSON.createObjectNode().put("type", "signature_delta").put("signature", signature));
        return close();
    }

    /** A {@code redacted_thinking} block (opaque data, nothing to show). */
    public AnthropicScript redactedThinking(String data) {
        close();
        index++;
        ObjectNode block = JSON.createObjectNode().put("type", "redacted_thinking").put("data", data);
        event("content_block_start", JSON.createObjectNode().put("type", "content_block_start").put("index", index)
                .set("content_block", block));
        return event("content_block_stop", JSON.createObjectNode().put("type", "content_block_stop")
                .put("index", index));
    }

    /** Text deltas, opening a text block first if none is open. */
    public AnthropicScript text(String... pieces) {
        ensureOpen("text");
        for (String p : pieces) {
            delta(JSON.createObjectNode().put("type", "text_delta").put("text", p));
        }
        return this;
    }

    /** A keep-alive {@code ping}. */
    public AnthropicScript ping() {
        return event("ping", JSON.createObjectNode().put("type", "ping"));
    }

    /** Closes any open block, then {@code message_delta} (stop reason, cumulative output tokens) and
     *  {@code message_stop}. */
    public AnthropicScript stop(String stopReason, int outputTokens) {
        return stop(stopReason, outputTokens, null);
    }

    /** As {@link #stop(String, int)}, with {@code output_tokens_details.thinking_tokens} when not null. */
    public AnthropicScript stop(String stopReason, int outputTokens, Integer thinkingTokens) {
        close();
        ObjectNode n = JSON.createObjectNode().put("type", "message_delta");
        n.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        ObjectNode usage = n.putObject("usage").put("output_tokens", outputTokens);
        if (thinkingTokens != null) {
            usage.putObject("output_tokens_details").put("thinking_tokens", thinkingTokens);
        }
        event("message_delta", n);
        return event("message_stop", JSON.createObjectNode().put("type", "message_stop"));
    }

    /** An {@code event: error} inside the stream, e.g. {@code ("overloaded_error", "Overloaded")}. */
    public AnthropicScript error(String type, String message) {
        ObjectNode n = JSON.createObjectNode().put("type", "error");
        n.putObject("error").put("type", type).put("message", message);
        return event("error", n);
    }

    /** One named event. */
    public AnthropicScript event(String name, ObjectNode data) {
        return raw("event: " + name + "\ndata: " + data + "\n\n");
    }

    private void ensureOpen(String type) {
        if (type.equals(open)) {
            return;
        }
        close();
        index++;
        open = type;
        ObjectNode block = JSON.createObjectNode().put("type", type);
        if (type.equals("thinking")) {
            block.put("thinking", "").put("signature", "");
        } else {
            block.put("text", "");
        }
        event("content_block_start", JSON.createObjectNode().put("type", "content_block_start").put("index", index)
                .set("content_block", block));
    }

    private void delta(ObjectNode delta) {
        ObjectNode n = JSON.createObjectNode().put("type", "content_block_delta").put("index", index);
        n.set("delta", delta);
        event("content_block_delta", n);
    }

    private AnthropicScript close() {
        if (open != null) {
            event("content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", index));
            open = null;
        }
        return this;
    }
}
