package dev.thinkbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.SweepOutcome;
import dev.thinkbench.lab.sweep.SweepSummary;

/**
 * {@code sweep --format json}: exactly {@code {"summary": [{"label", "budget", "strategy", "n", "correct", "accuracy",
 * "meanThinkingTokens", "meanTotalMs", "costUsd"}...], "runs": N, "failed": N, "wallMs": N, "interrupted": B}};
 * unknowns are null. {@code interrupted} is true when Ctrl-C stopped the sweep: the summary is of the runs that had
 * finished.
 */
final class SweepJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepJson() {
    }

    static String write(SweepOutcome outcome, boolean interrupted) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode summary = root.putArray("summary");
        for (SummaryRow r : SweepSummary.rows(outcome.records())) {
            ObjectNode o = summary.addObject();
            o.put("label", r.label());
            o.put("budget", r.budget());
            o.put("strategy", r.strategy());
            o.put("n", r.n());
            o.put("correct", r.correct());
            o.put("accuracy", r.accuracy());
            o.put("meanThinkingTokens", r.meanThinkingTokens());
            o.put("meanTotalMs", r.meanTotalMs());
            o.put("costUsd", r.costUsd());
        }
        root.put("runs", outcome.runs());
        root.put("failed", outcome.failed());
        root.put("wallMs", outcome.wallMs());
        root.put("interrupted", interrupted);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the sweep summary as JSON", e);
        }
    }
}
