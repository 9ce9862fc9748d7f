package dev.thinkbench.ui.experiments;

import dev.thinkbench.core.FileProblems;
import dev.thinkbench.core.Sentences;

import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.lab.sweep.Endpoint;
import dev.thinkbench.lab.sweep.ResultLog;
import dev.thinkbench.lab.sweep.RunKey;
import dev.thinkbench.lab.sweep.SweepCsv;
import dev.thinkbench.lab.sweep.SweepEndpoints;
import dev.thinkbench.lab.sweep.SweepCostEstimate;
import dev.thinkbench.lab.sweep.SweepEvent;
import dev.thinkbench.lab.sweep.SweepHandle;
import dev.thinkbench.lab.sweep.SweepOutcome;
import dev.thinkbench.lab.sweep.SweepPlan;
import dev.thinkbench.lab.sweep.SweepProgress;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.lab.sweep.SweepRunner;
import dev.thinkbench.lab.sweep.SweepSetup;
import dev.thinkbench.lab.sweep.SweepStore;
import dev.thinkbench.lab.sweep.TraceLog;
import dev.thinkbench.ui.BackgroundTasks;
import dev.thinkbench.ui.WorkbenchServices;
import dev.thinkbench.ui.common.Formats;
import dev.thinkbench.ui.common.WindowWording;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The Experiments tab: sets up a sweep ({@link SweepSetupViewModel}) on the engine bar's engine and model, saves it
 * in the data folder ({@link SweepStore}) and runs it ({@link SweepRunner}); the sweep's events are queued on its
 * threads and drained once per frame ({@link #tick}) into the results table and charts ({@link SweepResults}) and the
 * progress line. Pause, resume and stop; a grade set by hand is appended to the results file; results export as
 * CSV. A sweep interrupted by a closed window or a crash is offered for resuming when the tab opens: its finished
 * runs are kept and only the rest run. Each finished run's trace is appended to the sweep's traces file
 * ({@link TraceLog}) on the sweep's worker, and read back in the background when the cell of a run finished in an
 * earlier session is opened ({@link #fetchTrace}). UI thread only.
 */
public final class ExperimentsViewModel implements AutoCloseable {

    /** A run whose stream stays silent this long fails (a large model's first token on a slow CPU). */
    static final Duration SILENCE_TIMEOUT = Duration.ofSeconds(300);
    /**
     * The progress line (counts, ETA, bar) is redrawn at most this often while results stream in (each redraw lays out
     * the status bar); a pause, a resume and the end show at once.
     */
    static final long PROGRESS_EVERY_NANOS = 100_000_000L;
    private static final System.Logger LOG = System.getLogger(ExperimentsViewModel.class.getName());

    private final WorkbenchServices services;
    private final SweepStore store;
    private final BackgroundTasks tasks;
    private final SweepRunner.Options options;
    private final SweepSetupViewModel setup;
    private final SweepResults results;
    private final ConcurrentLinkedQueue<SweepEvent> queue = new ConcurrentLinkedQueue<>();
    /** See {@link #unwrittenResults()}. */
    private int unwritten;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText",
            Messages.get("sweep.progress.none"));
    private final ReadOnlyStringWrapper etaText = new ReadOnlyStringWrapper(this, "etaText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<ResumeOffer> offer = new ReadOnlyObjectWrapper<>(this, "offer");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(this, "canStart");
    private final ReadOnlyBooleanWrapper canRetryFailed = new ReadOnlyBooleanWrapper(this, "canRetryFailed");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper costEstimate = new ReadOnlyStringWrapper(this, "costEstimate", "");
    private final ReadOnlyStringWrapper costQuestion = new ReadOnlyStringWrapper(this, "costQuestion", "");
    private final ConnectionViewModel connection;
    /** The sweep Start was pressed for while its cost is asked about, null when nothing is asked. */
    private PendingStart pendingStart;
    /** What the runs finished in this window cost, in USD; null before one reported a cost. */
    private BigDecimal spent;
    private SweepHandle handle;
    private ResultLog log;
    private TraceLog traceLog;
    /** The traces file of the sweep shown, null when none. */
    private Path tracesFile;
    /** Runs whose trace was looked for in {@link #tracesFile}: each is looked for once. */
    private final Set<RunKey> traceLookedFor = new HashSet<>();
    /** Why a trace could not be saved (set on a sweep worker), shown once. */
    private final AtomicReference<String> traceWriteError = new AtomicReference<>();
    /** Asks the view for frames once an event is queued (its frame driver; any thread); set by the view. */
    private volatile Runnable wake = () -> { };
    /**
     * Told which run has a new call in flight or has finished, or null when every run may have changed (a new table,
     * or the runs kept from a results file filled in).
     */
    private Consumer<RunKey> onRunChanged = key -> { };
    private SweepStore.Saved saved;
    private List<BenchProblem> problems = List.of();
    /**
     * Grades set by hand since the runner's last count: what they add to its graded and correct runs, which it
     * counts from the runs it finished (a resumed sweep counts them from the results file again).
     */
    private int handGraded;
    private int handCorrect;
    private SweepProgress lastProgress;
    /** How many runs the sweep launched last has, told before its first progress arrives. */
    private int plannedRuns;
    /**
     * Runs started and not yet finished, counted from the events: a progress snapshot is taken as a run finishes,
     * before its worker takes the next one, so its own count of runs in flight is one short while the sweep goes on.
     */
    private int inFlight;
    private boolean progressDirty;
    private boolean progressNow;
    private long progressShown = Long.MIN_VALUE;
    /** Set when the window closes; read by the background task that starts a sweep. */
    private volatile boolean closing;
    /** Set while the table is laid out for the form (its validation may report changes on the way). */
    private boolean previewing;

    /**
     * @param samplesFolder the app's problem sets ({@code samples/problems})
     * @param options how the runner retries and backs off (tests pass a clock that does not sleep)
     */
    public ExperimentsViewModel(ConnectionViewModel connection, WorkbenchServices services, SweepStore store,
                                Path samplesFolder, BackgroundTasks tasks, SweepRunner.Options options) {
        this.services = services;
        this.connection = connection;
        this.store = store;
        this.tasks = tasks;
        this.options = options;
        this.results = new SweepResults(tasks);
        this.setup = new SweepSetupViewModel(connection, services.presets(), tasks, samplesFolder);
        setup.validProperty().addListener((obs, old, now) -> updateCanStart());
        phase.addListener((obs, old, now) -> {
            updateCanStart();
            wake.run();
        });
        updateCanStart();
        for (Observable o : List.of(setup.validProperty(), setup.problemsProperty(), setup.limitProperty(),
                setup.budgetsProperty(), setup.samplesProperty(), setup.strategies())) {
            o.addListener(x -> preview());
        }
        for (Observable o : List.of(setup.validProperty(), setup.problemsProperty(), setup.limitProperty(),
                setup.budgetsProperty(), setup.samplesProperty(), setup.strategies(), connection.engineProperty(),
                connection.modelProperty(), setup.candidatesProperty())) {
            o.addListener(x -> updateCostEstimate());
        }
        preview();
        updateCostEstimate();
        lookForInterrupted();
    }

    private void updateCanStart() {
        canStart.set(setup.validProperty().get() && !phase.get().busy());
    }

    /**
     * Lays the results table out for the sweep set up in the form, every run pending, while no sweep is shown: the
     * table's rows, columns and cells are built as the sweep is set up, so Start only clears and fills them (a
     * table of hundreds of cells built at Start would hold the window for a frame or more). While the form is invalid
     * for a value the table does not show (a temperature or confidence being typed) the table keeps its plan rather
     * than empty and come back with every keystroke; invalid problems, budgets, samples or strategies empty it.
     */
    /** What the table was last laid out from (problems, limit, budgets, samples, strategies), null when empty. */
    private List<Object> previewedLayout;

    private void preview() {
        if (phase.get() != Phase.IDLE || previewing) {
            return;
        }
        previewing = true;
        try {
            SweepPlan plan = null;
            if (setup.validProperty().get()) {
                try {
                    plan = setup.toSetup().plan(setup.selectedProblems());
                } catch (IllegalStateException | IllegalArgumentException e) {
                    // the form says why Start is disabled
                }
            }
            List<Object> layout = List.of(setup.problemsProperty().get(), String.valueOf(setup.limitProperty().get()),
                    setup.budgetsProperty().get(), setup.samplesProperty().get(), List.copyOf(setup.strategies()));
            if (plan == null && layout.equals(previewedLayout)) {
                return; // the form is invalid elsewhere: the table stays as it was laid out
            }
            previewedLayout = plan == null ? null : layout;
            if (plan == null) {
                results.clear();
            } else {
                results.reset(plan);
                onRunChanged.accept(null);
            }
        } finally {
            previewing = false;
        }
        wake.run();
    }

    // --- starting and resuming -------------------------------------------------------------------------------

    /**
     * Saves the sweep set up in the form and starts it; does nothing while one is under way. A sweep whose runs cost
     * money above {@link #COST_TO_ASK} (or cost an amount the price table cannot tell, over {@link #CALLS_TO_ASK}
     * calls) is asked about first ({@link #costQuestionProperty()}): {@link #confirmStart()} starts it.
     */
    public void start() {
        if (phase.get().busy()) {
            return;
        }
        SweepSetup chosen;
        List<BenchProblem> chosenProblems;
        try {
            chosen = setup.toSetup();
            chosenProblems = setup.selectedProblems();
        } catch (IllegalStateException e) {
            message.set(e.getMessage());
            return;
        }
        SweepCostEstimate estimate = estimate(chosen, chosenProblems);
        if (estimate != null && worthAsking(estimate)) {
            pendingStart = new PendingStart(chosen, chosenProblems);
            costQuestion.set(costWords(estimate, chosen.model()));
            return;
        }
        begin(chosen, chosenProblems);
    }

    /** Starts the sweep whose cost was asked about. */
    public void confirmStart() {
        PendingStart pending = pendingStart;
        pendingStart = null;
        costQuestion.set("");
        if (pending != null && !phase.get().busy()) {
            begin(pending.setup(), pending.problems());
        }
    }

    /** Does not start the sweep whose cost was asked about. */
    public void cancelStart() {
        pendingStart = null;
        costQuestion.set("");
    }

    private record PendingStart(SweepSetup setup, List<BenchProblem> problems) {
    }

    /** A sweep estimated to cost this much (USD) or more is asked about before it starts. */
    static final BigDecimal COST_TO_ASK = BigDecimal.ONE;
    /** A paid sweep the price table cannot estimate is asked about from this many calls. */
    static final long CALLS_TO_ASK = 50;

    private static boolean worthAsking(SweepCostEstimate e) {
        return e.paid() && (e.cost() == null ? e.calls() >= CALLS_TO_ASK : e.cost().compareTo(COST_TO_ASK) >= 0);
    }

    /**
     * The rough cost of {@code s} over {@code problems} on the engine chosen; null when its runs are free (a local
     * engine) or the engine is not the one the form's setup names.
     */
    private SweepCostEstimate estimate(SweepSetup s, List<BenchProblem> problems) {
        dev.thinkbench.engine.ReasoningEngine engine = connection.engineProperty().get();
        if (engine == null || !engine.id().equals(s.engineId()) || s.model() == null || s.model().isBlank()) {
            return null;
        }
        SweepCostEstimate e;
        try {
            e = SweepCostEstimate.of(s.plan(problems), engine.price(s.model(), services.prices()));
        } catch (IllegalArgumentException ex) {
            return null; // the form says what is wrong with it
        }
        return e.paid() ? e : null;
    }

    /** The estimate in words: the runs, the calls, about what they cost at whose prices, or that it cannot say. */
    private static String costWords(SweepCostEstimate e, String model) {
        if (e.cost() == null) {
            return Messages.get("sweep.cost.unknown", e.runs(), e.calls(), model);
        }
        return Messages.get("sweep.cost.estimate", e.runs(), e.calls(),
                Formats.money(new dev.thinkbench.core.Money(e.cost(), e.price().currency(), "")),
                e.price().displayName());
    }

    private void updateCostEstimate() {
        if (phase.get().busy()) {
            return;
        }
        String words = "";
        try {
            if (setup.validProperty().get()) {
                SweepSetup s = setup.toSetup();
                SweepCostEstimate e = estimate(s, setup.selectedProblems());
                words = e == null ? "" : costWords(e, s.model());
            }
        } catch (IllegalStateException | IllegalArgumentException ex) {
            // the form says why Start is disabled
        }
        costEstimate.set(words);
    }

    private void begin(SweepSetup chosen, List<BenchProblem> chosenProblems) {
        offer.set(null);
        phase.set(Phase.STARTING);
        message.set("");
        tasks.run(() -> store.create(chosen, chosenProblems, Instant.now()),
                created -> launch(created, chosenProblems), this::failedToStart);
    }

    /** Resumes the offered interrupted sweep: its finished runs are kept, the rest run on its saved engine. */
    public void acceptResume() {
        ResumeOffer o = offer.get();
        if (o == null || phase.get().busy()) {
            return;
        }
        offer.set(null);
        phase.set(Phase.STARTING);
        setup.show(o.saved().setup(), new ProblemSetChoice(Messages.get("sweep.form.savedCopy",
                o.saved().setup().problemSet()), o.saved().problemsFile()));
        launch(o.saved(), o.problems());
    }

    /** Declines the offer: the sweep is set aside (its results stay on disk) and not offered again. */
    public void declineResume() {
        ResumeOffer o = offer.get();
        if (o == null) {
            return;
        }
        offer.set(null);
        tasks.run(() -> store.mark(o.saved(), SweepStore.Status.SET_ASIDE), ok -> { },
                e -> message.set(Messages.get("sweep.error.setAside", FileProblems.reason(e))));
    }

    /** Runs the current sweep again: runs whose result is ok are kept, failed ones run again. */
    public void retryFailed() {
        if (saved != null && !phase.get().busy()) {
            phase.set(Phase.STARTING);
            launch(saved, problems);
        }
    }

    /**
     * Lays the table out for the sweep and starts it: its files are opened and the runner started (which works
     * through every run of the plan) on a background task, so the frame Start is pressed in stays short; its events
     * queue up from then on and are drained by {@link #tick}.
     */
    private void launch(SweepStore.Saved target, List<BenchProblem> targetProblems) {
        SweepPlan plan;
        List<Endpoint> endpoints;
        try {
            plan = target.setup().plan(targetProblems);
            endpoints = endpoints(target.setup());
        } catch (IllegalArgumentException e) {
            failedToStart(e);
            return;
        }
        results.reset(plan);
        plannedRuns = plan.tasks().size();
        spent = null;
        onRunChanged.accept(null);
        title.set(title(target.setup(), targetProblems.size()));
        // the sweep's events may be drained before it is known to have started: what they need is set now
        lastProgress = null;
        handGraded = 0;
        handCorrect = 0;
        inFlight = 0;
        tracesFile = target.traces();
        traceLookedFor.clear();
        saved = target;
        problems = targetProblems;
        canRetryFailed.set(false);
        ShownFiles previous = detachFiles();
        SweepRunner runner = new SweepRunner(endpoints, List.of(), services.prices(), options);
        tasks.run(() -> {
            previous.close();
            ResultLog results = ResultLog.open(target.results());
            TraceLog traces;
            try {
                traces = TraceLog.open(target.traces());
            } catch (IOException e) {
                // the results matter more: the sweep runs, its traces stay in this window only
                LOG.log(System.Logger.Level.WARNING, "cannot open the traces file: " + e.getMessage());
                traces = null;
            }
            if (closing) {
                closeQuietly(traces);
                results.close();
                throw new IOException(Messages.get("sweep.error.closing"));
            }
            try {
                TraceLog kept = traces;
                SweepHandle started = runner.start(plan, results, event -> {
                    if (kept != null && event instanceof SweepEvent.RunFinished f) {
                        keepTrace(kept, f);
                    }
                    queue.add(event);
                    wake.run();
                });
                return new Started(results, traces, started);
            } catch (RuntimeException e) {
                closeQuietly(traces);
                results.close();
                throw e;
            }
        }, this::run, this::failedToStart);
    }

    private record Started(ResultLog results, TraceLog traces, SweepHandle handle) {
    }

    /** The sweep has started (its end may have been drained already, or the window closed meanwhile). */
    private void run(Started started) {
        log = started.results();
        traceLog = started.traces();
        if (closing) {
            stopClosed(started);
            return;
        }
        if (!log.existing().issues().isEmpty()) {
            String issues = Messages.get("sweep.error.resultsFile", log.existing().issues().size(),
                    WindowWording.of(log.existing().issues().getFirst()));
            message.set(phase.get() == Phase.ENDED ? message.get() + " \u00b7 " + issues : issues);
        }
        if (phase.get() == Phase.ENDED) {
            return;
        }
        handle = started.handle();
        if (phase.get() == Phase.STARTING) {
            phase.set(handle.paused() ? Phase.PAUSED : Phase.RUNNING);
        }
    }

    /** A sweep that started while the window closed: cancelled, its files closed once its runs have stopped. */
    private void stopClosed(Started started) {
        started.handle().cancel();
        log = null;
        traceLog = null;
        tasks.run(() -> {
            try {
                started.handle().done().get(3, TimeUnit.SECONDS);
            } finally {
                closeQuietly(started.traces());
                started.results().close();
            }
            return started;
        }, ok -> { }, e -> LOG.log(System.Logger.Level.WARNING, "sweep did not stop within 3 s: " + e));
    }

    /** On the sweep's worker: appends a finished run's trace; a failure is told once and never stops the sweep. */
    private void keepTrace(TraceLog traces, SweepEvent.RunFinished f) {
        if (f.trace() == null) {
            return;
        }
        try {
            traces.append(f.record().key(), new TraceLog.Stored(f.trace(), f.metrics(), f.candidates(), f.note()));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot save the trace of " + f.record().key() + ": " + e);
            traceWriteError.compareAndSet(null, e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
            wake.run();
        }
    }

    private static void closeQuietly(TraceLog traces) {
        if (traces != null) {
            try {
                traces.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot close the traces file: " + e.getMessage());
            }
        }
    }

    private void failedToStart(Exception e) {
        phase.set(Phase.IDLE);
        message.set(Messages.get("sweep.error.start", FileProblems.reason(e)));
    }

    private List<Endpoint> endpoints(SweepSetup s) {
        EngineRegistry.Entry entry = services.engines().get(s.engineId());
        String key = s.apiKeyEnv() != null ? services.environment().apply(s.apiKeyEnv())
                : services.keyStore().flatMap(k -> k.get(entry.id())).orElse(null);
        List<String> urls = entry.defaultBaseUrl() == null && s.moreBaseUrls().isEmpty() ? List.of()
                : s.servers(entry.defaultBaseUrl());
        return SweepEndpoints.build(entry, s.model(), urls, key, s.apiKeyEnv(), SILENCE_TIMEOUT, null,
                s.concurrency());
    }

    private void lookForInterrupted() {
        tasks.run(() -> {
            Optional<SweepStore.Saved> found = store.interrupted();
            if (found.isEmpty()) {
                return Optional.<ResumeOffer>empty();
            }
            return Optional.of(offerFor(found.get()));
        }, found -> found.ifPresent(o -> {
            if (!phase.get().busy()) {
                offer.set(o);
            }
        }), e -> LOG.log(System.Logger.Level.WARNING, "cannot look for interrupted sweeps: " + e.getMessage()));
    }

    private static ResumeOffer offerFor(SweepStore.Saved s) throws IOException {
        List<BenchProblem> saved = s.problems().problems();
        int total = s.setup().plan(saved).tasks().size();
        int done = (int) s.contents().latest().stream().filter(SweepRecord::ok).count();
        return new ResumeOffer(s, saved, done, total);
    }

    // --- while it runs ---------------------------------------------------------------------------------------

    public void pause() {
        if (handle != null && phase.get() == Phase.RUNNING) {
            handle.pause();
        }
    }

    public void resume() {
        if (handle != null && phase.get() == Phase.PAUSED) {
            handle.resume();
        }
    }

    /** Stops the sweep: runs in flight are cancelled; finished runs stay in the file, and it can be resumed. */
    public void stop() {
        if (handle != null && (phase.get() == Phase.RUNNING || phase.get() == Phase.PAUSED)) {
            phase.set(Phase.STOPPING);
            handle.cancel();
        }
    }

    /** What asks for frames once an event is queued (the view's frame driver); called from any thread. */
    public void setWake(Runnable action) {
        wake = action == null ? () -> { } : action;
    }

    /**
     * Told (on the UI thread) which run has a new call in flight or has finished, so a trace shown for it follows it,
     * or null when every run may have changed: a new sweep laid out the table again, a saved one was shown, or the
     * runs a resumed sweep keeps from its results file were filled in.
     */
    public void setOnRunChanged(Consumer<RunKey> action) {
        onRunChanged = action == null ? key -> { } : action;
    }

    /**
     * One frame: {@link #tick}, then whether the next frame has work: events queued, or cells, figures or the
     * progress line held back to be shown at their pace. (Nothing here runs on a clock of its own: a paused or idle
     * sweep needs no frames, and the next event asks for them again.)
     */
    public boolean frame(long nowNanos) {
        tick(nowNanos);
        return !queue.isEmpty() || progressDirty || results.pending() || traceWriteError.get() != null;
    }

    /**
     * Drains the sweep's queued events into the table, the charts' figures and the progress line. Call once per
     * frame.
     */
    public void tick(long nowNanos) {
        boolean ended = false;
        for (SweepEvent e; (e = queue.poll()) != null; ) {
            results.apply(e);
            ended |= onEvent(e);
            switch (e) {
                case SweepEvent.CallStarted c -> onRunChanged.accept(c.key());
                case SweepEvent.RunFinished f -> onRunChanged.accept(f.record().key());
                case SweepEvent.RunGivenBack g -> onRunChanged.accept(g.key());
                // the runs kept from the results file are in the table now (it was laid out without them)
                case SweepEvent.Started s when !s.resumed().isEmpty() -> onRunChanged.accept(null);
                // runs cut off by Stop are in flight no more
                case SweepEvent.Ended x -> onRunChanged.accept(null);
                default -> { }
            }
        }
        results.flush(nowNanos, ended);
        String traceError = traceWriteError.getAndSet(null);
        if (traceError != null) {
            message.set(Messages.get("sweep.error.trace", traceError));
        }
        if (progressDirty && (progressNow || progressShown == Long.MIN_VALUE
                || nowNanos - progressShown >= PROGRESS_EVERY_NANOS)) {
            progressDirty = false;
            progressNow = false;
            progressShown = nowNanos;
            showProgress(lastProgress);
        }
    }

    /** Returns true for the end of the sweep. */
    private boolean onEvent(SweepEvent event) {
        switch (event) {
            case SweepEvent.Started s -> progress(s.progress());
            case SweepEvent.RunFinished f -> {
                inFlight = Math.max(0, inFlight - 1);
                if (f.record().costUsd() != null && f.record().costUsd() > 0) {
                    spent = (spent == null ? BigDecimal.ZERO : spent).add(BigDecimal.valueOf(f.record().costUsd()));
                }
                progress(f.progress());
            }
            case SweepEvent.RunGivenBack g -> {
                // every server gone: the run goes back to the queue, in flight no more (the first also pauses)
                inFlight = Math.max(0, inFlight - 1);
                progress(g.progress());
                progressNow = true;
            }
            case SweepEvent.Paused p -> {
                phase.set(Phase.PAUSED);
                inFlight = p.progress().running(); // a run given back for want of a server is in flight no more
                progress(p.progress());
                progressNow = true;
                if (p.noEndpointLeft() != null) {
                    message.set(Messages.get("sweep.pausedNoEndpoint", p.noEndpointLeft()));
                }
            }
            case SweepEvent.Resumed r -> {
                phase.set(Phase.RUNNING);
                progress(r.progress());
                progressNow = true;
            }
            case SweepEvent.ModelLoading l -> message.set(Messages.get("sweep.loadingModel", l.model()));
            case SweepEvent.ModelLoaded l -> {
                if (l.error() != null) {
                    message.set(Messages.get("sweep.modelNotLoaded", l.model(), Sentences.ended(l.error())));
                } else if (l.loadMs() != null) {
                    message.set(Messages.get("sweep.modelLoaded", l.model(), Formats.seconds(l.loadMs())));
                } else if (message.get().equals(Messages.get("sweep.loadingModel", l.model()))) {
                    message.set("");
                }
            }
            case SweepEvent.Backoff b -> message.set(Messages.get("sweep.backoff", b.endpoint(), Sentences.ended(b.message()),
                    Formats.seconds(b.delay().toMillis()), b.attempt() + 1));
            case SweepEvent.EndpointDropped d -> message.set(Messages.get("sweep.endpointDropped", d.endpoint(),
                    d.reason()));
            case SweepEvent.WriteFailed w -> {
                unwritten++;
                message.set(Messages.get("sweep.error.write", w.message()));
            }
            case SweepEvent.Ended e -> {
                inFlight = 0;
                progress(e.progress());
                ended(e.outcome());
                return true;
            }
            case SweepEvent.RunStarted r -> {
                // the cell shows it, and the progress line counts it
                inFlight++;
                progressDirty |= lastProgress != null;
            }
            case SweepEvent.CallStarted c -> {
                // the cell's trace view reads it
            }
        }
        return false;
    }

    /**
     * Takes a progress snapshot unless it is older than the one held: workers take their snapshots in order but
     * queue their events in any order, so the last event of a burst (the runs in flight finishing after a pause) may
     * carry an older snapshot, which would stay on screen until the next event.
     */
    private void progress(SweepProgress p) {
        if (notOlder(p, lastProgress)) {
            lastProgress = p;
            progressDirty = true;
        }
    }

    /** Whether snapshot {@code p} is as new as {@code held} or newer (more runs finished, or later); null is oldest. */
    static boolean notOlder(SweepProgress p, SweepProgress held) {
        return held == null || p.finished() > held.finished()
                || p.finished() == held.finished() && p.elapsedMs() >= held.elapsedMs();
    }

    private void showProgress(SweepProgress p) {
        if (p == null) {
            return;
        }
        progress.set(p.fraction());
        StringBuilder s = new StringBuilder(Messages.get("sweep.progress.runs", p.finished(), p.total()));
        long graded = p.graded() + handGraded;
        if (graded > 0) {
            s.append(" \u00b7 ").append(correctText(p.correct() + handCorrect, graded));
        }
        if (p.failed() > 0) {
            s.append(" \u00b7 ").append(Messages.get("sweep.progress.failed", p.failed()));
        }
        if (spent != null) {
            // what the runs made in this window cost so far (a resumed sweep's earlier runs are in its results)
            s.append(" \u00b7 ").append(Messages.get("sweep.progress.spent",
                    Formats.money(new dev.thinkbench.core.Money(spent, "USD", ""))));
        }
        int running = phase.get() == Phase.ENDED || phase.get() == Phase.IDLE ? p.running() : inFlight;
        if (running > 0) {
            // paused, the runs in flight still finish (and their time counts); no new one starts
            s.append(" \u00b7 ").append(Messages.get(phase.get() == Phase.PAUSED ? "sweep.progress.finishing"
                    : "sweep.progress.running", running));
        }
        progressText.set(s.toString());
        etaText.set(switch (phase.get()) {
            case PAUSED -> Messages.get("sweep.eta.paused", Formats.seconds(p.elapsedMs()));
            case STOPPING -> Messages.get("sweep.eta.stopping");
            // a sweep stopped before its last run says so here too, not only in its banner
            case ENDED, IDLE -> Messages.get(p.finished() < p.total() ? "sweep.eta.stoppedAfter" : "sweep.eta.took",
                    Formats.seconds(p.elapsedMs()));
            // none while only the first runs (which waited for the engine) have finished
            default -> p.etaMs() == null ? Messages.get("sweep.eta.estimating")
                    : Messages.get("sweep.eta", Formats.seconds(p.etaMs()));
        });
    }

    /** {@code 6 of 12 correct (50%)}. */
    private static String correctText(long correct, long graded) {
        return Messages.get("sweep.progress.correct", correct, graded,
                String.format(Locale.ROOT, "%.0f%%", 100.0 * correct / graded));
    }

    private void ended(SweepOutcome outcome) {
        handle = null;
        phase.set(Phase.ENDED);
        progressDirty = true;
        progressNow = true;
        if (closing) {
            return;
        }
        SweepStore.Saved target = saved;
        if (outcome.cancelled()) {
            message.set(Messages.get("sweep.stopped", outcome.runs()));
            tasks.run(() -> offerFor(target), offer::set, e -> { });
            return;
        }
        canRetryFailed.set(outcome.failed() > 0);
        // the runs taken from the results file when the sweep began, said only when there were some
        String kept = outcome.resumed() > 0 ? Messages.get("sweep.done.kept", outcome.resumed()) : "";
        message.set(Messages.get(outcome.failed() > 0 ? "sweep.done.withFailures" : "sweep.done", outcome.runs(),
                kept, outcome.failed(), Formats.seconds(outcome.wallMs())));
        tasks.run(() -> store.mark(target, SweepStore.Status.FINISHED), marked -> saved = marked,
                e -> message.set(Messages.get("sweep.error.markFinished", FileProblems.reason(e))));
    }

    // --- a sweep kept in a session ----------------------------------------------------------------------------

    /**
     * Shows a sweep's results kept in a session; nothing runs. The table is laid out from the sweep's folder beside
     * {@code resultsFile} (its setup and its copy of the problems) and filled with {@code records}; when that folder
     * is not on this machine, or a sweep is under way, the message says so and the tab stays as it is.
     */
    public void showRecorded(Path resultsFile, List<SweepRecord> records) {
        if (phase.get().busy()) {
            message.set(Messages.get("sweep.recorded.busy", records.size()));
            return;
        }
        Path folder = resultsFile == null ? null : resultsFile.toAbsolutePath().getParent();
        tasks.run(() -> {
            SweepStore.Saved found = folder == null ? null : SweepStore.read(folder).orElse(null);
            if (found == null) {
                throw new IOException(Messages.get("sweep.recorded.folderMissing", folder == null
                        ? Messages.get("sweep.recorded.folderUnnamed") : folder));
            }
            return new Recorded(found, found.problems().problems());
        }, r -> showRecorded(r, records), e -> message.set(Messages.get("sweep.recorded.notShown", records.size(),
                FileProblems.reason(e))));
    }

    private record Recorded(SweepStore.Saved sweep, List<BenchProblem> problems) {
    }

    private void showRecorded(Recorded r, List<SweepRecord> records) {
        if (phase.get().busy()) {
            return;
        }
        results.reset(r.sweep().setup().plan(r.problems()));
        results.showRecords(records);
        tracesFile = r.sweep().traces();
        traceLookedFor.clear();
        results.flush(System.nanoTime(), true);
        onRunChanged.accept(null);
        offer.set(null);
        canRetryFailed.set(false);
        phase.set(Phase.ENDED);
        title.set(title(r.sweep().setup(), r.problems().size()));
        lastProgress = null;
        handGraded = 0;
        handCorrect = 0;
        progress.set(1);
        showRecordedCounts();
        etaText.set("");
        message.set(Messages.get("sweep.recorded.shown", records.size()));
    }

    /** The progress line of a sweep shown from its results, counted from the results shown (grades by hand too). */
    private void showRecordedCounts() {
        List<SweepRecord> records = results.records();
        long correct = records.stream().filter(x -> Boolean.TRUE.equals(x.correct())).count();
        long graded = records.stream().filter(x -> x.correct() != null).count();
        progressText.set(Messages.get("sweep.progress.recordedRuns", records.size())
                + (graded == 0 ? "" : " \u00b7 " + correctText(correct, graded)));
    }

    /**
     * Puts the sweep shown away (a session without one was opened): the tab shows the form's sweep laid out, nothing
     * run, as in a new window, so saving that session does not write another sweep's results into it. The sweep's
     * results stay in its own folder (Past sweeps lists it). A sweep under way is left running, said in the message.
     */
    public void clearShown() {
        if (phase.get().busy()) {
            message.set(Messages.get("sweep.cleared.busy"));
            return;
        }
        if (phase.get() == Phase.IDLE && unwritten == 0) {
            return; // nothing shown but the form's layout
        }
        ShownFiles previous = detachFiles();
        tasks.run(() -> {
            previous.close();
            return previous;
        }, ok -> { }, e -> LOG.log(System.Logger.Level.WARNING, "cannot close the sweep's files: " + e.getMessage()));
        saved = null;
        problems = List.of();
        tracesFile = null;
        traceLookedFor.clear();
        lastProgress = null;
        handGraded = 0;
        handCorrect = 0;
        inFlight = 0;
        unwritten = 0;
        canRetryFailed.set(false);
        title.set("");
        progress.set(0);
        progressText.set(Messages.get("sweep.progress.none"));
        etaText.set("");
        message.set("");
        previewedLayout = null;
        phase.set(Phase.IDLE);
        results.clear();
        onRunChanged.accept(null);
        preview();
    }

    // --- sweeps kept on this machine --------------------------------------------------------------------------

    /** The sweeps kept on this machine, newest first, read in the background and handed to {@code then}. */
    public void listSaved(Consumer<List<SweepStore.Saved>> then) {
        tasks.run(store::list, then, e -> message.set(Messages.get("sweep.past.notListed", FileProblems.reason(e))));
    }

    /**
     * Shows a sweep kept on this machine as far as it got: its table, charts and traces; nothing runs. A grade set
     * by hand is appended to its results file; the form takes its setup (and its copy of the problems), so Start runs
     * it again as a new sweep.
     */
    public void openSaved(SweepStore.Saved sweep) {
        if (phase.get().busy()) {
            message.set(Messages.get("sweep.past.busy"));
            return;
        }
        ShownFiles previous = detachFiles();
        tasks.run(() -> {
            previous.close();
            List<BenchProblem> list = sweep.problems().problems();
            List<SweepRecord> records = sweep.contents().latest();
            return new Opened(list, records, ResultLog.open(sweep.results()));
        }, opened -> {
            if (phase.get().busy() || closing) {
                closeQuietly(opened.log());
                return;
            }
            log = opened.log();
            saved = sweep;
            problems = opened.problems();
            setup.show(sweep.setup(), new ProblemSetChoice(Messages.get("sweep.form.savedCopy",
                    sweep.setup().problemSet()), sweep.problemsFile()));
            showRecorded(new Recorded(sweep, opened.problems()), opened.records());
            message.set(Messages.get("sweep.past.shown", opened.records().size(),
                    Messages.get("sweep.past.status." + sweep.status().name())));
        }, e -> message.set(Messages.get("sweep.past.notShown", FileProblems.reason(e))));
    }

    private record Opened(List<BenchProblem> problems, List<SweepRecord> records, ResultLog log) {
    }

    /** The results and traces files of the sweep shown until now, to close off the UI thread. */
    private record ShownFiles(ResultLog results, TraceLog traces) {
        void close() throws IOException {
            closeQuietly(traces);
            if (results != null) {
                results.close();
            }
        }
    }

    /** Lets go of the shown sweep's files (another is about to be shown); the caller closes them in the background. */
    private ShownFiles detachFiles() {
        ShownFiles shown = new ShownFiles(log, traceLog);
        log = null;
        traceLog = null;
        return shown;
    }

    private static void closeQuietly(ResultLog results) {
        try {
            results.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot close the results file: " + e.getMessage());
        }
    }

    // --- grades, traces, export ------------------------------------------------------------------------------

    /**
     * Sets a finished run's grade by hand ({@code true} or {@code false}; null takes the override back): the table
     * and charts change at once, and the line is appended to the results file (the latest line of a run wins).
     */
    public void setGrade(RunKey key, Boolean verdict) {
        SweepRecord r = results.record(key).orElse(null);
        if (r == null || !r.ok()) {
            return;
        }
        SweepRecord graded = r.withGrade(verdict);
        results.replace(graded);
        results.flush(System.nanoTime(), true);
        // the progress line's count follows the grade at once
        handGraded += (graded.correct() != null ? 1 : 0) - (r.correct() != null ? 1 : 0);
        handCorrect += (Boolean.TRUE.equals(graded.correct()) ? 1 : 0) - (Boolean.TRUE.equals(r.correct()) ? 1 : 0);
        if (lastProgress != null) {
            showProgress(lastProgress);
        } else {
            showRecordedCounts();
        }
        ResultLog target = log;
        if (target == null) {
            unwritten++;
            message.set(Messages.get("sweep.grade.notOpen"));
            return;
        }
        tasks.run(() -> {
            target.append(graded);
            return graded;
        }, ok -> { }, e -> {
            unwritten++;
            message.set(Messages.get("sweep.grade.notSaved", FileProblems.reason(e)));
        });
    }

    /**
     * Results and grades set by hand that could not be written to the sweep's results file (a full disk, a file gone,
     * a sweep shown from a session): only the window holds them, so closing it loses them.
     */
    public int unwrittenResults() {
        return unwritten;
    }

    /**
     * The sweep under way in words ("37 of 120 runs"), null when none is: closing the window stops it (its
     * finished runs are in its results file, and the next start offers to resume it), so the window asks first.
     */
    public String underWay() {
        if (!phase.get().busy()) {
            return null;
        }
        SweepProgress p = lastProgress;
        return Messages.get("sweep.progress.runs", p == null ? 0 : p.finished(), p == null ? plannedRuns : p.total());
    }

    /** What a cell opens. */
    public Optional<RunDetail> detail(RunKey key) {
        return results.detail(key);
    }

    /**
     * Reads the trace of a finished run that this window holds only the result line of (it finished in an earlier
     * session) from the sweep's traces file, in the background; {@code whenDone} runs on the UI thread once it is
     * known whether the file had it (then {@link #detail} has it). Each run is looked for once.
     *
     * @return false when there is nothing to read (the trace is here, the run is not finished, there is no traces
     *         file, or it was looked for before): {@code whenDone} does not run
     */
    public boolean fetchTrace(RunKey key, Runnable whenDone) {
        RunDetail d = results.detail(key).orElse(null);
        Path file = tracesFile;
        if (d == null || d.record() == null || d.trace() != null || d.live() != null || file == null
                || !traceLookedFor.add(key)) {
            return false;
        }
        tasks.run(() -> TraceLog.find(file, key), found -> {
            if (file.equals(tracesFile)) {
                found.ifPresent(s -> results.attachTrace(key, s));
            }
            whenDone.run();
        }, e -> {
            LOG.log(System.Logger.Level.WARNING, "cannot read the trace of " + key + ": " + FileProblems.reason(e));
            whenDone.run();
        });
        return true;
    }

    /** Writes {@code runs.csv} and {@code summary.csv} (as {@code thinkbench report} does) into {@code folder}. */
    public void exportCsv(Path folder) {
        List<SweepRecord> records = results.records();
        var rows = results.figures().rows();
        tasks.run(() -> {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("runs.csv"), SweepCsv.runs(records), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("summary.csv"), SweepCsv.summary(rows), StandardCharsets.UTF_8);
            return folder;
        }, f -> message.set(Messages.get("sweep.export.csvWritten", f)),
                e -> message.set(Messages.get("sweep.export.csvFailed", FileProblems.reason(e))));
    }

    /** Writes drawn charts as PNG files in the background ({@code files} and {@code images} pair up). */
    public void writePngs(List<Path> files, List<BufferedImage> images) {
        tasks.run(() -> {
            for (int i = 0; i < files.size(); i++) {
                Path parent = files.get(i).toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                if (!ImageIO.write(images.get(i), "png", files.get(i).toFile())) {
                    throw new IOException(Messages.get("sweep.export.noPngWriter"));
                }
            }
            return files;
        }, written -> message.set(Messages.get("sweep.export.pngWritten", String.join(", ", written.stream()
                .map(f -> f.getFileName().toString()).toList()), written.getFirst().toAbsolutePath().getParent())),
                e -> message.set(Messages.get("sweep.export.pngFailed", FileProblems.reason(e))));
    }

    /**
     * Cancels a sweep in flight (its finished runs are in the file; it stays marked interrupted and is offered next
     * time) and closes the results file. Waits up to 3 s for runs in flight to stop, so none is written while the
     * window closes.
     */
    @Override
    public void close() {
        closing = true;
        SweepHandle h = handle;
        if (h != null) {
            h.cancel();
            try {
                h.done().get(3, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "sweep did not stop within 3 s: " + e);
            }
        }
        closeQuietly(traceLog);
        traceLog = null;
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot close the results file: " + e.getMessage());
            }
            log = null;
        }
    }

    /** The sweep shown, in words: its name and model. */
    private static String title(SweepSetup setup, int problems) {
        return SweepSetupViewModel.name(setup, problems) + " \u00b7 " + setup.model();
    }

    // --- properties --------------------------------------------------------------------------------------------

    public SweepSetupViewModel setup() {
        return setup;
    }

    public SweepResults results() {
        return results;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Finished share from 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Live counts, e.g. {@code 37 of 120 runs · 24 of 34 correct (71%) · 3 failed · 2 running}. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** {@code ETA 1 min 20 s}, {@code paused · 12.0 s}, {@code took 3.4 s}. */
    public ReadOnlyStringProperty etaTextProperty() {
        return etaText.getReadOnlyProperty();
    }

    /** The latest thing worth saying (a backoff, a dropped endpoint, the end, an export), empty when none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** An interrupted sweep to resume, null when there is none. */
    public ReadOnlyObjectProperty<ResumeOffer> offerProperty() {
        return offer.getReadOnlyProperty();
    }

    /**
     * The runs and rough cost of the sweep set up in the form, where its engine's runs cost money (or cost an amount
     * the price table cannot tell); empty for a local engine.
     */
    public ReadOnlyStringProperty costEstimateProperty() {
        return costEstimate.getReadOnlyProperty();
    }

    /** The question Start asked before a costly sweep ({@link #confirmStart}, {@link #cancelStart}); empty for none. */
    public ReadOnlyStringProperty costQuestionProperty() {
        return costQuestion.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    /** True when the last sweep ended with failed runs that a retry would run again. */
    public ReadOnlyBooleanProperty canRetryFailedProperty() {
        return canRetryFailed.getReadOnlyProperty();
    }

    /** The sweep shown, e.g. {@code micro-heldout.jsonl · 20 problems · 4 budgets · micro-reasoner.gguf}. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The results file of the sweep shown, null before one started. */
    public Path resultsFile() {
        return saved == null ? null : saved.results();
    }
}
