package dev.thinkbench.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds an OpenAI {@code /v1/chat/completions} SSE stream as DeepSeek, llama.cpp server and vLLM send it:
 * {@code data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"reasoning_content":".."},
 * "finish_reason":null}]}} events, a chunk with {@code finish_reason}, a usage chunk with {@code "choices":[]} and
 * {@code completion_tokens_details.reasoning_tokens}, then {@code data: [DONE]}.
 *
 * <pre>{@code
 * OpenAiChatScript.of("deepseek-reasoner").reasoning("Let me", " think").content("42").finish("stop").usage().done()
 * OpenAiChatScript.of("qwen3").reasoningField("reasoning").reasoning("hm").content("4").build()   // vLLM, cut (no end)
 * }</pre>
 */
public final class OpenAiChatScript extends ReplyBuilder<OpenAiChatScript> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String model;
    private String reasoningField = "reasoning_content";
    private int reasoningChunks;
    private int contentChunks;

    private OpenAiChatScript(String model) {
        super("text/event-stream");
        this.model = model;
    }

    public static OpenAiChatScript of(String model) {
        return new OpenAiChatScript(model);
    }

    /** The delta field that carries thinking: {@code reasoning_content} (default) or {@code reasoning} (vLLM). */
    public OpenAiChatScript reasoningField(String field) {
        this.reasoningField = field;
        return this;
    }

    /** One chunk per piece with the reasoning field. */
    public OpenAiChatScript reasoning(String... pieces) {
        for (String p : pieces) {
            reasoningChunks++;
            chunk(delta(p, null), null);
        }
        return this;
    }

    /** One chunk per piece with {@code content}. */
    public OpenAiChatScript content(String... pieces) {
        for (String p : pieces) {
            contentChunks++;
            chunk(delta(null, p), null);
        }
        return this;
    }

    /** One chunk holding both reasoning and content (the boundary chunk of langchain4j issue 6489). */
    public OpenAiChatScript both(String reasoning, String content) {
        reasoningChunks++;
        contentChunks++;
        return chunk(delta(reasoning, content), null);
    }

    /** A chunk with an empty delta and {@code finish_reason} ("stop" or "length"). */
    public OpenAiChatScript finish(String reason) {
        return chunk(JSON.createObjectNode(), reason);
    }

    /** The usage chunk: 12 prompt tokens, one completion token per chunk, one reasoning token per reasoning chunk. */
    public OpenAiChatScript usage() {
        return usage(12, reasoningChunks + contentChunks, reasoningChunks);
    }

    /** The usage chunk with {@code "choices":[]}; a null {@code reasoningTokens} leaves the details out. */
    public OpenAiChatScript usage(int promptTokens, int completionTokens, Integer reasoningTokens) {
        ObjectNode n = base();
        n.putArray("choices");
        ObjectNode usage = n.putObject("usage").put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens).put("total_tokens", promptTokens + completionTokens);
        if (reasoningTokens != null) {
            usage.putObject("completion_tokens_details").put("reasoning_tokens", reasoningTokens);
        }
        return event(n.toString());
    }

    /** The usage chunk with {@code "choices":[]} and {@code usage} as given (a JSON object's text). */
    public OpenAiChatScript usage(String usageJson) {
        try {
            ObjectNode n = base();
            n.putArray("choices");
            n.set("usage", JSON.readTree(usageJson));
            return event(n.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(usageJson, e);
        }
    }

    /** {@code data: [DONE]}, and the body ends. */
    public ScriptedReply done() {
        return event("[DONE]").build();
    }

    /** An in-stream error chunk, {@code data: {"error":{"message":..,"type":..,"code":..}}}. */
    public OpenAiChatScript error(String message, String type, int code) {
        ObjectNode n = JSON.createObjectNode();
        n.putObject("error").put("message", message).put("type", type).put("code", code);
        return event(n.toString());
    }

    /** One SSE event {@code data: TEXT} followed by the blank line. */
    public OpenAiChatScript event(String data) {
        return raw("data: " + data + "\n\n");
    }

    private OpenAiChatScript chunk(ObjectNode delta, String finishReason) {
        ObjectNode n = base();
        ObjectNode choice = n.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return event(n.toString());
    }

    private ObjectNode delta(String reasoning, String content) {
        ObjectNode d = JSON.createObjectNode().put("role", "assistant");
        if (reasoning != null) {
            d.put(reasoningField, reasoning);
        }
        d.put("content", content);
        return d;
    }

    private ObjectNode base() {
        return JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion.chunk")
                .put("created", 1_750_000_000L).put("model", model);
    }
}
