package dev.thinkbench.forcing;

import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;

import java.util.ArrayList;
import java.util.List;
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

    public Stepper(CompletionBackend backend, ChatTemplate template, StepperSettings settings,
                   Consumer<StepperEvent> listener) {
        this.runner = new StepRunner(backend, template, settings.sampling());
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
            return launchThinking(null, "", 0);
        }
    }

    /** Accepts the model's end of thinking and lets it answer. */
    public CompletableFuture<StepperSnapshot> continueToAnswer() {
        synchronized (lock) {
            require(StepperAction.CONTINUE);
            return launchAnswer(InterventionKind.END_ACCEPTED, template.closeThinking(sofar(), null));
        }
    }

    /** Appends the next Wait text and thinks on. */
    public CompletableFuture<StepperSnapshot> waitMore() {
        synchronized (lock) {
            require(StepperAction.WAIT);
            int waits = active.current().waitsUsed();
            return launchThinking(InterventionKind.WAIT_INSERTED, settings.waitText(waits), waits + 1);
        }
    }

    /** Appends {@code text} (special tokens escaped) and thinks on; empty text just thinks on. */
    public CompletableFuture<StepperSnapshot> insert(String text) {
        synchronized (lock) {
            require(StepperAction.INSERT);
            return launchThinking(InterventionKind.TEXT_INSERTED, template.escape(text == null ? "" : text),
                    active.current().waitsUsed());
        }
    }

    /** Replaces the thinking with {@code newThinking} (special tokens escaped); stays paused. */
    public StepperSnapshot edit(String newThinking) {
        synchronized (lock) {
            require(StepperAction.EDIT);
            long now = System.nanoTime();
            BranchState s = active.current();
            StepRecord step = new StepRecord(StepRecord.Phase.THINKING, InterventionKind.TRACE_EDITED,
                    template.escape(newThinking == null ? "" : newThinking), "", 0, 0, null, null, null,
                    "edited by you", now, now);
            active.advance(s.with(step, s.waitsUsed(), StepperState.PAUSED,
                    "trace edited: continue, wait, insert or force the answer"));
            return changed();
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
                    template.closeThinking(sofar(), settings.answerPrefix()));
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
                    .orElseThrow(() -> new IllegalArgumentException("no branch " + branchId));
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

    private CompletableFuture<StepperSnapshot> launchAnswer(InterventionKind how, String closing) {
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
        PartialStep partial = new PartialStep(branch.id, StepRecord.Phase.THINKING, listener);
        GuardedStep.Outcome o;
        try {
            o = runner.think(sofar, cap, partial, cancel);
        } catch (EngineException | RuntimeException e) {
            fail(branch, partial.failed(openedBy, inserted, cap, e), done);
            return;
        }
        synchronized (lock) {
            StepRecord rec = StepRunner.record(StepRecord.Phase.THINKING, openedBy, inserted, cap, o);
            branch.advance(branch.current().with(rec, waits, StepperState.PAUSED, pauseReason(o, branch)));
            running = null;
            if (forceRequested && !closed) {
                launchAnswer(InterventionKind.ANSWER_FORCED,
                        template.closeThinking(sofar(), settings.answerPrefix()));
                return;
            }
            done.complete(changed());
        }
    }

    private String pauseReason(GuardedStep.Outcome o, Branch branch) {
        int used = branch.current().thinkingTokens() + o.tokens();
        return switch (o.stop()) {
            case LENGTH -> "thinking reached its cap of " + settings.maxThinkingTokens()
                    + " tokens: force the answer, or undo";
            case CANCELLED -> forceRequested ? "stopped to force the answer" : "stopped";
            case EOS -> "the model ended its turn without closing its thinking (" + used + " tokens)";
            case STOP_STRING -> "the model wants to stop thinking (" + used + " tokens so far)"
                    + (o.guard() == GuardedStep.Guard.CUT_AT_STOP ? "; the server ignored the stop string" : "");
        };
    }

    private void answer(Branch branch, InterventionKind how, String closing, String sofar, CancelToken cancel,
                        CompletableFuture<StepperSnapshot> done) {
        PartialStep partial = new PartialStep(branch.id, StepRecord.Phase.ANSWER, listener);
        int cap = settings.maxAnswerTokens();
        GuardedStep.Outcome o;
        try {
            o = runner.answer(sofar, cap, partial, cancel);
        } catch (EngineException | RuntimeException e) {
            fail(branch, partial.failed(how, closing, cap, e), done);
            return;
        }
        synchronized (lock) {
            StepRecord rec = StepRunner.record(StepRecord.Phase.ANSWER, how, closing, cap, o);
            String reason = switch (o.stop()) {
                case LENGTH -> "the answer reached its cap of " + cap + " tokens";
                case CANCELLED -> "the answer was stopped before its end";
                default -> how == InterventionKind.ANSWER_FORCED ? "answer written (forced)"
                        : "answer written after the model ended its thinking";
            };
            StepperState status = o.stop() == CompletionResult.Stop.CANCELLED ? StepperState.FAILED
                    : StepperState.DONE;
            BranchState s = branch.current();
            branch.advance(s.with(rec, s.waitsUsed(), status, reason));
            running = null;
            done.complete(changed());
        }
    }

    private void fail(Branch branch, StepRecord partialStep, CompletableFuture<StepperSnapshot> done) {
        synchronized (lock) {
            BranchState s = branch.current();
            branch.advance(s.with(partialStep, s.waitsUsed(), StepperState.FAILED, partialStep.note()));
            running = null;
            done.complete(changed());
        }
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
        return new StepperSnapshot(state, reason, allowed(), branches.stream().map(Branch::view).toList(), active.id,
                running != null ? pendingInserted : "", base);
    }
}
