package dev.thinkbench.lab.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.TokenProbability;
import dev.thinkbench.core.Usage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One {@link ReasoningEvent} as a JSON object: {@code t} (nanoseconds from the run's start), {@code type}, then the
 * type's fields (see the README's "Sessions"). Enum values are written in lower case. Stateless; any thread.
 */
final class EventJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventJson() {
    }

    /** {@code e} as JSON, every text passed through {@code text} (the writer masks secrets there). */
    static ObjectNode write(ReasoningEvent e, UnaryOperator<String> text) {
        ObjectNode o = NODES.objectNode();
        o.put("t", e.nanos());
        switch (e) {
            case ReasoningEvent.Started s -> {
                o.put("type", "started");
                o.put("model", text.apply(s.model()));
                o.put("budget", text.apply(s.budgetSpec()));
                if (s.modelLoadMs() != null) {
                    o.put("modelLoadMs", s.modelLoadMs());
                }
            }
            case ReasoningEvent.ThinkingDelta d -> {
                o.put("type", "thinking");
                o.put("text", text.apply(d.text()));
                o.put("tokens", d.tokens());
                if (d.summary()) {
                    o.put("summary", true);
                }
            }
            case ReasoningEvent.TokenConfidence c -> {
                o.put("type", "confidence");
                o.put("thinking", c.thinking());
                writeTokens(o.putArray("tokens"), c.tokens(), text);
            }
            case ReasoningEvent.AnswerDelta d -> {
                o.put("type", "answer");
                o.put("text", text.apply(d.text()));
                o.put("tokens", d.tokens());
            }
            case ReasoningEvent.Intervention i -> {
                o.put("type", "intervention");
                o.put("kind", lower(i.kind()));
                o.put("text", text.apply(i.text()));
                o.put("thinkingTokensSoFar", i.thinkingTokensSoFar());
                o.put("reason", text.apply(i.reason()));
            }
            case ReasoningEvent.RetryWaiting w -> {
                o.put("type", "retry-waiting");
                o.put("waitMillis", w.waitMillis());
                o.put("reason", text.apply(w.reason()));
            }
            case ReasoningEvent.UsageReported u -> {
                o.put("type", "usage");
                o.put("promptTokens", u.usage().promptTokens());
                o.put("outputTokens", u.usage().outputTokens());
                o.put("thinkingTokens", u.usage().thinkingTokens());
                if (u.usage().cachedPromptTokens() != null) {
                    o.put("cachedPromptTokens", u.usage().cachedPromptTokens());
                }
            }
            case ReasoningEvent.Finished f -> {
                o.put("type", "finished");
                o.put("reason", lower(f.reason()));
            }
            case ReasoningEvent.Cancelled c -> o.put("type", "cancelled");
            case ReasoningEvent.Failed f -> {
                o.put("type", "failed");
                o.put("kind", lower(f.kind()));
                o.put("message", text.apply(f.message()));
                if (f.retryAfter() != null) {
                    o.put("retryAfterMs", f.retryAfter().toMillis());
                }
            }
        }
        return o;
    }

    /**
     * Reads one event.
     *
     * @throws IllegalArgumentException saying what is wrong with it (the caller adds where it is)
     */
    static ReasoningEvent read(JsonNode o) {
        if (!o.isObject()) {
            throw new IllegalArgumentException("an event is not a JSON object");
        }
        long t = Fields.requiredLong(o, "t");
        if (t < 0) {
            throw new IllegalArgumentException("event time t is negative");
        }
        String type = Fields.requiredText(o, "type");
        return switch (type) {
            case "started" -> new ReasoningEvent.Started(t, Fields.text(o, "model"), Fields.text(o, "budget"),
                    Fields.longOrNull(o, "modelLoadMs"));
            case "thinking" -> new ReasoningEvent.ThinkingDelta(t, Fields.requiredText(o, "text"),
                    Fields.intOr(o, "tokens", 0), Fields.bool(o, "summary"));
            case "confidence" -> new ReasoningEvent.TokenConfidence(t, Fields.bool(o, "thinking"), tokens(o));
            case "answer" -> new ReasoningEvent.AnswerDelta(t, Fields.requiredText(o, "text"),
                    Fields.intOr(o, "tokens", 0));
            case "intervention" -> new ReasoningEvent.Intervention(t,
                    Fields.enumValue(o, "kind", InterventionKind.class), Fields.text(o, "text"),
                    Fields.intOr(o, "thinkingTokensSoFar", 0), Fields.text(o, "reason"));
            case "retry-waiting" -> new ReasoningEvent.RetryWaiting(t, Fields.requiredLong(o, "waitMillis"),
                    Fields.text(o, "reason"));
            case "usage" -> new ReasoningEvent.UsageReported(t, new Usage(Fields.integer(o, "promptTokens"),
                    Fields.integer(o, "outputTokens"), Fields.integer(o, "thinkingTokens"),
                    Fields.integer(o, "cachedPromptTokens")));
            case "finished" -> new ReasoningEvent.Finished(t,
                    Fields.enumValue(o, "reason", ReasoningEvent.StopReason.class));
            case "cancelled" -> new ReasoningEvent.Cancelled(t);
            case "failed" -> new ReasoningEvent.Failed(t, Fields.enumValue(o, "kind", FailureKind.class),
                    Fields.text(o, "message"), Fields.present(o, "retryAfterMs")
                    ? Duration.ofMillis(Fields.requiredLong(o, "retryAfterMs")) : null);
            default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
        };
    }

    /**
     * A confidence event's tokens: {@code [[text, probability], ...]}, a token where the model hesitated with its
     * alternatives as a third element, {@code [text, probability, [[text, probability], ...]]}.
     */
    private static List<TokenProbability> tokens(JsonNode o) {
        return readTokens(o.get("tokens"));
    }

    /** Writes tokens as {@link #readTokens} reads them, each text through {@code text}. */
    static void writeTokens(ArrayNode into, List<TokenProbability> tokens, UnaryOperator<String> text) {
        for (TokenProbability p : tokens) {
            ArrayNode token = into.addArray().add(text.apply(p.text())).add(p.probability());
            if (!p.alternatives().isEmpty()) {
                ArrayNode alternatives = token.addArray();
                for (TokenProbability.Alternative a : p.alternatives()) {
                    alternatives.addArray().add(text.apply(a.text())).add(a.probability());
                }
            }
        }
    }

    /** Tokens as a confidence event or a stepper step keeps them (see {@link #tokens(JsonNode)}). */
    static List<TokenProbability> readTokens(JsonNode list) {
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("tokens must be a list of [text, probability]");
        }
        List<TokenProbability> out = new ArrayList<>();
        for (JsonNode token : list) {
            if (!token.isArray() || token.size() < 2 || token.size() > 3) {
                throw new IllegalArgumentException("a token must be [text, probability] or [text, probability, "
                        + "alternatives]");
            }
            List<TokenProbability.Alternative> alternatives = new ArrayList<>();
            if (token.size() == 3) {
                if (!token.get(2).isArray()) {
                    throw new IllegalArgumentException("a token's alternatives must be a list of [text, probability]");
                }
                for (JsonNode a : token.get(2)) {
                    alternatives.add(new TokenProbability.Alternative(pairText(a), pairProbability(a)));
                }
            }
            out.add(new TokenProbability(pairText(token), pairProbability(token), alternatives));
        }
        return out;
    }

    private static String pairText(JsonNode pair) {
        if (!pair.isArray() || pair.size() < 2 || !pair.get(0).isTextual() || !pair.get(1).isNumber()) {
            throw new IllegalArgumentException("a token must be [text, probability]");
        }
        return pair.get(0).asText();
    }

    private static double pairProbability(JsonNode pair) {
        double p = pair.get(1).asDouble();
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a token's probability is between 0 and 1, was " + p);
        }
        return p;
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
