package dev.thinkbench.lab.session;

import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.SecretScrubber;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a secret out of a saved event stream even when it arrived in pieces: each text is masked on its own by the
 * writer, and here a run of consecutive thinking (or answer) deltas whose joined text still holds a secret is joined
 * into one masked delta at the time of its last piece (token-confidence events between them are seen through, and
 * dropped from the whole run when their tokens' joined text holds a secret). That costs the run's timing only where
 * a key was streamed, which an engine should never do. Stateless; any thread.
 */
final class SecretSafeEvents {

    private SecretSafeEvents() {
    }

    static List<ReasoningEvent> of(List<ReasoningEvent> all) {
        // the confidence events carry the same text in tokens: where their joined text holds a secret, none is kept
        List<ReasoningEvent> events = confidenceHoldsSecret(all)
                ? all.stream().filter(e -> !(e instanceof ReasoningEvent.TokenConfidence)).toList() : all;
        List<ReasoningEvent> out = new ArrayList<>(events.size());
        int i = 0;
        while (i < events.size()) {
            ReasoningEvent first = events.get(i);
            if (!isDelta(first)) {
                out.add(first);
                i++;
                continue;
            }
            // a run of deltas of one kind, the confidence events sent between them seen through
            int end = i;
            while (end < events.size() && (events.get(end).getClass() == first.getClass()
                    || events.get(end) instanceof ReasoningEvent.TokenConfidence)) {
                end++;
            }
            while (events.get(end - 1) instanceof ReasoningEvent.TokenConfidence) {
                end--;
            }
            StringBuilder joined = new StringBuilder();
            int tokens = 0;
            List<ReasoningEvent> confidences = new ArrayList<>();
            for (ReasoningEvent e : events.subList(i, end)) {
                if (e instanceof ReasoningEvent.TokenConfidence) {
                    confidences.add(e);
                } else {
                    joined.append(text(e));
                    tokens += tokens(e);
                }
            }
            String whole = joined.toString();
            String masked = SecretScrubber.scrub(whole);
            if (masked.equals(whole)) {
                out.addAll(events.subList(i, end));
            } else {
                long at = events.get(end - 1).nanos();
                out.addAll(confidences);
                out.add(first instanceof ReasoningEvent.ThinkingDelta d
                        ? new ReasoningEvent.ThinkingDelta(at, masked, tokens, d.summary())
                        : new ReasoningEvent.AnswerDelta(at, masked, tokens));
            }
            i = end;
        }
        return out;
    }

    private static boolean confidenceHoldsSecret(List<ReasoningEvent> events) {
        StringBuilder thinking = new StringBuilder();
        StringBuilder answer = new StringBuilder();
        for (ReasoningEvent e : events) {
            if (e instanceof ReasoningEvent.TokenConfidence c) {
                c.tokens().forEach(t -> (c.thinking() ? thinking : answer).append(t.text()));
            }
        }
        String t = thinking.toString();
        String a = answer.toString();
        return !SecretScrubber.scrub(t).equals(t) || !SecretScrubber.scrub(a).equals(a);
    }

    private static boolean isDelta(ReasoningEvent e) {
        return e instanceof ReasoningEvent.ThinkingDelta || e instanceof ReasoningEvent.AnswerDelta;
    }

    private static String text(ReasoningEvent e) {
        return e instanceof ReasoningEvent.ThinkingDelta d ? d.text() : ((ReasoningEvent.AnswerDelta) e).text();
    }

    private static int tokens(ReasoningEvent e) {
        return e instanceof ReasoningEvent.ThinkingDelta d ? d.tokens() : ((ReasoningEvent.AnswerDelta) e).tokens();
    }
}
