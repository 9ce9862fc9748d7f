package dev.thinkbench.lab.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thinkbench.core.Worded;
import dev.thinkbench.lab.CandidateRound;
import dev.thinkbench.lab.strategy.StrategyNote;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A session's {@code bestOfN} object and back: the selection ({@code majority}, {@code verifier}, {@code shortest},
 * {@code longest}), the judge model, each candidate column by label with its seed and score, the label picked, and why
 * (in English as {@code note}, and by reason as {@code noteReason} and {@code noteArguments}, as a sweep's traces
 * keep a strategy's note, so a window words it in its language). Stateless; any thread.
 */
final class BestOfNJson {

    private BestOfNJson() {
    }

    static ObjectNode write(BestOfNRecord r, UnaryOperator<String> mask) {
        ObjectNode o = SessionJson.MAPPER.createObjectNode();
        o.put("selection", r.selection().name().toLowerCase(Locale.ROOT));
        o.put("judgeModel", mask.apply(r.judgeModel()));
        ArrayNode candidates = o.putArray("candidates");
        for (BestOfNRecord.Candidate c : r.candidates()) {
            ObjectNode n = candidates.addObject();
            n.put("label", mask.apply(c.label()));
            n.put("seed", c.seed());
            n.put("score", c.score());
        }
        o.put("picked", r.picked() == null ? null : mask.apply(r.picked()));
        o.put("note", r.why() == null ? null : mask.apply(r.why().english()));
        if (r.why() != null && r.why().reason() instanceof StrategyNote reason) {
            o.put("noteReason", reason.name());
            ArrayNode arguments = o.putArray("noteArguments");
            r.why().arguments().forEach(a -> arguments.add(mask.apply(a)));
        }
        return o;
    }

    static BestOfNRecord read(JsonNode o) {
        if (!o.isObject()) {
            throw new IllegalArgumentException("bestOfN must be a JSON object");
        }
        CandidateRound.Selection selection = Fields.enumValue(o, "selection", CandidateRound.Selection.class);
        JsonNode list = o.get("candidates");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("candidates must be a list");
        }
        List<BestOfNRecord.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            candidates.add(SessionJson.at("candidates[" + i + "]", () -> new BestOfNRecord.Candidate(
                    Fields.requiredText(c, "label"), Fields.longOrNull(c, "seed"), Fields.decimal(c, "score"))));
        }
        String picked = Fields.text(o, "picked");
        return new BestOfNRecord(selection, Fields.text(o, "judgeModel"), candidates,
                picked == null || picked.isBlank() ? null : picked, why(o));
    }

    /** Why, by reason where the file names one this version knows, else its English; null for none. */
    private static Worded why(JsonNode o) {
        String reason = o.path("noteReason").asText("");
        for (StrategyNote known : StrategyNote.values()) {
            if (known.name().equals(reason)) {
                List<String> arguments = new ArrayList<>();
                o.path("noteArguments").forEach(a -> arguments.add(a.asText()));
                return new Worded(known, arguments);
            }
        }
        String english = Fields.text(o, "note");
        return english == null || english.isBlank() ? null : Worded.plain(english);
    }
}
