package dev.thinkbench.core;

import java.util.List;

/**
 * The text of a run, immutable: thinking split into segments at interventions, then the answer.
 *
 * @param segments thinking segments in order
 * @param answer the answer text so far
 * @param status where the run stands
 * @param failureKind why it failed, null unless failed
 * @param error the failure message, null unless failed
 * @param thinkingSummary whether the thinking shown is the provider's summary of the model's thinking, not the
 *                        thinking itself (see {@link ReasoningEvent.ThinkingDelta#summary()})
 * @param forcedText the text a forced answer appended after the thinking (the end of thinking and "Final Answer:"),
 *                   empty when the model ended its thinking itself (a trace saved before this was kept reads empty)
 */
public record Trace(List<ThinkingSegment> segments, String answer, RunStatus status, FailureKind failureKind,
                    String error, boolean thinkingSummary, String forcedText) {

    public Trace {
        segments = List.copyOf(segments);
        forcedText = forcedText == null ? "" : forcedText;
    }

    /** A trace without a forced answer. */
    public Trace(List<ThinkingSegment> segments, String answer, RunStatus status, FailureKind failureKind,
                 String error, boolean thinkingSummary) {
        this(segments, answer, status, failureKind, error, thinkingSummary, "");
    }

    /** A trace whose thinking, if any, is the model's own. */
    public Trace(List<ThinkingSegment> segments, String answer, RunStatus status, FailureKind failureKind,
                 String error) {
        this(segments, answer, status, failureKind, error, false);
    }

    /** All thinking text with the inserted texts, as the model saw it. */
    public String thinking() {
        StringBuilder b = new StringBuilder();
        for (ThinkingSegment s : segments) {
            b.append(s.insertedText()).append(s.text());
        }
        return b.toString();
    }

    /** True when the run ended before it finished: what is here is partial. */
    public boolean partial() {
        return status == RunStatus.FAILED || status == RunStatus.CANCELLED;
    }
}
