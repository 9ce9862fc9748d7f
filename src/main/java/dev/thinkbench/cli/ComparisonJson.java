package dev.thinkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.TokenCount;
import dev.thinkbench.core.Trace;

import java.util.List;

/** The JSON form of a finished comparison, as documented for {@code compare --format json}. */
final class ComparisonJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ComparisonJson() {
    }

    static String write(String prompt, String engine, String model, List<ColumnResult> runs) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("prompt", prompt);
        root.put("engine", engine);
        root.put("model", model);
        ArrayNode list = root.putArray("runs");
        for (ColumnResult run : runs) {
            Trace trace = run.trace();
            RunMetrics m = run.metrics();
            ObjectNode r = list.addObject();
            r.put("label", run.label());
            r.put("budget", run.budget());
            r.put("status", run.status().wireName());
            r.put("error", run.error());
            r.put("thinking", trace.thinking());
            r.put("thinkingIsSummary", trace.thinkingSummary());
            r.put("answer", trace.answer());
            ObjectNode metrics = r.putObject("metrics");
            put(metrics, "promptTokens", m.promptTokens().value());
            put(metrics, "thinkingTokens", m.thinkingTokens().value());
            metrics.put("thinkingTokensSource", source(m.thinkingTokens()));
            put(metrics, "answerTokens", m.answerTokens().value());
            put(metrics, "timeToFirstThinkingMs", m.timeToFirstThinkingMs());
            put(metrics, "timeToFirstAnswerMs", m.timeToFirstAnswerMs());
            put(metrics, "thinkingMs", m.thinkingMs());
            put(metrics, "totalMs", m.totalMs());
            if (m.tokensPerSecond() == null) {
                metrics.putNull("tokensPerSecond");
            } else {
                metrics.put("tokensPerSecond", Math.round(m.tokensPerSecond() * 10) / 10.0);
            }
            if (m.cost().known()) {
                metrics.put("costUsd", m.cost().amount());
            } else {
                metrics.putNull("costUsd");
            }
            metrics.put("waits", m.waits());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write comparison JSON", e);
        }
    }

    private static String source(TokenCount c) {
        return switch (c.source()) {
            case REPORTED -> "reported";
            case COUNTED -> "counted";
            case UNKNOWN -> null;
        };
    }

    private static void put(ObjectNode node, String name, Number value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value.longValue());
        }
    }
}
