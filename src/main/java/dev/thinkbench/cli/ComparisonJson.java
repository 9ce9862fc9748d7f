package dev.thinkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.Grade;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.TokenCount;
import dev.thinkbench.core.Trace;

import java.util.List;

/**
 * The JSON form of a finished comparison, as documented for {@code compare --format json}; with {@code --expected}
 * each run adds {@code expected}, {@code extracted} and {@code correct} (true, false, or null when the run did not
 * finish or cannot be graded), and with {@code --priced-as} the output and each run costed at that estimate add
 * {@code pricedAs}.
 */
final class ComparisonJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ComparisonJson() {
    }

    static String write(String prompt, String engine, String model, List<ColumnResult> runs) {
        return write(prompt, engine, model, runs, ComparisonPrinter.Extras.NONE);
    }

    static String write(String prompt, String engine, String model, List<ColumnResult> runs,
                        ComparisonPrinter.Extras extras) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("prompt", prompt);
        root.put("engine", engine);
        root.put("model", model);
        if (extras.pricedAs() != null) {
            root.put("pricedAs", extras.pricedAs().displayName());
        }
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
            if (extras.expected() != null) {
                Grade g = AnswerGrader.grade(trace.answer(), extras.expected());
                r.put("expected", extras.expected());
                r.put("extracted", g.extracted());
                Boolean correct = run.status() == RunStatus.OK ? g.correct() : null;
                if (correct == null) {
                    r.putNull("correct");
                } else {
                    r.put("correct", correct);
                }
            }
            if (extras.pricedAs() != null && m.cost().known()
                    && extras.pricedAs().source().equals(m.cost().note())) {
                r.put("pricedAs", extras.pricedAs().displayName());
            }
            ObjectNode metrics = r.putObject("metrics");
            put(metrics, "promptTokens", m.promptTokens().value());
            put(metrics, "thinkingTokens", m.thinkingTokens().value());
            metrics.put("thinkingTokensSource", source(m.thinkingTokens()));
            put(metrics, "answerTokens", m.answerTokens().value());
            put(metrics, "outputTokens", m.outputTokens());
            put(metrics, "timeToFirstThinkingMs", m.timeToFirstThinkingMs());
            put(metrics, "timeToFirstAnswerMs", m.timeToFirstAnswerMs());
            put(metrics, "thinkingMs", m.thinkingMs());
            put(metrics, "totalMs", m.totalMs());
            put(metrics, "modelLoadMs", m.modelLoadMs());
            put(metrics, "generationMs", m.generationMs());
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
