package dev.thinkbench.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A test double's script: OpenAI's Responses stream as its SDK types document it, named events whose data repeats the
 * name in {@code type}: {@code response.created}, a reasoning item with {@code response.reasoning_summary_part.added}
 * and {@code response.reasoning_summary_text.delta}s, a message item with {@code response.output_text.delta}s, then
 * {@code response.completed} (or {@code response.incomplete}) carrying {@code usage} with
 * {@code output_tokens_details.reasoning_tokens}; or {@code response.failed} / {@code error}.
 *
 * <pre>{@code
 * ResponsesScript.of("gpt-5.5").created().summary("**Counting**", " the r's").text("3").completed(20, 150, 140)
 * }</pre>
 */
public final class ResponsesScript extends ReplyBuilder<ResponsesScript> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String model;
    private final StringBuilder summaryText = new StringBuilder();
    private final StringBuilder outputText = new StringBuilder();
    private int sequence;
    private String incompleteReason;
    private int outputIndex = -1;
    private String openItem;

    private ResponsesScript(String model) {
        super("text/event-stream");
        this.model = model;
    }

    public static ResponsesScript of(String model) {
        return new ResponsesScript(model);
    }

    /** {@code response.created} and {@code response.in_progress}. */
    public ResponsesScript created() {
        event("response.created", envelope("response.created").set("response", response("in_progress")));
        return event("response.in_progress", envelope("response.in_progress").set("response",
                response("in_progress")));
    }

    /** Reasoning summary deltas, opening a reasoning item and a summary part first if none is open. */
    public ResponsesScript summary(String... pieces) {
        if (!"reasoning".equals(openItem)) {
            openItem("reasoning", "rs_test");
            event("response.reasoning_summary_part.added", envelope("response.reasoning_summary_part.added")
                    .put("item_id", "rs_test").put("output_index", outputIndex).put("summary_index", 0)
                    .set("part", JSON.createObjectNode().put("type", "summary_text").put("text", "")));
        }
        for (String p : pieces) {
            summaryText.append(p);
            event("response.reasoning_summary_text.delta", envelope("response.reasoning_summary_text.delta")
                    .put("item_id", "rs_test").put("output_index", outputIndex).put("summary_index", 0)
                    .put("delta", p));
        }
        return this;
    }

    /** Output text deltas, opening a message item first if none is open. */
    public ResponsesScript text(String... pieces) {
        if (!"message".equals(openItem)) {
            openItem("message", "msg_test");
        }
        for (String p : pieces) {
            outputText.append(p);
            event("response.output_text.delta", envelope("response.output_text.delta").put("item_id", "msg_test")
                    .put("output_index", outputIndex).put("content_index", 0).put("delta", p));
        }
        return this;
    }

    /** {@code response.completed} with the usage; a null {@code reasoningTokens} leaves the details out. */
    public ResponsesScript completed(int inputTokens, int outputTokens, Integer reasoningTokens) {
        return completed(inputTokens, outputTokens, reasoningTokens, 0);
    }

    /** As {@link #completed(int, int, Integer)}, {@code cachedTokens} of the input read from OpenAI's prompt cache. */
    public ResponsesScript completed(int inputTokens, int outputTokens, Integer reasoningTokens, int cachedTokens) {
        return finished("response.completed", "completed", inputTokens, outputTokens, reasoningTokens, cachedTokens);
    }

    /** {@code response.incomplete}: the output cap was reached. */
    public ResponsesScript incomplete(int inputTokens, int outputTokens, Integer reasoningTokens) {
        return finished("response.incomplete", "incomplete", inputTokens, outputTokens, reasoningTokens, 0);
    }

    /**
     * {@code response.incomplete} with {@code incomplete_details.reason} ({@code max_output_tokens} or
     * {@code content_filter}).
     */
    public ResponsesScript incomplete(int inputTokens, int outputTokens, Integer reasoningTokens, String reason) {
        incompleteReason = reason;
        return incomplete(inputTokens, outputTokens, reasoningTokens);
    }

    /** {@code response.failed} with {@code response.error}. */
    public ResponsesScript failed(String code, String message) {
        ObjectNode response = response("failed");
        response.putObject("error").put("code", code).put("message", message);
        return event("response.failed", envelope("response.failed").set("response", response));
    }

    /** An {@code error} event: {@code {"type":"error","code":..,"message":..}}. */
    public ResponsesScript error(String code, String message) {
        return event("error", envelope("error").put("code", code).put("message", message).putNull("param"));
    }

    /** One named event. */
    public ResponsesScript event(String name, ObjectNode data) {
        return raw("event: " + name + "\ndata: " + data + "\n\n");
    }

    private ResponsesScript finished(String type, String status, int input, int output, Integer reasoning,
                                     int cached) {
        ObjectNode response = response(status);
        if (incompleteReason != null) {
            response.putObject("incomplete_details").put("reason", incompleteReason);
        }
        ArrayNode items = response.putArray("output");
        if (!summaryText.isEmpty()) {
            ObjectNode r = items.addObject().put("type", "reasoning").put("id", "rs_test");
            r.putArray("summary").addObject().put("type", "summary_text").put("text", summaryText.toString());
        }
        if (!outputText.isEmpty()) {
            ObjectNode m = items.addObject().put("type", "message").put("id", "msg_test").put("role", "assistant");
            m.putArray("content").addObject().put("type", "output_text").put("text", outputText.toString());
        }
        ObjectNode usage = response.putObject("usage").put("input_tokens", input).put("output_tokens", output)
                .put("total_tokens", input + output);
        usage.putObject("input_tokens_details").put("cached_tokens", cached);
        if (reasoning != null) {
            usage.putObject("output_tokens_details").put("reasoning_tokens", reasoning);
        }
        return event(type, envelope(type).set("response", response));
    }

    private void openItem(String type, String id) {
        outputIndex++;
        openItem = type;
        ObjectNode item = JSON.createObjectNode().put("type", type).put("id", id);
        event("response.output_item.added", envelope("response.output_item.added").put("output_index", outputIndex)
                .set("item", item));
    }

    private ObjectNode envelope(String type) {
        return JSON.createObjectNode().put("type", type).put("sequence_number", sequence++);
    }

    private ObjectNode response(String status) {
        ObjectNode r = JSON.createObjectNode().put("id", "resp_test").put("object", "response")
                .put("created_at", 1_750_000_000L).put("status", status).put("model", model);
        r.putArray("output");
        return r;
    }
}
