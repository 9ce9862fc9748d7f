package dev.thinkbench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loopback DeepSeek API with chat prefix completion at {@code /beta/chat/completions}: SSE deltas with
 * {@code reasoning_content}, then {@code content}, a final {@code finish_reason}, a usage event and {@code [DONE]}.
 * A scripted token {@code </think>} marks where the simulated model ends its reasoning and starts the answer (the
 * marker itself is never sent, as on the real API). Needs {@code Authorization: Bearer <key>}.
 */
public final class DeepSeekTestServer extends ScriptedHttpServer {

    private volatile String finishReason;

    private final String key;

    public DeepSeekTestServer(String key) {
        this.key = key;
    }

    /** The beta base URL clients should use. */
    public URI betaUrl() {
        return URI.create(baseUrl() + "/beta");
    }

    @Override
    protected void handle(HttpExchange ex, String path, JsonNode body) throws IOException {
        if (!("Bearer " + key).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            sendJson(ex, 401, "{\"error\":{\"message\":\"Authentication Fails, Your api key is invalid\"}}");
            return;
        }
        switch (path) {
            case "/beta/chat/completions" -> chat(ex, body);
            case "/beta/models" -> sendJson(ex, 200, "{\"data\":[{\"id\":\"deepseek-reasoner\"}]}");
            default -> sendJson(ex, 404, "{\"error\":{\"message\":\"Not Found\"}}");
        }
    }

    /**
     * From now on every reply ends with this {@code finish_reason} instead of {@code stop} or {@code length} (e.g.
     * DeepSeek's {@code insufficient_system_resource}); null goes back to the generation's own.
     */
    public void finishWith(String reason) {
        this.finishReason = reason;
    }

    private void chat(HttpExchange ex, JsonNode body) throws IOException {
        ScriptStep step = nextStep();
        if (fault(ex, step, "text/event-stream", t -> delta("reasoning_content", t))) {
            return;
        }
        SimulatedModel.Generation gen = generate(((ScriptStep.Reply) step).tokens(),
                body.path("max_tokens").asInt(Integer.MAX_VALUE), List.of());
        OutputStream out = openStream(ex, "text/event-stream");
        boolean reasoning = true;
        int reasoningTokens = 0;
        for (String p : gen.pieces()) {
            if (p.equals("</think>")) {
                reasoning = false;
                continue;
            }
            reasoningTokens += reasoning ? 1 : 0;
            write(out, delta(reasoning ? "reasoning_content" : "content", p));
        }
        Map<String, Object> choice = new HashMap<>();
        choice.put("index", 0);
        choice.put("delta", Map.of());
        String forced = finishReason;
        choice.put("finish_reason", forced != null ? forced
                : gen.end() == SimulatedModel.End.LIMIT ? "length" : "stop");
        write(out, "data: " + json(Map.of("choices", List.of(choice))) + "\n\n");
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("prompt_tokens", 20);
        usage.put("completion_tokens", gen.tokens());
        usage.put("prompt_cache_hit_tokens", 12);
        usage.put("prompt_cache_miss_tokens", 8);
        usage.put("completion_tokens_details", Map.of("reasoning_tokens", reasoningTokens));
        write(out, "data: " + json(Map.of("choices", new ArrayList<>(), "usage", usage)) + "\n\n");
        write(out, "data: [DONE]\n\n");
    }

    private static String delta(String field, String text) {
        Map<String, Object> choice = new HashMap<>();
        choice.put("index", 0);
        choice.put("delta", Map.of(field, text));
        choice.put("finish_reason", null);
        return "data: " + json(Map.of("choices", List.of(choice))) + "\n\n";
    }
}
