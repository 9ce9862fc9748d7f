package dev.thinkbench.lab.session;

import dev.thinkbench.core.ReasoningEvent;

/** Moves an event in time: a recording keeps times from the run's start, a live run has {@link System#nanoTime()}. */
final class EventTimes {

    private EventTimes() {
    }

    /** {@code e} at {@code nanos}, everything else the same. */
    static ReasoningEvent at(ReasoningEvent e, long nanos) {
        return switch (e) {
            case ReasoningEvent.Started s -> new ReasoningEvent.Started(nanos, s.model(), s.budgetSpec(),
                    s.modelLoadMs());
            case ReasoningEvent.ThinkingDelta d -> new ReasoningEvent.ThinkingDelta(nanos, d.text(), d.tokens(),
                    d.summary());
            case ReasoningEvent.TokenConfidence c -> new ReasoningEvent.TokenConfidence(nanos, c.thinking(),
                    c.tokens());
            case ReasoningEvent.AnswerDelta d -> new ReasoningEvent.AnswerDelta(nanos, d.text(), d.tokens());
            case ReasoningEvent.Intervention i -> new ReasoningEvent.Intervention(nanos, i.kind(), i.text(),
                    i.thinkingTokensSoFar(), i.reason());
            case ReasoningEvent.RetryWaiting w -> new ReasoningEvent.RetryWaiting(nanos, w.waitMillis(), w.reason());
            case ReasoningEvent.UsageReported u -> new ReasoningEvent.UsageReported(nanos, u.usage());
            case ReasoningEvent.Finished f -> new ReasoningEvent.Finished(nanos, f.reason());
            case ReasoningEvent.Cancelled c -> new ReasoningEvent.Cancelled(nanos);
            case ReasoningEvent.Failed f -> new ReasoningEvent.Failed(nanos, f.kind(), f.message(), f.retryAfter());
        };
    }

    /** Whether {@code e} ends a run. */
    static boolean terminal(ReasoningEvent e) {
        return e instanceof ReasoningEvent.Finished || e instanceof ReasoningEvent.Cancelled
                || e instanceof ReasoningEvent.Failed;
    }
}
