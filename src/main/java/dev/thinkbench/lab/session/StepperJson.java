package dev.thinkbench.lab.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.TokenProbability;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.forcing.AnswerRecord;
import dev.thinkbench.forcing.BranchView;
import dev.thinkbench.forcing.StepRecord;
import dev.thinkbench.forcing.StepperState;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The Stepper part of a session as JSON and back (see {@link SessionJson}). Stateless; any thread. */
final class StepperJson {

    private StepperJson() {
    }

    static ObjectNode write(StepperRecord r, UnaryOperator<String> text) {
        ObjectNode o = SessionJson.MAPPER.createObjectNode();
        o.put("prompt", text.apply(r.prompt()));
        o.put("system", text.apply(r.system()));
        o.put("template", r.template());
        o.put("expected", text.apply(r.expected()));
        o.put("activeBranch", r.activeBranchId());
        ArrayNode branches = o.putArray("branches");
        for (BranchView b : r.branches()) {
            ObjectNode bo = branches.addObject();
            bo.put("id", b.id());
            bo.put("name", text.apply(b.name()));
            bo.put("parent", b.parentId());
            bo.put("forkedAfterSteps", b.forkedAfterSteps());
            bo.put("status", EventJson.lower(b.status()));
            bo.put("reason", text.apply(b.reason()));
            bo.put("thinking", text.apply(b.thinking()));
            bo.put("thinkingTokens", b.thinkingTokens());
            ArrayNode steps = bo.putArray("steps");
            b.steps().forEach(s -> steps.add(step(s, text)));
            ArrayNode answers = bo.putArray("answers");
            for (AnswerRecord a : b.answers()) {
                ObjectNode ao = answers.addObject();
                ao.put("text", text.apply(a.text()));
                ao.put("how", a.how() == null ? null : EventJson.lower(a.how()));
                ao.put("thinkingTokens", a.thinkingTokens());
                ao.put("thinkingSegments", a.thinkingSegments());
                ao.put("withdrawn", a.withdrawn());
            }
            bo.set("events", SessionJson.events(b.events(), text));
        }
        return o;
    }

    private static ObjectNode step(StepRecord s, UnaryOperator<String> text) {
        ObjectNode o = SessionJson.MAPPER.createObjectNode();
        o.put("phase", EventJson.lower(s.phase()));
        o.put("openedBy", s.openedBy() == null ? null : EventJson.lower(s.openedBy()));
        o.put("inserted", text.apply(s.inserted()));
        o.put("text", text.apply(s.text()));
        o.put("tokens", s.tokens());
        o.put("cap", s.cap());
        o.put("promptTokens", s.promptTokens());
        o.put("promptTokensEvaluated", s.promptTokensEvaluated());
        o.put("stop", s.stop() == null ? null : EventJson.lower(s.stop()));
        o.put("note", text.apply(s.note()));
        o.put("start", s.startNanos());
        o.put("end", s.endNanos());
        // the tokens spell the step's text again: where that holds a secret, they are left out
        String spelled = s.confidence().stream().map(TokenProbability::text).collect(Collectors.joining());
        if (!s.confidence().isEmpty() && text.apply(spelled).equals(spelled) && text.apply(s.text()).equals(s.text())) {
            EventJson.writeTokens(o.putArray("confidence"), s.confidence(), text);
        }
        return o;
    }

    static StepperRecord read(JsonNode o) {
        if (!o.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        List<BranchView> branches = new ArrayList<>();
        JsonNode list = o.get("branches");
        if (list != null && list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode b = list.get(i);
                branches.add(SessionJson.at("branches[" + i + "]", () -> branch(b)));
            }
        } else if (list != null && !list.isNull()) {
            throw new IllegalArgumentException("branches must be a list");
        }
        int active = branches.isEmpty() ? 0 : Fields.intOr(o, "activeBranch", branches.getFirst().id());
        return new StepperRecord(Fields.text(o, "prompt"), Fields.text(o, "system"), Fields.text(o, "template"),
                Fields.text(o, "expected"), active, branches);
    }

    private static BranchView branch(JsonNode o) {
        List<StepRecord> steps = new ArrayList<>();
        JsonNode stepList = o.path("steps");
        if (!stepList.isMissingNode() && !stepList.isNull() && !stepList.isArray()) {
            throw new IllegalArgumentException("steps must be a list");
        }
        for (int i = 0; i < stepList.size(); i++) {
            JsonNode s = stepList.get(i);
            steps.add(SessionJson.at("steps[" + i + "]", () -> step(s)));
        }
        List<AnswerRecord> answers = new ArrayList<>();
        JsonNode answerList = o.path("answers");
        for (int i = 0; i < answerList.size(); i++) {
            JsonNode a = answerList.get(i);
            answers.add(SessionJson.at("answers[" + i + "]", () -> new AnswerRecord(Fields.text(a, "text"),
                    Fields.enumOrNull(a, "how", InterventionKind.class), Fields.intOr(a, "thinkingTokens", 0),
                    Fields.intOr(a, "thinkingSegments", 0), Fields.bool(a, "withdrawn"))));
        }
        List<ReasoningEvent> events = SessionJson.readEvents(o.get("events"));
        int id = (int) Fields.requiredLong(o, "id");
        String name = Fields.text(o, "name");
        return new BranchView(id, name == null ? "branch " + id : name, Fields.integer(o, "parent"),
                notNegative(o, "forkedAfterSteps"), Fields.enumValue(o, "status", StepperState.class),
                nonNull(Fields.text(o, "reason")), steps, nonNull(Fields.text(o, "thinking")),
                notNegative(o, "thinkingTokens"), answers, events);
    }

    private static StepRecord step(JsonNode o) {
        return new StepRecord(Fields.enumValue(o, "phase", StepRecord.Phase.class),
                Fields.enumOrNull(o, "openedBy", InterventionKind.class), Fields.text(o, "inserted"),
                nonNull(Fields.text(o, "text")), notNegative(o, "tokens"), notNegative(o, "cap"),
                Fields.integer(o, "promptTokens"), Fields.integer(o, "promptTokensEvaluated"),
                Fields.enumOrNull(o, "stop", CompletionResult.Stop.class), Fields.text(o, "note"),
                Fields.requiredLong(o, "start"), Fields.requiredLong(o, "end"),
                o.has("confidence") ? EventJson.readTokens(o.get("confidence")) : List.of());
    }

    /** A count (0 when absent): a negative one is a hand edit gone wrong, refused. */
    private static int notNegative(JsonNode o, String field) {
        int n = Fields.intOr(o, field, 0);
        if (n < 0) {
            throw new IllegalArgumentException(field + " is " + n + ", less than 0");
        }
        return n;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
