package dev.thinkbench.engine.compat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.stream.ChatServer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Asks an OpenAI-compatible server what its chat template does with a prompt, where the server tells: llama-server
 * renders its prompt at {@code POST /apply-template}, and a prompt that ends with {@code <think>} (DeepSeek-R1
 * distills, QwQ, Thinkbench's micro model) means the reply starts thinking without the tag and closes it with
 * {@code </think>}; its {@code GET /props} says in {@code chat_template_caps.supports_reasoning_effort} whether the
 * template reads {@code reasoning_effort} at all (most do not: only then do effort levels differ). A server without
 * these endpoints (vLLM, LM Studio, a hosted API) tells nothing, and nothing is assumed. Answers are kept per model for
 * {@link #FRESH_NANOS}, so a sweep asks about once, and a server restarted with another model is asked again soon;
 * a server that cannot be reached is not remembered (the run itself will say so).
 *
 * <p>Thread-safe.
 */
final class TemplateProbe {

    /** How long an answer is kept. */
    static final long FRESH_NANOS = 30_000_000_000L;

    /**
     * What the server told about its template.
     *
     * @param opensThinking the prompt ends inside the thinking
     * @param ignoresEffort the server said its template does not read {@code reasoning_effort}
     */
    record Template(boolean opensThinking, boolean ignoresEffort) {

        /** A server that tells nothing. */
        static final Template UNTOLD = new Template(false, false);
    }

    private record Known(Template template, long at) {
    }

    private final ChatServer server;
    private final LongSupplier nanoTime;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    TemplateProbe(ChatServer server, LongSupplier nanoTime) {
        this.server = server;
        this.nanoTime = nanoTime;
    }

    /** What the server's template for {@code model} does. Blocks on a first ask. */
    Template template(String model) {
        String key = model == null ? "" : model;
        long now = nanoTime.getAsLong();
        Known k = known.get(key);
        if (k != null && now - k.at() < FRESH_NANOS) {
            return k.template();
        }
        boolean opens;
        try {
            JsonNode answer = server.postJsonAtRoot("apply-template", Map.of("model", key, "messages",
                    List.of(Map.of("role", "user", "content", "1 + 1 = ?"))));
            opens = answer.path("prompt").asText("").stripTrailing().endsWith("<think>");
        } catch (EngineException e) {
            if (notReached(e)) {
                return Template.UNTOLD; // asked again next time
            }
            known.put(key, new Known(Template.UNTOLD, now)); // no such endpoint: the server does not tell
            return Template.UNTOLD;
        }
        Template template = new Template(opens, ignoresEffort(key));
        known.put(key, new Known(template, now));
        return template;
    }

    /** Whether the server's template for {@code model} opens the thinking in the prompt. Blocks on a first ask. */
    boolean opensThinking(String model) {
        return template(model).opensThinking();
    }

    /** llama-server's word on {@code reasoning_effort}; false when it does not say (older servers). */
    private boolean ignoresEffort(String model) {
        try {
            JsonNode props = server.getJsonAtRoot(model.isEmpty() ? "props"
                    : "props?model=" + URLEncoder.encode(model, StandardCharsets.UTF_8));
            JsonNode reads = props.path("chat_template_caps").path("supports_reasoning_effort");
            return reads.isBoolean() && !reads.booleanValue();
        } catch (EngineException e) {
            return false;
        }
    }

    private static boolean notReached(EngineException e) {
        return e.httpStatus().isEmpty() && e.kind() != FailureKind.MALFORMED_STREAM;
    }
}
