package dev.thinkbench.lab.session;

import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.SecretScrubber;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a secret out of a saved event stream even when it arrived in pieces: each text is masked on its own by the
 * writer, and here a run of consecutive thinking (or answer) deltas whose joined text still holds a secret is joined
 * into one masked delta at the time of its last piece. That costs the run's timing only where a key was streamed,
 * which an engine should never do. Stateless; any thread.
 */
final class SecretSafeEvents {

    private SecretSafeEvents() {
    }

    static List<ReasoningEvent> of(List<ReasoningEvent> events) {
        List<ReasoningEvent> out = new ArrayList<>(events.size());
        int i = 0;
        while (i < events.size()) {
            ReasoningEvent first = events.get(i);
            if (!isDelta(first)) {
                out.add(first);
                i++;
                continue;
            }
            int end = i;
            StringBuilder joined = new StringBuilder();
            int tokens = 0;
            while (end < events.size() && events.get(end).getClass() == first.getClass()) {
                joined.append(text(events.get(end)));
                tokens += tokens(events.get(end));
                end++;
            }
            String whole = joined.toString();
            String masked = SecretScrubber.scrub(whole);
            if (masked.equals(whole)) {
                out.addAll(events.subList(i, end));
            } else {
                long at = events.get(end - 1).nanos();
                out.add(first instanceof ReasoningEvent.ThinkingDelta
                        ? new ReasoningEvent.ThinkingDelta(at, masked, tokens)
                        : new ReasoningEvent.AnswerDelta(at, masked, tokens));
            }
            i = end;
        }
        return out;
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
