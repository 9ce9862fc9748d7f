package dev.thinkbench.ui.stepper;

import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.Grade;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.TokenProbability;

import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.forcing.AnswerRecord;
import dev.thinkbench.forcing.BranchView;
import dev.thinkbench.forcing.ChatTemplate;
import dev.thinkbench.forcing.StepRecord;
import dev.thinkbench.forcing.Stepper;
import dev.thinkbench.forcing.StepperAction;
import dev.thinkbench.forcing.StepperEvent;
import dev.thinkbench.forcing.StepperSettings;
import dev.thinkbench.forcing.StepperSnapshot;
import dev.thinkbench.forcing.StepperState;
import dev.thinkbench.ui.text.ConfidenceAligner;
import dev.thinkbench.ui.text.ConfidenceTrack;
import dev.thinkbench.ui.text.TextChunk;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The stepper view's state and actions, without any nodes. A {@link Stepper} reports on its worker thread into a
 * queue; {@link #drain()}, called once per frame on the FX thread, folds what arrived into the properties (streamed
 * text in one batch per frame, never one update per token). Actions are called on the FX thread; one that does not
 * fit the moment sets {@link #errorProperty()} instead of throwing.
 */
public final class StepperViewModel implements AutoCloseable {

    /** Makes a stepper for a template; the listener is the view model's queue. */
    @FunctionalInterface
    public interface StepperFactory {
        Stepper create(ChatTemplate template, Consumer<StepperEvent> listener);
    }

    private final StepperFactory factory;
    private final ConcurrentLinkedQueue<StepperEvent> queue = new ConcurrentLinkedQueue<>();
    /** Asks the view for frames once an event is queued (its frame driver; any thread); set by the view. */
    private volatile Runnable wake = () -> { };
    private final StringProperty prompt = new SimpleStringProperty("");
    private final StringProperty system = new SimpleStringProperty("");
    private final ObjectProperty<ChatTemplate> template = new SimpleObjectProperty<>();
    private final ObservableList<ChatTemplate> templates;
    private final ReadOnlyObjectWrapper<StepperState> state = new ReadOnlyObjectWrapper<>(StepperState.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(Messages.get("stepper.status.start"));
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TraceUpdate> trace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper("");
    private final StringProperty expected = new SimpleStringProperty(this, "expected", "");
    /** The prompt {@link #expected} was given for; a prompt changed away from it clears it. */
    private String expectedFor = "";
    /** The prompt box's text when the session shown was run or opened. */
    private String shownPrompt;
    /** The expected answer the session shown is graded against: the one given for its prompt. */
    private String gradedAgainst = "";
    /** The answer as spans, coloured by confidence like the trace when that view is on. */
    private final ReadOnlyObjectWrapper<TraceUpdate> answerTrace = new ReadOnlyObjectWrapper<>();
    /** The shown answer's tokens and where the model hesitated in it. */
    private final ConfidenceTrack answerTrack = new ConfidenceTrack();
    /** The shown answer's token probabilities: the written answer step's, or those streamed while it is written. */
    private final List<TokenProbability> answerTokens = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Grade> grade = new ReadOnlyObjectWrapper<>(this, "grade");
    private final ReadOnlyIntegerWrapper thinkingTokens = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper(true);
    private final Map<StepperAction, ReadOnlyBooleanWrapper> can = new EnumMap<>(StepperAction.class);
    /** The action whose refusal {@link #error} says now, or null. */
    private StepperAction refused;
    private final ObservableList<TimelineRow> timeline = FXCollections.observableArrayList();
    private final ObservableList<BranchSummary> branches = FXCollections.observableArrayList();
    // one read-only view each, kept: a view made per call listens to its list weakly, and a listener on a view
    // that was collected goes quiet
    private final ObservableList<TimelineRow> timelineShown = FXCollections.unmodifiableObservableList(timeline);
    private final ObservableList<BranchSummary> branchesShown = FXCollections.unmodifiableObservableList(branches);
    private Stepper stepper;
    /** Which session the queue belongs to: events of a closed session are dropped, not shown. */
    private volatile int session;
    private final ReadOnlyObjectWrapper<RunMetrics> metrics = new ReadOnlyObjectWrapper<>(RunMetrics.empty());
    private StepperSnapshot last;
    /** The active branch's events folded as a Compare column folds its run; fed live while a step runs. */
    private RunRecorder recorder;
    private long seq;
    private int liveTokens;
    private final BooleanProperty confidenceShown = new SimpleBooleanProperty(this, "confidenceShown");
    /** The shown trace's tokens and where the model hesitated in it. */
    private final ConfidenceTrack track = new ConfidenceTrack();
    /** The running step's thinking since the last snapshot, and its tokens (to redraw it in the other way). */
    private final StringBuilder liveThinking = new StringBuilder();
    private final List<TokenProbability> liveConfidence = new ArrayList<>();
    /** Set while a saved session is shown: its times are the recording's, so metrics are taken at its last event. */
    private long recordedUntil = -1;

    public StepperViewModel(StepperFactory factory, List<ChatTemplate> templates) {
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("the stepper needs at least one chat template");
        }
        this.factory = factory;
        this.templates = FXCollections.observableArrayList(templates);
        this.template.set(templates.getFirst());
        for (StepperAction a : StepperAction.values()) {
            ReadOnlyBooleanWrapper possible = new ReadOnlyBooleanWrapper(false);
            // "Wait is not possible now" is gone once it is possible: the reason no longer holds
            possible.addListener((obs, was, now) -> {
                if (now && refused == a) {
                    clearError();
                }
            });
            can.put(a, possible);
        }
        prompt.addListener((obs, was, now) -> {
            if (refused == null && error.get().equals(Messages.get("stepper.error.emptyPrompt")) && now != null
                    && !now.isBlank()) {
                clearError(); // "Type a prompt first" while one is typed
            }
        });
        confidenceShown.addListener((obs, was, now) -> {
            redrawTrace();
            redrawAnswer();
        });
        expected.addListener((obs, was, now) -> {
            expectedFor = prompt.get() == null ? "" : prompt.get();
            if (last != null && Objects.equals(prompt.get(), shownPrompt)) {
                gradedAgainst = now; // typed in for the prompt the session ran: its answers are graded again
                showBranches(last);
            }
        });
        prompt.addListener((obs, was, now) -> {
            // an expected answer belongs to the prompt it was given for: a new prompt (typed, or another problem)
            // would otherwise be graded against the last one's answer; one typed before any prompt belongs to the
            // prompt typed after it (and is tied to it at the next Run)
            if (!expected.get().isBlank() && !expectedFor.isBlank() && !Objects.equals(now, expectedFor)) {
                expected.set("");
            }
        });
    }

    /** A view model stepping {@code backend} with these settings, over the chosen template. */
    public static StepperViewModel over(CompletionBackend backend, List<ChatTemplate> templates,
                                        StepperSettings settings) {
        return new StepperViewModel((t, listener) -> new Stepper(backend, t, settings, listener), templates);
    }

    // ---- actions (FX thread) ----

    /** Starts a new session on the prompt with the chosen template (a running one is closed first). */
    public void run() {
        if (prompt.get() == null || prompt.get().isBlank()) {
            refused = null;
            error.set(Messages.get("stepper.error.emptyPrompt"));
            return;
        }
        act(() -> {
            if (stepper != null) {
                stepper.close();
            }
            int mine = ++session;
            queue.clear();
            recordedUntil = -1;
            shownPrompt = prompt.get();
            gradedAgainst = expected.get();
            if (!expected.get().isBlank()) {
                expectedFor = prompt.get();
            }
            stepper = factory.create(template.get(), event -> {
                if (session == mine) {
                    queue.add(event);
                    wake.run();
                }
            });
            stepper.start(system.get(), prompt.get());
        });
    }

    public void continueToAnswer() {
        act(StepperAction.CONTINUE, () -> stepper().continueToAnswer());
    }

    public void waitMore() {
        act(StepperAction.WAIT, () -> stepper().waitMore());
    }

    public void insert(String text) {
        act(StepperAction.INSERT, () -> stepper().insert(text));
    }

    public void edit(String newThinking) {
        act(StepperAction.EDIT, () -> stepper().edit(newThinking));
    }

    public void forceAnswer() {
        act(StepperAction.FORCE_ANSWER, () -> stepper().forceAnswer());
    }

    public void fork() {
        act(StepperAction.FORK, () -> stepper().fork());
    }

    /** Stops the step that runs (Esc, or Stop): what it wrote is kept. Nothing while no step runs. */
    public void stop() {
        if (stepper != null && state.get().running()) {
            act(() -> stepper.stop());
        }
    }

    public void undo() {
        act(StepperAction.UNDO, () -> stepper().undo());
    }

    /** Makes branch {@code id} the active one; in a saved session shown, shows that branch as recorded. */
    public void selectBranch(int id) {
        if (stepper == null && last != null && last.branches().stream().anyMatch(b -> b.id() == id)) {
            BranchView b = last.branches().stream().filter(v -> v.id() == id).findFirst().orElseThrow();
            recordedUntil = b.events().isEmpty() ? 0 : b.events().getLast().nanos();
            queue.add(new StepperEvent.Changed(new StepperSnapshot(b.status(), b.reason(), Set.of(), last.branches(),
                    id, "", last.prompt())));
            wake.run();
            return;
        }
        act(() -> stepper().select(id));
    }

    private Stepper stepper() {
        if (stepper == null) {
            throw new IllegalStateException(Messages.get(last == null ? "stepper.error.runFirst"
                    : "stepper.error.saved"));
        }
        return stepper;
    }

    /**
     * Runs a stepping action when the session allows it now; otherwise says so in the window's words (a key can
     * ask for an action whose button is disabled).
     */
    private void act(StepperAction kind, Runnable action) {
        if (stepper != null && !can.get(kind).get()) {
            String what = Messages.get(LABELS.get(kind)).replace("\u2026", "");
            // why not, and the way on: a step still running, an answer written, a step that failed
            StepperState now = state.get();
            error.set(now.running() ? Messages.get("stepper.error.notNow.running", what)
                    : now == StepperState.DONE ? Messages.get("stepper.error.notNow.done", what)
                    : now == StepperState.FAILED ? Messages.get("stepper.error.notNow.failed", what)
                    : Messages.get("stepper.error.notNow", what));
            refused = kind;
            return;
        }
        if (stepper == null) {
            act(action); // nothing ran, or a saved session is shown: the action says why it cannot
            return;
        }
        try {
            clearError();
            action.run();
        } catch (IllegalStateException e) {
            // the window had not yet heard that the last key started a step (W pressed twice): the session refused
            // it for that; said in the window's words, and gone once the action is possible again
            error.set(Messages.get("stepper.error.notNow.running", Messages.get(LABELS.get(kind))
                    .replace("\u2026", "")));
            refused = kind;
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    private static final Map<StepperAction, String> LABELS = Map.of(StepperAction.CONTINUE, "stepper.continue",
            StepperAction.WAIT, "stepper.wait", StepperAction.INSERT, "stepper.insert", StepperAction.EDIT,
            "stepper.edit", StepperAction.FORCE_ANSWER, "stepper.force", StepperAction.FORK, "stepper.fork",
            StepperAction.UNDO, "stepper.undo");

    private void clearError() {
        refused = null;
        error.set("");
    }

    private void act(Runnable action) {
        try {
            clearError();
            action.run();
        } catch (IllegalStateException | IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    /**
     * What a new Run would take off the screen, in words ("2 branches, 5 steps"), when the session shown holds more
     * than its first step (a Wait, an insert, a fork): Run starts over, and Undo cannot bring the old session back.
     * Empty when there is little to lose (nothing ran, or one step).
     */
    public String runWouldDiscard() {
        if (last == null || last.branches().isEmpty()) {
            return "";
        }
        // a fork starts with its parent's steps: counted once, on the parent (an Undo may have taken the fork
        // back below the point it was forked at)
        int steps = last.branches().stream().mapToInt(b -> b.parentId() == null ? b.steps().size()
                : Math.max(0, b.steps().size() - b.forkedAfterSteps())).sum();
        int branches = last.branches().size();
        if (branches < 2 && steps < 2) {
            return "";
        }
        return Messages.get("stepper.discard.what", branches, steps);
    }

    /** The session as the last frame showed it (for saving it), null before anything ran. */
    public StepperSnapshot lastSnapshot() {
        return last;
    }

    /**
     * The session to save, as the last frame showed it; null when there is nothing to save: nothing ran, or every
     * step was undone (closing asked to save "the Stepper's branch" of no step).
     */
    public StepperSnapshot snapshotToSave() {
        return last == null || last.branches().stream().allMatch(b -> b.steps().isEmpty()) ? null : last;
    }

    /**
     * Shows a saved stepping session as it was (its branches, text and numbers), through the same path as a live
     * one, its answers graded against {@code expectedAnswer} (the one saved with it; blank for none); its branches
     * can be viewed one by one, other actions wait for a new Run. A session running now is closed first.
     */
    public void showRecorded(StepperSnapshot snapshot, String expectedAnswer) {
        closeSession();
        // the session keeps the templated prompt; the box shows the user's part (Run would template it again)
        ChatTemplate t = template.get();
        prompt.set(t == null ? snapshot.prompt()
                : t.userPart(snapshot.prompt(), system.get()).orElse(snapshot.prompt()));
        shownPrompt = prompt.get();
        expected.set(expectedAnswer == null ? "" : expectedAnswer);
        gradedAgainst = expected.get(); // said here: the field may have held the same text, and then tells nobody
        var events = snapshot.active().events();
        recordedUntil = events.isEmpty() ? 0 : events.getLast().nanos();
        queue.add(new StepperEvent.Changed(snapshot));
        wake.run();
    }

    /**
     * Empties the tab, as before its first Run (a session opened without Stepper work shows none): a session
     * running now is closed, its branches, text and numbers go. The prompt and expected answer stay in their boxes.
     */
    public void clear() {
        closeSession();
        recordedUntil = -1;
        last = null;
        recorder = null;
        liveTokens = 0;
        liveThinking.setLength(0);
        liveConfidence.clear();
        answerTokens.clear();
        track.clear();
        state.set(StepperState.IDLE);
        status.set(Messages.get("stepper.status.start"));
        clearError();
        canRun.set(true);
        can.values().forEach(flag -> flag.set(false));
        timeline.clear();
        branches.clear();
        grade.set(null);
        thinkingTokens.set(0);
        metrics.set(RunMetrics.empty());
        trace.set(new TraceUpdate(++seq, true, List.of()));
        answer.set("");
        redrawAnswer();
        shownPrompt = null;
        gradedAgainst = "";
    }

    /** Closes the session running now, if any; its events still queued are dropped. */
    private void closeSession() {
        if (stepper != null) {
            stepper.close();
            stepper = null;
        }
        ++session;
        queue.clear();
    }

    /** The active branch's thinking as it stands, e.g. to prefill an edit. */
    public String currentThinking() {
        return last == null ? "" : last.active().thinking();
    }

    @Override
    public void close() {
        if (stepper != null) {
            stepper.close();
        }
    }

    // ---- per frame (FX thread) ----

    /** What asks for frames once an event is queued (the view's frame driver); called from any thread. */
    public void setWake(Runnable action) {
        wake = action == null ? () -> { } : action;
    }

    /**
     * One frame: {@link #drain()}, then whether the next frame has work (events arrived, or a step runs and its
     * clock is on show).
     */
    public boolean frame() {
        return drain() > 0 || state.get().running();
    }

    /** Folds the events that arrived since the last frame into the properties. Returns how many there were. */
    public int drain() {
        StepperSnapshot snapshot = null;
        StringBuilder thinkingAppend = new StringBuilder();
        List<TokenProbability> drainedConfidence = new ArrayList<>();
        StringBuilder answerText = null;
        StringBuilder answerAppend = new StringBuilder();
        boolean answerTokensCame = false;
        int n = 0;
        for (StepperEvent e; (e = queue.poll()) != null; n++) {
            switch (e) {
                case StepperEvent.Changed c -> {
                    snapshot = c.snapshot();
                    thinkingAppend.setLength(0);
                    drainedConfidence.clear();
                    liveThinking.setLength(0);
                    liveConfidence.clear();
                    answerText = new StringBuilder(snapshot.state() == StepperState.ANSWERING ? ""
                            : snapshot.active().answer());
                    answerAppend.setLength(0);
                    answerTokens.clear();
                    List<StepRecord> steps = snapshot.active().steps();
                    if (snapshot.state() != StepperState.ANSWERING && !steps.isEmpty()
                            && steps.getLast().phase() == StepRecord.Phase.ANSWER) {
                        answerTokens.addAll(steps.getLast().confidence());
                    }
                    answerTokensCame = true;
                    liveTokens = 0;
                    recorder = snapshot.active().recorder(null);
                }
                case StepperEvent.Recorded r -> {
                    // Events of the running step always belong to the active branch.
                    if (recorder != null) {
                        recorder.accept(r.event());
                    }
                    switch (r.event()) {
                        case ReasoningEvent.ThinkingDelta d -> {
                            liveTokens += d.tokens();
                            thinkingAppend.append(d.text());
                            liveThinking.append(d.text());
                        }
                        case ReasoningEvent.TokenConfidence t when t.thinking() -> {
                            drainedConfidence.addAll(t.tokens());
                            liveConfidence.addAll(t.tokens());
                        }
                        case ReasoningEvent.TokenConfidence t -> {
                            answerTokens.addAll(t.tokens());
                            answerTokensCame = true;
                        }
                        case ReasoningEvent.AnswerDelta d -> answerAppend.append(d.text());
                        default -> {
                            // Interventions and the end show through the next snapshot.
                        }
                    }
                }
            }
        }
        // the latest snapshot's trace replaces what is shown; the running step's text since then follows it
        List<TraceUpdate.Span> replaced = null;
        if (snapshot != null) {
            apply(snapshot);
            replaced = spans(snapshot);
        }
        publishText(replaced, generated(drainedConfidence, thinkingAppend), answerText, answerAppend);
        if (answerTokensCame || answerText != null || !answerAppend.isEmpty()) {
            redrawAnswer();
        }
        if (recorder != null && (n > 0 || state.get().running())) {
            metrics.set(recorder.metrics(recordedUntil >= 0 ? recordedUntil : System.nanoTime()));
        }
        return n;
    }

    private void publishText(List<TraceUpdate.Span> replaced, List<TraceUpdate.Span> thinkingAppend,
                             StringBuilder answerText, StringBuilder answerAppend) {
        if (replaced != null) {
            List<TraceUpdate.Span> all = new ArrayList<>(replaced);
            all.addAll(thinkingAppend);
            trace.set(new TraceUpdate(++seq, true, all));
        } else if (!thinkingAppend.isEmpty()) {
            trace.set(new TraceUpdate(++seq, false, thinkingAppend));
        }
        if (answerText != null) {
            answer.set(answerText.append(answerAppend).toString());
        } else if (!answerAppend.isEmpty()) {
            answer.set(answer.get() + answerAppend);
        }
        if (last != null) {
            thinkingTokens.set(last.active().thinkingTokens() + (state.get() == StepperState.THINKING
                    ? liveTokens : 0));
        }
    }

    /** The whole trace of {@code s}'s active branch; the confidence track starts again with it. */
    private List<TraceUpdate.Span> spans(StepperSnapshot s) {
        List<TraceUpdate.Span> out = new ArrayList<>();
        track.clear();
        for (StepRecord step : s.active().thinkingSteps()) {
            if (step.openedBy() == InterventionKind.TRACE_EDITED) {
                out.clear();
                track.clear();
                out.add(new TraceUpdate.Span(step.inserted(), TraceUpdate.Kind.EDITED));
                track.addPlain(step.inserted());
            } else if (!step.inserted().isEmpty()) {
                out.add(new TraceUpdate.Span(step.inserted(), TraceUpdate.Kind.INSERTED));
                track.addPlain(step.inserted());
            }
            out.addAll(generated(step.confidence(), step.text()));
            track.forgetPendingTokens();
        }
        if (s.state() == StepperState.THINKING && !s.pendingInserted().isEmpty()) {
            out.add(new TraceUpdate.Span(s.pendingInserted(), TraceUpdate.Kind.INSERTED));
            track.addPlain(s.pendingInserted());
        }
        return out;
    }

    /** Text the model wrote, after its tokens' probabilities: in stretches of one band when the view shows them. */
    private List<TraceUpdate.Span> generated(List<TokenProbability> confidence, CharSequence text) {
        if (text.isEmpty()) {
            return List.of();
        }
        track.addTokens(confidence);
        return modelSpans(track.addGenerated(text.toString()));
    }

    /** Stretches of model text as spans, neighbours of one band joined, bands only while the view shows them. */
    private List<TraceUpdate.Span> modelSpans(List<ConfidenceAligner.Stretch> stretches) {
        List<TraceUpdate.Span> out = new ArrayList<>();
        for (ConfidenceAligner.Stretch stretch : stretches) {
            TextChunk.Confidence band = confidenceShown.get() ? stretch.confidence() : null;
            if (!out.isEmpty() && out.getLast().confidence() == band) {
                out.set(out.size() - 1, new TraceUpdate.Span(out.getLast().text() + stretch.text(),
                        TraceUpdate.Kind.MODEL, band));
            } else {
                out.add(new TraceUpdate.Span(stretch.text(), TraceUpdate.Kind.MODEL, band));
            }
        }
        return out;
    }

    /** Draws the answer shown again from its text and tokens (an answer is a few tokens: always whole). */
    private void redrawAnswer() {
        answerTrack.clear();
        answerTrack.addTokens(answerTokens);
        String text = answer.get();
        answerTrace.set(new TraceUpdate(++seq, true, text.isEmpty() ? List.of()
                : modelSpans(answerTrack.addGenerated(text))));
    }

    /**
     * Colours the trace by the model's confidence in each token, or not: the trace shown is drawn again in the new
     * way (text the model wrote, where the engine reported probabilities).
     */
    public BooleanProperty confidenceShownProperty() {
        return confidenceShown;
    }

    private void redrawTrace() {
        if (last == null) {
            return;
        }
        List<TraceUpdate.Span> all = new ArrayList<>(spans(last));
        all.addAll(generated(liveConfidence, liveThinking));
        trace.set(new TraceUpdate(++seq, true, all));
    }

    /**
     * The token the model hesitated over whose text lies at {@code offset} of the trace, with the tokens it nearly
     * chose; null where there is none, or while the confidence view is off.
     */
    public TokenProbability hesitationAt(int offset) {
        return confidenceShown.get() ? track.hesitationAt(offset) : null;
    }

    /** As {@link #hesitationAt}, in the answer shown. */
    public TokenProbability answerHesitationAt(int offset) {
        return confidenceShown.get() ? answerTrack.hesitationAt(offset) : null;
    }

    /** The answer shown as spans of model text, in confidence bands while that view is on; null before any. */
    public ReadOnlyObjectProperty<TraceUpdate> answerTraceProperty() {
        return answerTrace.getReadOnlyProperty();
    }

    private void apply(StepperSnapshot s) {
        last = s;
        state.set(s.state());
        String said = StepperWords.say(s.reason());
        // everything undone: back to the start, and the status says what to do there
        status.set(said.isBlank() && s.state() == StepperState.IDLE ? Messages.get("stepper.status.start") : said);
        canRun.set(!s.state().running());
        can.forEach((action, flag) -> flag.set(s.can(action)));
        if (refused != null && s.can(refused)) {
            clearError(); // possible again (the steps between may have come in one frame: no flag changed)
        }
        timeline.setAll(TimelineRows.of(s.branches()));
        showBranches(s);
    }

    /** The branches' summaries and the active answer's grade, against the expected answer now. */
    private void showBranches(StepperSnapshot s) {
        String want = gradedAgainst == null || gradedAgainst.isBlank() ? null : gradedAgainst.strip();
        List<BranchSummary> summaries = new ArrayList<>();
        for (BranchView b : s.branches()) {
            Grade g = AnswerGrader.grade(b.answer(), want);
            summaries.add(new BranchSummary(b.id(), StepperWords.say(b.name()), b.id() == s.activeBranchId(),
                    Messages.get("stepper.state." + b.status().name()), b.thinkingTokens(), answerIn(b.answer(), g),
                    b.answers().stream().map(StepperViewModel::describe).toList(),
                    b.status() == StepperState.DONE ? mark(g) : ""));
        }
        branches.setAll(summaries);
        grade.set(s.state() == StepperState.DONE ? AnswerGrader.grade(s.active().answer(), want) : null);
    }

    /** A branch's answer graded, in a word or two; empty when there is nothing to grade against. */
    private static String mark(Grade g) {
        return switch (g.verdict()) {
            case CORRECT -> Messages.get("branch.right");
            case WRONG -> Messages.get("branch.wrong", g.expected());
            case UNGRADABLE -> "";
        };
    }

    private static String describe(AnswerRecord a) {
        return Messages.get(a.withdrawn() ? "stepper.answer.undone" : "stepper.answer.quoted",
                answerIn(a.text(), AnswerGrader.grade(a.text(), null)));
    }

    /** The answer as the grader reads it ("66" for "Final Answer: 66"), else its text. */
    private static String answerIn(String text, Grade g) {
        return g.extracted() != null ? g.extracted() : text.strip();
    }

    // ---- properties ----

    public StringProperty promptProperty() {
        return prompt;
    }

    public StringProperty systemProperty() {
        return system;
    }

    /** The prompt's known answer, blank for none: a written answer is graded against it ({@link #gradeProperty()}). */
    public StringProperty expectedProperty() {
        return expected;
    }

    /**
     * The active branch's written answer graded against the expected answer (not graded when there is none); null
     * while no answer is written.
     */
    public ReadOnlyObjectProperty<Grade> gradeProperty() {
        return grade.getReadOnlyProperty();
    }

    public ObjectProperty<ChatTemplate> templateProperty() {
        return template;
    }

    public ObservableList<ChatTemplate> templates() {
        return templates;
    }

    public ReadOnlyObjectProperty<StepperState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why the session is where it is ("the model wants to stop thinking (120 tokens so far)"). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last refused action's reason, empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The latest change to the shown thinking. */
    public ReadOnlyObjectProperty<TraceUpdate> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty answerProperty() {
        return answer.getReadOnlyProperty();
    }

    /** The active branch's metrics (tokens, times), from the same recorder a Compare column uses. */
    public ReadOnlyObjectProperty<RunMetrics> metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty thinkingTokensProperty() {
        return thinkingTokens.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRunProperty() {
        return canRun.getReadOnlyProperty();
    }

    /** Whether {@code action} is possible now. */
    public ReadOnlyBooleanProperty canProperty(StepperAction action) {
        return can.get(action).getReadOnlyProperty();
    }

    /** Every branch's steps, branch by branch: segments between interventions and the answers. */
    public ObservableList<TimelineRow> timeline() {
        return timelineShown;
    }

    public ObservableList<BranchSummary> branches() {
        return branchesShown;
    }
}
