package dev.thinkbench.lab.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@link SweepRecord} as one JSON line, fields in the documented order: {@code problemId, label, budget, strategy,
 * sample, status, answer, expected, correct, thinkingTokens, answerTokens, totalMs, costUsd, endpoint}, then
 * {@code error}, {@code ranWith} (the model and sampling, and the built-in engine's context size),
 * {@code strategySettings} only for a strategy that has settings (e.g. {@code 5 candidates}), {@code note} only for a
 * run whose strategy said how it picked (e.g. {@code 3 of 5 votes for 42}; lines without it read as having none), and
 * {@code gradeOverridden: true} only on a line whose grade a person set; unknowns as null.
 * Stateless; any thread.
 */
public final class SweepRecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepRecordJson() {
    }

    public static String line(SweepRecord r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("problemId", r.problemId());
        o.put("label", r.label());
        o.put("budget", r.budget());
        o.put("strategy", r.strategy());
        o.put("sample", r.sample());
        o.put("status", r.status());
        o.put("answer", r.answer());
        o.put("expected", r.expected());
        o.put("correct", r.correct());
        o.put("thinkingTokens", r.thinkingTokens());
        o.put("answerTokens", r.answerTokens());
        o.put("totalMs", r.totalMs());
        o.put("costUsd", r.costUsd());
        o.put("endpoint", r.endpoint());
        o.put("error", r.error());
        if (!r.ranWith().isEmpty()) {
            o.put("ranWith", r.ranWith());
        }
        if (!r.strategySettings().isEmpty()) {
            o.put("strategySettings", r.strategySettings());
        }
        if (r.note() != null) {
            o.put("note", r.note());
        }
        if (r.gradeOverridden()) {
            o.put("gradeOverridden", true);
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a result as JSON", e);
        }
    }

    /**
     * Reads one line back.
     *
     * @throws IllegalArgumentException saying what is wrong: not JSON, not an object, a required field missing
     */
    public static SweepRecord parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON ("
                    + dev.thinkbench.core.FileProblems.jsonReason(e.getOriginalMessage()) + ")", e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (String required : new String[] {"problemId", "label", "budget", "strategy", "status"}) {
            if (!n.path(required).isTextual()) {
                throw new IllegalArgumentException("no \"" + required + "\"");
            }
        }
        return new SweepRecord(n.get("problemId").asText(), n.get("label").asText(), n.get("budget").asText(),
                n.get("strategy").asText(), n.path("sample").asInt(0), n.get("status").asText(), text(n, "answer"),
                text(n, "expected"), n.path("correct").isBoolean() ? n.get("correct").asBoolean() : null,
                integer(n, "thinkingTokens"), integer(n, "answerTokens"),
                n.path("totalMs").isNumber() ? n.get("totalMs").asLong() : null,
                n.path("costUsd").isNumber() ? n.get("costUsd").asDouble() : null, text(n, "endpoint"),
                text(n, "error"), n.path("gradeOverridden").asBoolean(false), text(n, "strategySettings"),
                text(n, "ranWith"), text(n, "note"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }

    private static Integer integer(JsonNode n, String field) {
        return n.path(field).isNumber() ? n.get(field).asInt() : null;
    }
}
