package dev.thinkbench.ui.compare;

import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.text.ConfidenceAligner;
import dev.thinkbench.ui.text.ConfidenceTrack;
import dev.thinkbench.ui.text.TextStreamListener;

import dev.thinkbench.ui.text.TextChunk;

import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Grade;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.TokenProbability;
import dev.thinkbench.lab.LaneRun;
import dev.thinkbench.ui.common.Formats;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live state of one run shown in a column: drains the run's event queue once per frame ({@link #tick}), hands the
 * new text to listeners in one batch on the frames the caller chooses (so that several columns can take turns and
 * no frame lays out every text area), and keeps status, metrics and error as properties. Metrics refresh at most
 * every {@value #METRICS_INTERVAL_MS} ms while running. UI thread only.
 */
public final class LiveRunViewModel {

    static final long METRICS_INTERVAL_MS = 200;

    private final ReadOnlyObjectWrapper<ColumnState> state = new ReadOnlyObjectWrapper<>(this, "state",
            ColumnState.IDLE);
    private final ReadOnlyObjectWrapper<RunMetrics> metrics = new ReadOnlyObjectWrapper<>(this, "metrics",
            RunMetrics.empty());
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText",
            Messages.get("run.status.ready"));
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<FailureKind> failureKind = new ReadOnlyObjectWrapper<>(this, "failureKind");
    private final ReadOnlyObjectWrapper<Grade> grade = new ReadOnlyObjectWrapper<>(this, "grade");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper thinkingSummary = new ReadOnlyBooleanWrapper(this, "thinkingSummary");
    private final ReadOnlyBooleanWrapper confidenceReported = new ReadOnlyBooleanWrapper(this,
            "confidenceReported");
    /** The thinking area's tokens (its text is the thinking and the inserted text). */
    private final ConfidenceTrack thinkingTrack = new ConfidenceTrack();
    private final ConfidenceTrack answerTrack = new ConfidenceTrack();
    /** Everything handed to the listeners for this run, with its bands, so the confidence view can be redrawn. */
    private final List<PendingText> shown = new ArrayList<>();
    private boolean confidenceShown;
    private final List<TextStreamListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ReasoningEvent> drained = new ArrayList<>();
    private final List<PendingText> pendingText = new ArrayList<>();
    private LaneRun run;
    /** The run shown, kept after it ends (for saving it); null when none or skipped. */
    private LaneRun shownRun;
    private long lastMetricsNanos;
    private long nowNanos;
    private boolean sawText;
    /** When a retry the server asked for is due (System.nanoTime), or 0 when none is pending. */
    private long retryAtNanos;
    private String retryReason = "";
    /** The expected answer of the run shown, null when it has none. */
    private String expected;

    /**
     * Grades the finished answer shown again against {@code expectedAnswer} (the prompt's known answer was changed
     * after the run); a run still going is graded against it when it ends; a failed or cancelled one stays ungraded.
     */
    public void regrade(String expectedAnswer) {
        expected = expectedAnswer == null || expectedAnswer.isBlank() ? null : expectedAnswer.strip();
        if (run == null && shownRun != null && state.get() == ColumnState.DONE) {
            grade.set(AnswerGrader.grade(shownRun.trace().answer(), expected));
        }
    }

    /** Shows {@code laneRun} from now on, clearing what was shown before; its answer is not graded. */
    public void attach(LaneRun laneRun) {
        attach(laneRun, null);
    }

    /**
     * Shows {@code laneRun} from now on, clearing what was shown before; when it ends normally its answer is graded
     * against {@code expectedAnswer} ({@link #gradeProperty()}).
     *
     * @param expectedAnswer the prompt's known answer, null or blank for none (the answer is still extracted)
     */
    public void attach(LaneRun laneRun, String expectedAnswer) {
        run = laneRun;
        shownRun = laneRun;
        expected = expectedAnswer == null || expectedAnswer.isBlank() ? null : expectedAnswer.strip();
        grade.set(null);
        notice.set("");
        pendingText.clear();
        sawText = false;
        thinkingSummary.set(false);
        clearConfidence();
        lastMetricsNanos = 0;
        retryAtNanos = 0;
        error.set("");
        failureKind.set(null);
        metrics.set(RunMetrics.empty());
        state.set(ColumnState.WAITING);
        listeners.forEach(TextStreamListener::reset);
        updateStatus();
    }

    /** Clears the column and marks it as left out of a run, with the reason. */
    public void skip(String reason) {
        skip(reason, "");
    }

    /**
     * Clears the column and marks it as left out of a run, with the reason; {@code why} is said where the answer
     * would be ({@link #noticeProperty()}), for a prompt the model cannot do.
     */
    public void skip(String reason, String why) {
        run = null;
        shownRun = null;
        grade.set(null);
        notice.set(why == null ? "" : why);
        pendingText.clear();
        clearConfidence();
        listeners.forEach(TextStreamListener::reset);
        metrics.set(RunMetrics.empty());
        error.set("");
        failureKind.set(null);
        state.set(ColumnState.SKIPPED);
        statusText.set(Messages.get("run.status.notRun", reason));
    }

    /** Whether a run is shown that has not ended yet (its events still have to be drained frame by frame). */
    public boolean following() {
        return run != null;
    }

    /** {@link #tick(long, boolean)} that hands the text over in this frame. */
    public boolean tick(long nowNanos) {
        return tick(nowNanos, true);
    }

    /**
     * Drains the run's queued events and refreshes status and metrics (at most every
     * {@value #METRICS_INTERVAL_MS} ms while running). Call once per frame.
     *
     * @param showText hand the text gathered so far to the listeners in one batch now; it is always handed over
     *                 once the run has ended
     * @return true when anything visible changed
     */
    public boolean tick(long nowNanos, boolean showText) {
        LaneRun current = run;
        if (current == null) {
            return false;
        }
        // the run's own clock: a replayed run's events are timed in the recording, not by the frame
        this.nowNanos = current.nanoTime();
        drained.clear();
        current.drainTo(drained);
        boolean changed = !drained.isEmpty();
        ColumnState before = state.get();
        if (changed) {
            fold(drained);
        }
        boolean ended = !state.get().active();
        if ((showText || ended) && !pendingText.isEmpty()) {
            List<TextChunk> batch = pendingText.stream().map(this::chunk).toList();
            pendingText.forEach(p -> keep(shown, p.part(), p.text(), p.confidence()));
            pendingText.clear();
            listeners.forEach(l -> l.append(batch));
        }
        if (ended || state.get() != before
                || showText && nowNanos - lastMetricsNanos >= METRICS_INTERVAL_MS * 1_000_000) {
            lastMetricsNanos = nowNanos;
            metrics.set(current.metrics());
            updateStatus();
            changed = true;
        }
        if (ended) {
            if (state.get() == ColumnState.DONE) {
                grade.set(AnswerGrader.grade(current.trace().answer(), expected));
            }
            run = null;
        }
        return changed;
    }

    private void fold(List<ReasoningEvent> events) {
        for (ReasoningEvent event : events) {
            switch (event) {
                case ReasoningEvent.ThinkingDelta d -> {
                    if (d.summary()) {
                        thinkingSummary.set(true);
                    }
                    addAligned(thinkingTrack, TextChunk.Part.THINKING, d.text());
                    sawText |= !d.text().isEmpty();
                    state.set(ColumnState.THINKING);
                }
                case ReasoningEvent.AnswerDelta d -> {
                    addAligned(answerTrack, TextChunk.Part.ANSWER, d.text());
                    sawText |= !d.text().isEmpty();
                    state.set(ColumnState.ANSWERING);
                }
                case ReasoningEvent.Intervention i -> onIntervention(i);
                case ReasoningEvent.Finished f -> state.set(ColumnState.DONE);
                case ReasoningEvent.Cancelled c -> state.set(ColumnState.CANCELLED);
                case ReasoningEvent.Failed f -> {
                    failureKind.set(f.kind());
                    error.set(f.message() == null || f.message().isBlank() ? Messages.get("run.failed") : f.message());
                    state.set(ColumnState.FAILED);
                }
                case ReasoningEvent.Started s -> state.set(ColumnState.WAITING);
                case ReasoningEvent.RetryWaiting w -> {
                    retryAtNanos = w.nanos() + w.waitMillis() * 1_000_000;
                    retryReason = w.reason();
                    state.set(ColumnState.WAITING);
                }
                case ReasoningEvent.TokenConfidence t -> {
                    (t.thinking() ? thinkingTrack : answerTrack).addTokens(t.tokens());
                    confidenceReported.set(thinkingTrack.hasTokens() || answerTrack.hasTokens());
                }
                case ReasoningEvent.UsageReported u -> {
                    // Usage shows through the metrics refreshed after the drain.
                }
            }
        }
    }

    /** Adds text to the batch, joined to its last chunk when that is the same part (one builder, no copies). */
    private void addText(TextChunk.Part part, String text) {
        keep(pendingText, part, text, null);
        (part == TextChunk.Part.ANSWER ? answerTrack : thinkingTrack).addPlain(text);
    }

    /** Adds generated text to the batch in stretches of one confidence band (none when no probabilities came). */
    private void addAligned(ConfidenceTrack track, TextChunk.Part part, String text) {
        for (ConfidenceAligner.Stretch s : track.addGenerated(text)) {
            keep(pendingText, part, s.text(), s.confidence());
        }
    }

    private static void keep(List<PendingText> list, TextChunk.Part part, CharSequence text,
                             TextChunk.Confidence confidence) {
        if (text.isEmpty()) {
            return;
        }
        PendingText last = list.isEmpty() ? null : list.getLast();
        if (last != null && last.part() == part && last.confidence() == confidence) {
            last.text().append(text);
        } else {
            list.add(new PendingText(part, new StringBuilder(text), confidence));
        }
    }

    private TextChunk chunk(PendingText p) {
        return new TextChunk(p.part(), p.text().toString(), confidenceShown ? p.confidence() : null);
    }

    /** Forgets the run's tokens and what was shown (the areas are emptied). */
    private void clearConfidence() {
        thinkingTrack.clear();
        answerTrack.clear();
        shown.clear();
        confidenceReported.set(false);
    }

    /**
     * The token the model hesitated over whose text lies at {@code offset} of the thinking area, with the tokens it
     * nearly chose; null where there is none, or while the confidence view is off.
     */
    public TokenProbability thinkingHesitationAt(int offset) {
        return confidenceShown ? thinkingTrack.hesitationAt(offset) : null;
    }

    /** {@link #thinkingHesitationAt} for the answer area. */
    public TokenProbability answerHesitationAt(int offset) {
        return confidenceShown ? answerTrack.hesitationAt(offset) : null;
    }

    /**
     * Colours the thinking and the answer by the model's confidence in each token, or not: the text shown so far is
     * drawn again in the new way. Only text whose engine reported probabilities gets colours
     * ({@link #confidenceReportedProperty}).
     */
    public void setConfidenceShown(boolean show) {
        if (show == confidenceShown) {
            return;
        }
        confidenceShown = show;
        if (shown.isEmpty()) {
            return;
        }
        List<TextChunk> all = shown.stream().map(this::chunk).toList();
        listeners.forEach(TextStreamListener::reset);
        listeners.forEach(l -> l.append(all));
    }

    public boolean isConfidenceShown() {
        return confidenceShown;
    }

    /** Whether the run shown reported how sure the model was of its tokens. */
    public ReadOnlyBooleanProperty confidenceReportedProperty() {
        return confidenceReported.getReadOnlyProperty();
    }

    private void onIntervention(ReasoningEvent.Intervention i) {
        switch (i.kind()) {
            case WAIT_INSERTED, TEXT_INSERTED, ANSWER_FORCED -> addText(TextChunk.Part.INSERTED, i.text());
            case TRACE_EDITED -> {
                pendingText.clear();
                thinkingTrack.clear();
                answerTrack.clear();
                shown.clear();
                listeners.forEach(TextStreamListener::reset);
                addText(TextChunk.Part.THINKING, i.text());
            }
            case END_ACCEPTED -> {
                // The model ended its thinking itself; nothing to show.
            }
        }
    }

    /** Text gathered for the next batch: one part and its text so far. */
    private record PendingText(TextChunk.Part part, StringBuilder text, TextChunk.Confidence confidence) {
    }

    private void updateStatus() {
        RunMetrics m = metrics.get();
        String total = Formats.seconds(m.totalMs());
        String status = switch (state.get()) {
            case IDLE -> Messages.get("run.status.ready");
            case SKIPPED -> statusText.get();
            case WAITING -> retryAtNanos - nowNanos > 0
                    ? Messages.get("run.status.retrying", Formats.seconds((retryAtNanos - nowNanos) / 1_000_000),
                            retryReason)
                    : Messages.get("run.status.waiting", total);
            // no count until the engine reports one (a hosted API): no "- tokens"
            case THINKING -> !m.thinkingTokens().known() ? Messages.get("run.status.thinking.uncounted", total)
                    : Messages.get(m.thinkingTokens().value() == 1 ? "run.status.thinking.one"
                    : "run.status.thinking", Formats.tokens(m.thinkingTokens()), total);
            case ANSWERING -> Messages.get("run.status.answering", total);
            case DONE -> Messages.get("run.status.done", Formats.took(m.totalMs())); // "Done in 0.0 s" said nothing
            // a failure's box says whether the partial output is kept (ColumnView.errorTitle): not said twice here
            case FAILED -> Messages.get("run.status.failed", total);
            case CANCELLED -> Messages.get(sawText ? "run.status.cancelledKept" : "run.status.cancelled", total);
        };
        // the wait the server asked for is left out of the times: the line says so, and how long it was
        boolean retried = m.retryWaitMs() != null && state.get() != ColumnState.IDLE
                && state.get() != ColumnState.SKIPPED && !(state.get() == ColumnState.WAITING
                && retryAtNanos - nowNanos > 0);
        statusText.set(retried ? Messages.get("run.status.retried", status, Formats.seconds(m.retryWaitMs()))
                : status);
    }

    /** The run this column shows or showed last, also after it ended; null when none (or it was skipped). */
    /** Reads the shown run's metrics again (its price changed), when it has ended; a running one refreshes itself. */
    public void refreshMetrics() {
        if (run == null && shownRun != null) {
            metrics.set(shownRun.metrics());
        }
    }

    public LaneRun shownRun() {
        return shownRun;
    }

    /** True when the run (or the last one) produced any thinking or answer text. */
    public boolean hasOutput() {
        return sawText;
    }

    /** Cancels the run in flight, if any; the cancellation shows on a later tick. */
    public void cancel() {
        LaneRun current = run;
        if (current != null && state.get().active()) {
            current.cancel();
        }
    }

    /** Adds a listener; the text shown so far is handed to it at once (a column's view made again). */
    public void addListener(TextStreamListener listener) {
        listeners.add(listener);
        if (!shown.isEmpty()) {
            listener.append(shown.stream().map(this::chunk).toList());
        }
    }

    public void removeListener(TextStreamListener listener) {
        listeners.remove(listener);
    }

    public ReadOnlyObjectProperty<ColumnState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ColumnState getState() {
        return state.get();
    }

    public ReadOnlyObjectProperty<RunMetrics> metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    public RunMetrics getMetrics() {
        return metrics.get();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** The failure message, empty unless the run failed. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * How the finished run's answer was graded against the prompt's expected answer (ungradable when there was none),
     * null while running and for a run that did not finish normally.
     */
    public ReadOnlyObjectProperty<Grade> gradeProperty() {
        return grade.getReadOnlyProperty();
    }

    /** What the column says instead of running (a prompt outside the model's world), empty otherwise. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Whether the thinking shown is the provider's summary of the model's thinking, not the thinking itself. */
    public ReadOnlyBooleanProperty thinkingSummaryProperty() {
        return thinkingSummary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FailureKind> failureKindProperty() {
        return failureKind.getReadOnlyProperty();
    }
}
