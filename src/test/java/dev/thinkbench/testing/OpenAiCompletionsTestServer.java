package dev.thinkbench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loopback OpenAI-compatible completions server in vLLM's dialect: {@code POST /v1/completions} streamed as SSE,
 * {@code max_tokens} defaulting to 16 when absent (as vLLM does), {@code finish_reason} plus vLLM's
 * {@code stop_reason}, a usage event when {@code stream_options.include_usage}, then {@code [DONE]}. With
 * {@link #requireKey} it answers 401 to a wrong bearer token.
 */
public final class OpenAiCompletionsTestServer extends ScriptedHttpServer {

    private volatile String key;
    private volatile boolean usage = true;

    public OpenAiCompletionsTestServer requireKey(String expected) {
        this.key = expected;
        return this;
    }

    /** Simulates vLLM or LM Studio that send no usage event although it was asked for. */
    public OpenAiCompletionsTestServer withoutUsage() {
        this.usage = false;
        return this;
    }

    @Override
    protected void handle(HttpExchange ex, String path, JsonNode body) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (key != null && !("Bearer " + key).equals(auth)) {
            sendJson(ex, 401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"auth\"}}");
            return;
        }
        switch (path) {
            case "/v1/completions" -> completion(ex, body);
            case "/v1/models" -> sendJson(ex, 200, "{\"data\":[{\"id\":\"sim-model\",\"owned_by\":\"vllm\"}]}");
            default -> sendJson(ex, 404, "{\"detail\":\"Not Found\"}");
        }
    }

    private void completion(HttpExchange ex, JsonNode body) throws IOException {
        ScriptStep step = nextStep();
        if (fault(ex, step, "text/event-stream", OpenAiCompletionsTestServer::piece)) {
            return;
        }
        SimulatedModel.Generation gen = generate(((ScriptStep.Reply) step).tokens(),
                body.path("max_tokens").asInt(16), stops(body.path("stop")));
        OutputStream out = openStream(ex, "text/event-stream");
        for (String p : gen.pieces()) {
            write(out, piece(p));
        }
        Map<String, Object> choice = new HashMap<>();
        choice.put("index", 0);
        choice.put("text", "");
        choice.put("finish_reason", gen.end() == SimulatedModel.End.LIMIT ? "length" : "stop");
        choice.put("stop_reason", gen.end() == SimulatedModel.End.WORD ? gen.stoppingWord() : null);
        write(out, "data: " + json(Map.of("choices", List.of(choice))) + "\n\n");
        if (usage && body.path("stream_options").path("include_usage").asBoolean(false)) {
            int prompt = SimulatedModel.countTokens(body.path("prompt").asText());
            Map<String, Object> usage = new LinkedHashMap<>();
            usage.put("prompt_tokens", prompt);
            usage.put("completion_tokens", gen.tokens());
            usage.put("total_tokens", prompt + gen.tokens());
            write(out, "data: " + json(Map.of("choices", new ArrayList<>(), "usage", usage)) + "\n\n");
        }
        write(out, "data: [DONE]\n\n");
    }

    private static String piece(String text) {
        Map<String, Object> choice = new HashMap<>();
        choice.put("index", 0);
        choice.put("text", text);
        choice.put("finish_reason", null);
        return "data: " + json(Map.of("id", "cmpl-sim", "object", "text_completion", "choices", List.of(choice)))
                + "\n\n";
    }
}
