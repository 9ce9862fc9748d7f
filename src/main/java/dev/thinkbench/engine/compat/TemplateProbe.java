package dev.thinkbench.engine.compat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.stream.ChatServer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Asks an OpenAI-compatible server whether its chat template ends the prompt inside thinking: llama-server renders
 * its prompt at {@code POST /apply-template}, and a prompt that ends with {@code <think>} (DeepSeek-R1 distills, QwQ,
 * Thinkbench's micro model) means the reply starts thinking without the tag and closes it with {@code </think>}. A
 * server without the endpoint (vLLM, LM Studio, a hosted API) answers no. Answers are kept per model for
 * {@link #FRESH_NANOS}, so a sweep asks about once, and a server restarted with another model is asked again soon;
 * a server that cannot be reached is not remembered (the run itself will say so).
 *
 * <p>Thread-safe.
 */
final class TemplateProbe {

    /** How long an answer is kept. */
    static final long FRESH_NANOS = 30_000_000_000L;

    private record Known(boolean opens, long at) {
    }

    private final ChatServer server;
    private final LongSupplier nanoTime;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    TemplateProbe(ChatServer server, LongSupplier nanoTime) {
        this.server = server;
        this.nanoTime = nanoTime;
    }

    /** Whether the server's template for {@code model} opens the thinking in the prompt. Blocks on a first ask. */
    boolean opensThinking(String model) {
        String key = model == null ? "" : model;
        long now = nanoTime.getAsLong();
        Known k = known.get(key);
        if (k != null && now - k.at() < FRESH_NANOS) {
            return k.opens();
        }
        boolean opens;
        try {
            JsonNode answer = server.postJsonAtRoot("apply-template", Map.of("model", key, "messages",
                    java.util.List.of(Map.of("role", "user", "content", "1 + 1 = ?"))));
            opens = answer.path("prompt").asText("").stripTrailing().endsWith("<think>");
        } catch (EngineException e) {
            if (e.httpStatus().isEmpty() && e.kind() != FailureKind.MALFORMED_STREAM) {
                return false; // not reached: asked again next time
            }
            opens = false; // no such endpoint, or an answer it does not understand: the server does not tell
        }
        known.put(key, new Known(opens, now));
        return opens;
    }
}
