package dev.thinkbench.forcing;

import dev.thinkbench.core.ReasoningEvent;

import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.engine.CompletionListener;

import java.util.function.Consumer;

/**
 * A running stepper step's text: passed on to the stepper's listener as it streams and kept, so that a failure loses
 * nothing. Used on the stepper's worker thread only.
 */
final class PartialStep implements CompletionListener {

    private final StepRecord.Phase phase;
    private final Consumer<ReasoningEvent> recorder;
    private final StringBuilder text = new StringBuilder();
    private final long start = System.nanoTime();
    private int tokens;

    /** @param recorder records the step's text as thinking or answer deltas on its branch */
    PartialStep(StepRecord.Phase phase, Consumer<ReasoningEvent> recorder) {
        this.phase = phase;
        this.recorder = recorder;
    }

    @Override
    public void onRetryWait(java.time.Duration wait, String reason) {
        recorder.accept(new ReasoningEvent.RetryWaiting(System.nanoTime(), wait.toMillis(), reason));
    }

    @Override
    public void onText(String piece, int n) {
        text.append(piece);
        tokens += n;
        long now = System.nanoTime();
        recorder.accept(phase == StepRecord.Phase.THINKING ? new ReasoningEvent.ThinkingDelta(now, piece, n)
                : new ReasoningEvent.AnswerDelta(now, piece, n));
    }

    /** The step as far as it got, marked failed with the reason. */
    StepRecord failed(InterventionKind openedBy, String inserted, int cap, Exception e) {
        return new StepRecord(phase, openedBy, inserted, text.toString(), tokens, cap, null, null, null,
                "failed: " + e.getMessage(), start, System.nanoTime());
    }
}
