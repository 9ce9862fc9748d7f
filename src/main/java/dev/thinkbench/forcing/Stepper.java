package dev.thinkbench.forcing;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.SurePercent;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.TokenCounter;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Budget forcing by hand. The model thinks until it tries to stop (or reaches the cap), then the session PAUSES and
 * the user chooses: {@link #continueToAnswer} (accept the end and answer), {@link #waitMore} (append the next Wait
 * text and think on), {@link #insert} (any text), {@link #edit} (replace the thinking), {@link #forceAnswer} (also
 * while thinking: the step is stopped and the answer forced), {@link #fork} (a new branch from here, kept beside the
 * others) and {@link #undo} (back one step). Every step is kept with its tokens and time; every branch keeps every
 * answer it gave.
 *
 * <p>Threading: actions may be called from any thread (the UI thread) and return at once; continuations run on the
 * stepper's own worker thread. Actions that start a continuation return a future completed when it settles. An
 * action that is not allowed now ({@link StepperSnapshot#allowed()}) throws {@link IllegalStateException} with a
 * message for the user. The listener gets {@link StepperEvent}s on the worker thread, or on the calling thread for
 * instant actions; it must queue and return (it is called under the stepper's lock, so that snapshots arrive in
 * order) and must not call back into the stepper.
 */
public final class Stepper implements AutoCloseable {

    private final StepRunner runner;
    private final CompletionBackend backend;
    private final ChatTemplate template;
    private final StepperSettings settings;
    private final Consumer<StepperEvent> listener;
    private final ExecutorService worker;
    private final Object lock = new Object();
    private final List<Branch> branches = new ArrayList<>();
    private Branch active;
    private String base = "";
    private StepperState running;
    private String pendingInserted = "";
    private CancelToken stepCancel = new CancelToken();
    private CompletableFuture<StepperSnapshot> task = CompletableFuture.completedFuture(null);
    private boolean forceRequested;
    private boolean closed;
    /** Events recorded for the step being launched or run, committed to its branch's state when it settles. */
    private final List<ReasoningEvent> stepEvents = new ArrayList<>();

    public Stepper(CompletionBackend backend, ChatTemplate template, StepperSettings settings,
                   Consumer<StepperEvent> listener) {
        this.runner = new StepRunner(backend, template, settings.sampling(), false);
        this.backend = backend;
        this.template = template;
        this.settings = settings;
        this.listener = listener;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "thinkbench-stepper");
            t.setDaemon(true);
            return t;
        });
        this.active = new Branch(1, null, 0);
        branches.add(active);
    }

    public ChatTemplate template() {
        return template;
    }

    public StepperSettings settings() {
        return settings;
    }

    /** Starts thinking on {@code prompt}; allowed while the active branch is idle. */
    public CompletableFuture<StepperSnapshot> start(String system, String prompt) {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("the prompt is empty");
        }
        synchronized (lock) {
            require(StepperAction.START);
            base = template.prompt(system == null ? "" : system, prompt);
            record(new ReasoningEvent.Started(System.nanoTime(), backend.model(), "stepper"));
            return launchThinking(null, "", 0);
        }
    }

    /** Accepts the model's end of thinking and lets it answer. */
    public CompletableFuture<StepperSnapshot> continueToAnswer() {
        synchronized (lock) {
            require(StepperAction.CONTINUE);
            return launchAnswer(InterventionKind.END_ACCEPTED, template.closeThinking(sofar(), null),
                    "you let the model answer");
        }
    }

    /** Appends the next Wait text and thinks on. */
    public CompletableFuture<StepperSnapshot> waitMore() {
        synchronized (lock) {
            require(StepperAction.WAIT);
            int waits = active.current().waitsUsed();
            String wait = settings.waitText(waits);
            intervene(InterventionKind.WAIT_INSERTED, wait, "you added a Wait");
            return launchThinking(InterventionKind.WAIT_INSERTED, wait, waits + 1);
        }
    }

    /** Appends {@code text} (special tokens escaped) and thinks on; empty text just thinks on. */
    public CompletableFuture<StepperSnapshot> insert(String text) {
        synchronized (lock) {
            require(StepperAction.INSERT);
            String inserted = template.escape(text == null ? "" : text);
            intervene(InterventionKind.TEXT_INSERTED, inserted, "you inserted text");
            return launchThinking(InterventionKind.TEXT_INSERTED, inserted, active.current().waitsUsed());
        }
    }

    /**
     * Replaces the thinking with {@code newThinking} (special tokens escaped); stays paused. The edited trace's size
     * is estimated at once and counted with the model's tokenizer on the worker thread, where the backend can count.
     */
    public StepperSnapshot edit(String newThinking) {
        synchronized (lock) {
            require(StepperAction.EDIT);
            long now = System.nanoTime();
            BranchState s = active.current();
            String text = template.escape(newThinking == null ? "" : newThinking);
            int estimate = EditedSize.estimate(s.thinking(), s.thinkingTokens(), text);
            StepRecord step = new StepRecord(StepRecord.Phase.THINKING, InterventionKind.TRACE_EDITED, text, "",
                    estimate, 0, null, null, null, "edited by you", now, now);
            intervene(InterventionKind.TRACE_EDITED, text, estimate, "you edited the thinking");
            active.advance(s.with(step, s.waitsUsed(), StepperState.PAUSED,
                    "trace edited: continue, wait, insert or force the answer", takeStepEvents()));
            BranchState edited = active.current();
            Branch branch = active;
            if (backend instanceof TokenCounter counter) {
                worker.execute(() -> countEdit(counter, branch, edited, step));
            }
            return changed();
        }
    }

    /** Counts an edited trace with the model's tokenizer; the count replaces the estimate if nothing moved on. */
    private void countEdit(TokenCounter counter, Branch branch, BranchState edited, StepRecord step) {
        int tokens;
        try {
            tokens = counter.countTokens(step.inserted());
        } catch (EngineException | RuntimeException e) {
            return; // the estimate stands
        }
        synchronized (lock) {
            if (branch.current() != edited || closed) {
                return;
            }
            StepRecord counted = new StepRecord(step.phase(), step.openedBy(), step.inserted(), step.text(), tokens,
                    step.cap(), step.promptTokens(), step.promptTokensEvaluated(), step.stop(), step.note(),
                    step.startNanos(), step.endNanos());
            List<ReasoningEvent> events = new ArrayList<>(edited.events());
            ReasoningEvent.Intervention i = (ReasoningEvent.Intervention) events.getLast();
            events.set(events.size() - 1, new ReasoningEvent.Intervention(i.nanos(), i.kind(), i.text(), tokens,
                    i.reason()));
            branch.refine(edited.withLastStep(counted, events));
            changed();
        }
    }

    /** Forces the answer: appends the end marker and the answer prefix. While thinking, stops the step first. */
    public CompletableFuture<StepperSnapshot> forceAnswer() {
        synchronized (lock) {
            require(StepperAction.FORCE_ANSWER);
            if (running == StepperState.THINKING) {
                forceRequested = true;
                stepCancel.cancel();
                return task;
            }
            return launchAnswer(InterventionKind.ANSWER_FORCED,
                    template.closeThinking(sofar(), settings.answerPrefix()), "you forced the answer");
        }
    }

    /**
     * Stops the running step, whatever it waits for (a server that went silent): thinking pauses with what it wrote,
     * an answer ends as stopped (Undo goes back before it). Nothing happens when no step runs.
     */
    public void stop() {
        synchronized (lock) {
            if (running != null) {
                forceRequested = false;
                stepCancel.cancel();
            }
        }
    }

    /** A new branch from this point, with the same steps; it becomes the active one. */
    public StepperSnapshot fork() {
        synchronized (lock) {
            require(StepperAction.FORK);
            Branch b = active.fork(branches.size() + 1);
            branches.add(b);
            active = b;
            return changed();
        }
    }

    /** Goes back one step on the active branch. */
    public StepperSnapshot undo() {
        synchronized (lock) {
            require(StepperAction.UNDO);
            active.undo();
            return changed();
        }
    }

    /** Makes another branch the active one; not while a step runs. */
    public StepperSnapshot select(int branchId) {
        synchronized (lock) {
            if (running != null) {
                throw new IllegalStateException("cannot switch branches while the model is "
                        + running.name().toLowerCase(Locale.ROOT));
            }
            active = branches.stream().filter(b -> b.id == branchId).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no branch " + branchId + " (the branches are "
                            + String.join(", ", branches.stream().map(b -> Integer.toString(b.id)).toList()) + ")"));
            return changed();
        }
    }

    public StepperSnapshot snapshot() {
        synchronized (lock) {
            return snapshotLocked();
        }
    }

    /** Stops any running step and the worker. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            stepCancel.cancel();
        }
        worker.shutdown();
    }

    // ---- running steps (worker thread) ----

    private CompletableFuture<StepperSnapshot> launchThinking(InterventionKind openedBy, String inserted, int waits) {
        Branch branch = active;
        int cap = settings.maxThinkingTokens() - branch.current().thinkingTokens();
        String sofar = sofar() + inserted;
        CancelToken cancel = begin(StepperState.THINKING, inserted);
        CompletableFuture<StepperSnapshot> done = task;
        worker.execute(() -> think(branch, openedBy, inserted, waits, sofar, cap, cancel, done));
        return done;
    }

    private CompletableFuture<StepperSnapshot> launchAnswer(InterventionKind how, String closing, String why) {
        intervene(how, closing, why);
        Branch branch = active;
        String sofar = sofar() + closing;
        CancelToken cancel = begin(StepperState.ANSWERING, closing);
        CompletableFuture<StepperSnapshot> done = task;
        worker.execute(() -> answer(branch, how, closing, sofar, cancel, done));
        return done;
    }

    private CancelToken begin(StepperState state, String inserted) {
        running = state;
        pendingInserted = inserted;
        forceRequested = false;
        stepCancel = new CancelToken();
        if (task.isDone()) {
            task = new CompletableFuture<>();
        }
        changed();
        return stepCancel;
    }

    private void think(Branch branch, InterventionKind openedBy, String inserted, int waits, String sofar, int cap,
                       CancelToken cancel, CompletableFuture<StepperSnapshot> done) {
        PartialStep partial = new PartialStep(StepRecord.Phase.THINKING, this::recordLocked, this::showLocked);
        GuardedStep.Outcome o;
        ContextRoom room = null;
        int stepCap = cap;
        try {
            // the context's end caps thinking too, short of where the forced answer would no longer fit
            room = runner.room(sofar, settings.answerPrefix(), settings.maxAnswerTokens(), cap).orElse(null);
            stepCap = room != null ? room.tokens() : cap;
            long now = System.nanoTime();
            o = stepCap > 0 ? runner.think(sofar, stepCap, partial, cancel) : new GuardedStep.Outcome("", 0,
                    CompletionResult.Stop.LENGTH, "", null, null, now, now, GuardedStep.Guard.NONE);
        } catch (EngineException | RuntimeException | Error e) {
            // an Error too (a broken install, a stack overflow): the step fails where the user looks, never hangs
            fail(branch, partial.failed(openedBy, inserted, stepCap, e), e, done);
            return;
        }
        synchronized (lock) {
            StepRecord rec = StepRunner.record(StepRecord.Phase.THINKING, openedBy, inserted, stepCap, o,
                    partial.confidence(), room);
            branch.advance(branch.current().with(rec, waits, StepperState.PAUSED, pauseReason(o, branch, rec, room),
                    takeStepEvents()));
            running = null;
            if (forceRequested && !closed) {
                launchAnswer(InterventionKind.ANSWER_FORCED,
                        template.closeThinking(sofar(), settings.answerPrefix()), "you forced the answer");
                return;
            }
            done.complete(changed());
        }
    }

    /**
     * Why the branch is done: the answer is written, forced or not, after what end of the thinking ({@code before},
     * the last step before the answer: the model closed its thinking itself only where it stopped at the end marker;
     * after its end of turn, the cap, a stop or an edit the user closed it), and how sure the model was of it if
     * known (in whole percent; 99.6% is ">99%", never "100%").
     */
    private static String answered(boolean forced, StepRecord before, OptionalDouble sure) {
        String least = sure.isEmpty() ? ""
                : "its least sure token at " + SurePercent.of(sure.getAsDouble()) + "%";
        if (!forced && before != null && before.stop() == CompletionResult.Stop.STOP_STRING) {
            String how = "answer written after the model ended its thinking";
            return least.isEmpty() ? how : how + " (" + least + ")";
        }
        String how = forced ? "forced"
                : before != null && before.stop() == CompletionResult.Stop.EOS
                ? "you closed the thinking the model had left open" : "you closed the thinking";
        return "answer written (" + how + (least.isEmpty() ? "" : "; " + least) + ")";
    }

    /** @param room the context's room when it, not the branch's cap, capped the step; else null */
    private String pauseReason(GuardedStep.Outcome o, Branch branch, StepRecord step, ContextRoom room) {
        int used = branch.current().thinkingTokens() + o.tokens();
        OptionalDouble sure = TokenConfidences.stopProbability(step.confidence(), o.stoppingWord());
        return switch (o.stop()) {
            case LENGTH -> room != null && o.guard() == GuardedStep.Guard.NONE
                    ? room.reason(used, settings.maxThinkingTokens()) + ": force the answer, or undo"
                    : "thinking reached its cap of " + settings.maxThinkingTokens()
                    + " tokens: force the answer, or undo";
            case CANCELLED -> forceRequested ? "stopped to force the answer" : "stopped";
            case EOS -> "the model ended its turn without closing its thinking (" + used + " tokens)";
            case STOP_STRING -> o.guard() == GuardedStep.Guard.CUT_AT_STOP
                    ? "the model wants to stop thinking (" + used + " tokens so far); the server ignored the stop string"
                    : sure.isPresent() ? "the model wants to stop thinking (" + used + " tokens so far, "
                            + SurePercent.of(sure.getAsDouble()) + "% sure)"
                    : "the model wants to stop thinking (" + used + " tokens so far)";
        };
    }

    private void answer(Branch branch, InterventionKind how, String closing, String sofar, CancelToken cancel,
                        CompletableFuture<StepperSnapshot> done) {
        PartialStep partial = new PartialStep(StepRecord.Phase.ANSWER, this::recordLocked, this::showLocked);
        int cap = settings.maxAnswerTokens();
        GuardedStep.Outcome o;
        try {
            o = runner.answer(sofar, cap, partial, cancel);
        } catch (EngineException | RuntimeException | Error e) {
            // an Error too (a broken install, a stack overflow): the step fails where the user looks, never hangs
            fail(branch, partial.failed(how, closing, cap, e), e, done);
            return;
        }
        synchronized (lock) {
            StepRecord rec = StepRunner.record(StepRecord.Phase.ANSWER, how, closing, cap, o, partial.confidence());
            BranchState s = branch.current();
            String reason = switch (o.stop()) {
                case LENGTH -> "the answer reached its cap of " + cap + " tokens";
                case CANCELLED -> "the answer was stopped before its end";
                default -> answered(how == InterventionKind.ANSWER_FORCED,
                        s.steps().isEmpty() ? null : s.steps().getLast(), TokenConfidences.leastSure(rec.confidence()));
            };
            StepperState status = o.stop() == CompletionResult.Stop.CANCELLED ? StepperState.FAILED
                    : StepperState.DONE;
            long now = System.nanoTime();
            if (status == StepperState.DONE) {
                record(new ReasoningEvent.UsageReported(now, usage(s, rec)));
                record(new ReasoningEvent.Finished(now, o.stop() == CompletionResult.Stop.LENGTH
                        ? ReasoningEvent.StopReason.LENGTH : ReasoningEvent.StopReason.END_OF_TURN));
            } else {
                record(new ReasoningEvent.Cancelled(now));
            }
            branch.advance(s.with(rec, s.waitsUsed(), status, reason, takeStepEvents()));
            running = null;
            done.complete(changed());
        }
    }

    private void fail(Branch branch, StepRecord partialStep, Throwable error, CompletableFuture<StepperSnapshot> done) {
        synchronized (lock) {
            BranchState s = branch.current();
            FailureKind kind = error instanceof EngineException e ? e.kind() : FailureKind.UNKNOWN;
            String message = error instanceof EngineException ? error.getMessage()
                    : "internal error while stepping: " + error;
            record(new ReasoningEvent.Failed(System.nanoTime(), kind, message));
            branch.advance(s.with(partialStep, s.waitsUsed(), StepperState.FAILED, partialStep.note(),
                    takeStepEvents()));
            running = null;
            done.complete(changed());
        }
    }

    // ---- events ----

    /** Records an intervention on the active branch, sized by the thinking so far. */
    private void intervene(InterventionKind kind, String text, String why) {
        intervene(kind, text, active.current().thinkingTokens(), why);
    }

    private void intervene(InterventionKind kind, String text, int tokens, String why) {
        record(new ReasoningEvent.Intervention(System.nanoTime(), kind, text, tokens, why));
    }

    /** Records an event of the active branch's running step and tells the listener. Call under the lock. */
    private void record(ReasoningEvent event) {
        stepEvents.add(event);
        listener.accept(new StepperEvent.Recorded(active.id, event));
    }

    /**
     * Tells the listener of an event of the running step without recording it on the branch (token probabilities:
     * the step's record keeps them). From the worker thread.
     */
    private void showLocked(ReasoningEvent event) {
        synchronized (lock) {
            listener.accept(new StepperEvent.Recorded(active.id, event));
        }
    }

    /** {@link #record} from the worker thread, where text streams in. */
    private void recordLocked(ReasoningEvent event) {
        synchronized (lock) {
            record(event);
        }
    }

    private List<ReasoningEvent> takeStepEvents() {
        List<ReasoningEvent> taken = List.copyOf(stepEvents);
        stepEvents.clear();
        return taken;
    }

    /**
     * What the branch used: the first step's prompt (the user's templated prompt, as a hosted API would bill it) and
     * every token generated on it, the answer included.
     */
    private static Usage usage(BranchState s, StepRecord answerStep) {
        Integer prompt = s.steps().isEmpty() ? answerStep.promptTokens() : s.steps().getFirst().promptTokens();
        int output = answerStep.tokens();
        for (StepRecord r : s.steps()) {
            if (r.openedBy() != InterventionKind.TRACE_EDITED) {
                output += r.tokens();
            }
        }
        return new Usage(prompt, output, null);
    }

    // ---- state ----

    private String sofar() {
        return base + active.current().thinking();
    }

    private void require(StepperAction action) {
        if (!allowed().contains(action)) {
            throw new IllegalStateException("cannot " + action.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " now: " + StepperRules.describe(closed, running, active.current()));
        }
    }

    private Set<StepperAction> allowed() {
        return StepperRules.allowed(closed, running, active.current(), active.canUndo(),
                settings.maxThinkingTokens());
    }

    private StepperSnapshot changed() {
        StepperSnapshot snap = snapshotLocked();
        listener.accept(new StepperEvent.Changed(snap));
        return snap;
    }

    private StepperSnapshot snapshotLocked() {
        BranchState s = active.current();
        StepperState state = running != null ? running : s.status();
        String reason = running == StepperState.THINKING ? "thinking\u2026"
                : running == StepperState.ANSWERING ? "answering\u2026" : s.reason();
        List<BranchView> views = branches.stream().map(b -> b.view(b == active ? stepEvents : List.of())).toList();
        return new StepperSnapshot(state, reason, allowed(), views, active.id,
                running != null ? pendingInserted : "", base);
    }
}
