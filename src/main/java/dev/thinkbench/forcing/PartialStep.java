package dev.thinkbench.forcing;

import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.engine.CompletionListener;

import java.util.function.Consumer;

/**
 * A running stepper step's text: passed on to the stepper's listener as it streams and kept, so that a failure loses
 * nothing. Used on the stepper's worker thread only.
 */
final class PartialStep implements CompletionListener {

    private final int branchId;
    private final StepRecord.Phase phase;
    private final Consumer<StepperEvent> listener;
    private final StringBuilder text = new StringBuilder();
    private final long start = System.nanoTime();
    private int tokens;

    PartialStep(int branchId, StepRecord.Phase phase, Consumer<StepperEvent> listener) {
        this.branchId = branchId;
        this.phase = phase;
        this.listener = listener;
    }

    @Override
    public void onText(String piece, int n) {
        text.append(piece);
        tokens += n;
        listener.accept(new StepperEvent.TextDelta(branchId, phase, piece, n));
    }

    /** The step as far as it got, marked failed with the reason. */
    StepRecord failed(InterventionKind openedBy, String inserted, int cap, Exception e) {
        return new StepRecord(phase, openedBy, inserted, text.toString(), tokens, cap, null, null, null,
                "failed: " + e.getMessage(), start, System.nanoTime());
    }
}
