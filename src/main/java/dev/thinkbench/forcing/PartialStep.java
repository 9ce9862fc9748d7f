package dev.thinkbench.forcing;

import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.TokenProbability;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.TokenLogprob;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A running stepper step's text: passed on to the stepper's listener as it streams and kept, so that a failure loses
 * nothing; with how sure the model was of each token where the engine reports it (kept for the step's record, and
 * shown live). Used on the stepper's worker thread only.
 */
final class PartialStep implements CompletionListener {

    private final StepRecord.Phase phase;
    private final Consumer<ReasoningEvent> recorder;
    private final Consumer<ReasoningEvent> live;
    private final StringBuilder text = new StringBuilder();
    private final List<TokenProbability> confidence = new ArrayList<>();
    private final long start = System.nanoTime();
    private int tokens;

    /**
     * @param recorder records the step's text as thinking or answer deltas on its branch
     * @param live shows its token probabilities as they arrive, without recording them (the step's record keeps them)
     */
    PartialStep(StepRecord.Phase phase, Consumer<ReasoningEvent> recorder, Consumer<ReasoningEvent> live) {
        this.phase = phase;
        this.recorder = recorder;
        this.live = live;
    }

    @Override
    public void onTokens(List<TokenLogprob> tokens) {
        List<TokenProbability> sure = TokenConfidences.of(tokens);
        confidence.addAll(sure);
        live.accept(new ReasoningEvent.TokenConfidence(System.nanoTime(), phase == StepRecord.Phase.THINKING, sure));
    }

    /** How sure the model was of each token so far. */
    List<TokenProbability> confidence() {
        return List.copyOf(confidence);
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
    StepRecord failed(InterventionKind openedBy, String inserted, int cap, Throwable e) {
        return new StepRecord(phase, openedBy, inserted, text.toString(), tokens, cap, null, null, null,
                "failed: " + e.getMessage(), start, System.nanoTime(), confidence);
    }
}
