package dev.thinkbench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A loopback Ollama: {@code POST /api/generate} streamed as NDJSON (one JSON object per line, {@code done:true} with
 * {@code done_reason}, {@code prompt_eval_count}, {@code prompt_eval_cached_count} and {@code eval_count} last),
 * {@code GET /api/tags}, and 404 {@code model 'x' not found} for models it does not have. Like Ollama since mid-2024,
 * {@code prompt_eval_count} is the whole prompt; a simulated prompt cache (the previous prompt and its generation)
 * decides the cached count.
 */
public final class OllamaTestServer extends ScriptedHttpServer {

    private final Set<String> models;
    private String cached = "";

    public OllamaTestServer(String... models) {
        this.models = Set.of(models);
    }

    @Override
    protected void handle(HttpExchange ex, String path, JsonNode body) throws IOException {
        switch (path) {
            case "/api/generate" -> generate(ex, body);
            case "/api/tags" -> sendJson(ex, 200, json(Map.of("models", models.stream().map(m -> Map.of("name", m,
                    "details", Map.of("parameter_size", "1.5B", "quantization_level", "Q4_K_M",
                            "family", "qwen2"))).toList())));
            default -> sendJson(ex, 404, "404 page not found");
        }
    }

    private void generate(HttpExchange ex, JsonNode body) throws IOException {
        String model = body.path("model").asText();
        if (!models.contains(model)) {
            sendJson(ex, 404, "{\"error\":\"model '" + model + "' not found\"}");
            return;
        }
        ScriptStep step = nextStep();
        if (fault(ex, step, "application/x-ndjson", t -> line(model, t))) {
            return;
        }
        JsonNode options = body.path("options");
        SimulatedModel.Generation gen = generate(((ScriptStep.Reply) step).tokens(),
                options.path("num_predict").asInt(Integer.MAX_VALUE), stops(options.path("stop")));
        String prompt = body.path("prompt").asText();
        int evaluated;
        synchronized (this) {
            evaluated = SimulatedModel.uncachedTokens(cached, prompt);
            cached = prompt + gen.text();
        }
        OutputStream out = openStream(ex, "application/x-ndjson");
        for (String p : gen.pieces()) {
            write(out, line(model, p));
        }
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("model", model);
        last.put("created_at", "2026-01-01T00:00:00Z");
        last.put("response", "");
        last.put("done", true);
        last.put("done_reason", gen.end() == SimulatedModel.End.LIMIT ? "length" : "stop");
        int total = SimulatedModel.countTokens(prompt);
        last.put("prompt_eval_count", total);
        last.put("prompt_eval_cached_count", total - evaluated);
        last.put("eval_count", gen.tokens());
        write(out, json(last) + "\n");
    }

    private static String line(String model, String text) {
        Map<String, Object> chunk = new LinkedHashMap<>();
        chunk.put("model", model);
        chunk.put("created_at", "2026-01-01T00:00:00Z");
        chunk.put("response", text);
        chunk.put("done", false);
        return json(chunk) + "\n";
    }
}
