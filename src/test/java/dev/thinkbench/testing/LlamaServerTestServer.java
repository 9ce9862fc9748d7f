package dev.thinkbench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * A loopback llama.cpp {@code llama-server}: {@code POST /completion} streamed as SSE with llama.cpp's final event
 * ({@code stop_type}, {@code stopping_word}, {@code tokens_predicted}, {@code tokens_evaluated},
 * {@code tokens_cached}, {@code timings.prompt_n}), {@code GET /props}, {@code POST /tokenize}, {@code GET /v1/models}.
 * It simulates the prompt cache: with {@code cache_prompt} only the tokens after the longest common prefix with the
 * previous prompt plus its generation are evaluated. An optional cost per evaluated and generated token (busy wait)
 * lets a benchmark see the difference; tests leave it at zero.
 */
public final class LlamaServerTestServer extends ScriptedHttpServer {

    private String cached = "";
    private volatile String chatTemplate = "";
    private volatile long nanosPerPromptToken;
    private volatile long nanosPerGeneratedToken;

    public LlamaServerTestServer withChatTemplate(String template) {
        this.chatTemplate = template;
        return this;
    }

    /** Simulated compute: each evaluated prompt token and each generated token costs this long. */
    public LlamaServerTestServer withCost(long nanosPerPromptToken, long nanosPerGeneratedToken) {
        this.nanosPerPromptToken = nanosPerPromptToken;
        this.nanosPerGeneratedToken = nanosPerGeneratedToken;
        return this;
    }

    @Override
    protected void handle(HttpExchange ex, String path, JsonNode body) throws IOException {
        switch (path) {
            case "/completion" -> completion(ex, body);
            case "/props" -> sendJson(ex, 200, json(Map.of("chat_template", chatTemplate)));
            case "/tokenize" -> sendJson(ex, 200, json(Map.of("tokens",
                    SimulatedModel.tokenize(body.path("content").asText()).stream().map(String::length).toList())));
            case "/v1/models" -> sendJson(ex, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"sim.gguf\"}]}");
            default -> sendJson(ex, 404, "{\"error\":{\"code\":404,\"message\":\"File Not Found\"}}");
        }
    }

    private void completion(HttpExchange ex, JsonNode body) throws IOException {
        ScriptStep step = nextStep();
        if (fault(ex, step, "text/event-stream", LlamaServerTestServer::piece)) {
            return;
        }
        String prompt = body.path("prompt").asText();
        int cap = body.path("n_predict").asInt(-1);
        SimulatedModel.Generation gen = generate(((ScriptStep.Reply) step).tokens(),
                cap < 0 ? Integer.MAX_VALUE : cap, stops(body.path("stop")));
        int total = SimulatedModel.countTokens(prompt);
        int evaluated;
        synchronized (this) {
            evaluated = body.path("cache_prompt").asBoolean(true) ? SimulatedModel.uncachedTokens(cached, prompt)
                    : total;
            cached = prompt + gen.text();
        }
        spin(evaluated * nanosPerPromptToken);
        OutputStream out = openStream(ex, "text/event-stream");
        int i = 0;
        for (String p : gen.pieces()) {
            spin(nanosPerGeneratedToken);
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("content", p);
            event.put("stop", false);
            event.put("tokens_predicted", ++i);
            event.put("tokens_evaluated", total);
            write(out, "data: " + json(event) + "\n\n");
        }
        write(out, "data: " + json(finalEvent(gen, total, evaluated)) + "\n\n");
    }

    private static Map<String, Object> finalEvent(SimulatedModel.Generation gen, int total, int evaluated) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("content", "");
        event.put("stop", true);
        event.put("stop_type", gen.end().name().toLowerCase(java.util.Locale.ROOT));
        event.put("stopping_word", gen.stoppingWord());
        event.put("tokens_predicted", gen.tokens());
        event.put("tokens_evaluated", total);
        event.put("tokens_cached", total - evaluated + gen.tokens());
        event.put("truncated", false);
        event.put("timings", Map.of("prompt_n", evaluated, "predicted_n", gen.tokens()));
        return event;
    }

    private static String piece(String text) {
        return "data: " + json(Map.of("content", text, "stop", false)) + "\n\n";
    }

    private static void spin(long nanos) {
        if (nanos > 0) {
            LockSupport.parkNanos(nanos);
        }
    }

    /** The prompts of all {@code /completion} requests, in order. */
    public List<String> prompts() {
        return bodies("/completion").stream().map(b -> b.path("prompt").asText()).toList();
    }
}
