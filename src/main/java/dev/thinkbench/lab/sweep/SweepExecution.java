package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelLoading;
import dev.thinkbench.lab.strategy.Calls;
import dev.thinkbench.lab.strategy.StrategyResult;
import dev.thinkbench.lab.strategy.StrategyRun;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One sweep in progress. Workers (virtual threads, as many as the endpoints have permits) take runs from a
 * {@link WorkQueue}: a whole prompt's runs in plan order, then the next prompt's. Each run's strategy makes its calls
 * through {@link PoolCalls}; the result is graded, appended to the results file, and reported. A failing run never
 * disturbs another: engine failures become failed results, and a bug in a strategy fails only its run.
 *
 * <p>Thread-safe: control methods may be called from any thread. The monitor guards results and counts; pausing has
 * its own {@link PauseGate}, which never calls back into this object (lock order: this monitor, then the gate's).
 * Pausing and resuming report their event while holding the monitor, and the end is decided under it too, so
 * {@link SweepEvent.Ended} stays the last event even when the runs a resume lets go finish before the resuming
 * thread gets to report it.
 */
final class SweepExecution implements SweepHandle {

    private final SweepPlan plan;
    private final PriceTable prices;
    private final SweepRunner.Options options;
    private final ResultLog log;
    private final SweepListener listener;
    private final List<Endpoint> endpoints;
    private final EndpointPool pool;
    private final EndpointPool judgePool;
    private final List<SweepTask> tasks;
    private final PauseGate gate;
    private final Map<RunKey, SweepRecord> results = new LinkedHashMap<>();
    /** Of {@link #results}: failed runs, graded runs, correct runs (kept by {@link #record}). */
    private int failed;
    private int graded;
    private int correct;
    private final Set<Runnable> inFlight = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new CopyOnWriteArrayList<>();
    private final CompletableFuture<SweepOutcome> done = new CompletableFuture<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger liveWorkers = new AtomicInteger();
    private volatile WorkQueue queue;
    private int resumed;
    /** The time left, from this session's finished runs; null until the queue is made. */
    private SweepPace pace;
    private long startNanos;
    private String writeError;
    private boolean ended;

    SweepExecution(SweepPlan plan, List<Endpoint> endpoints, List<Endpoint> judges, PriceTable prices,
                   SweepRunner.Options options, ResultLog log, SweepListener listener) {
        this.plan = plan;
        this.prices = prices;
        this.options = options;
        this.log = log;
        this.listener = listener;
        this.endpoints = List.copyOf(endpoints);
        this.pool = new EndpointPool(endpoints, options.dropAfter(), this::dropped);
        this.judgePool = judges.isEmpty() ? pool : new EndpointPool(judges, options.dropAfter(), this::dropped);
        this.tasks = plan.tasks();
        this.gate = new PauseGate(options.clock());
    }

    /**
     * Reads what the results file holds for this plan, reports the start and starts the workers; where an endpoint
     * loads its model here (the built-in engine), a thread of its own loads it first, so the load is in no run's time.
     */
    void begin() {
        startNanos = options.clock().nanoTime();
        // each planned run and its strategy's settings: a result made under other settings is run again
        Map<RunKey, String> planned = new HashMap<>();
        tasks.forEach(t -> planned.put(t.key(), t.strategy().settings()));
        Set<RunKey> finished = new HashSet<>();
        synchronized (this) {
            if (log != null) {
                for (SweepRecord r : log.existing().latest()) {
                    String settings = planned.get(r.key());
                    if (settings != null && r.madeUnder(settings)) {
                        record(r);
                        if (r.ok()) {
                            finished.add(r.key());
                        }
                    }
                }
            }
            resumed = finished.size();
        }
        List<SweepTask> pending = tasks.stream().filter(t -> !finished.contains(t.key())).toList();
        synchronized (this) {
            pace = new SweepPace(pending);
        }
        queue = new WorkQueue(pending);
        int count = pending.isEmpty() ? 0 : Math.max(1, Math.min(pool.capacity(), pending.size()));
        liveWorkers.set(count);
        emit(new SweepEvent.Started(progress(), results()));
        if (count == 0) {
            end();
            return;
        }
        List<Endpoint> loading = endpoints.stream()
                .filter(e -> e.raw() != null && e.raw().backend() instanceof ModelLoading).toList();
        if (loading.isEmpty()) {
            startWorkers(count);
            return;
        }
        // the model loads before the first run starts, so the first runs' times are the model's, not the load's
        Thread loader = Thread.ofVirtual().name("sweep-model-load").unstarted(() -> {
            loading.forEach(this::loadModel);
            startWorkers(count);
        });
        workers.add(loader);
        loader.start();
    }

    /** Loads an endpoint's model, saying so; a failure is said and left to the runs, which fail with it. */
    private void loadModel(Endpoint endpoint) {
        if (gate.cancelled()) {
            return;
        }
        String model = endpoint.raw().backend().model();
        emit(new SweepEvent.ModelLoading(endpoint.name(), model));
        Long loadMs = null;
        String error = null;
        try {
            loadMs = ((ModelLoading) endpoint.raw().backend()).loadModel();
        } catch (EngineException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            error = "internal error: " + e;
        }
        emit(new SweepEvent.ModelLoaded(endpoint.name(), model, loadMs, error));
    }

    private void startWorkers(int count) {
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int id = i;
            started.add(Thread.ofVirtual().name("sweep-worker-" + i).unstarted(() -> work(id)));
        }
        workers.addAll(started);
        started.forEach(Thread::start);
    }

    private void work(int worker) {
        try {
            // nothing left to take: the worker ends without waiting at the gate, so a pause pressed as the last runs
            // finish still ends the sweep (it stayed "paused" with every run done)
            while (queue.remaining() > 0 && gate.pass()) {
                SweepTask task = queue.next(worker);
                if (task == null) {
                    break;
                }
                running.incrementAndGet();
                try {
                    runOne(worker, task);
                } catch (InterruptedException | RuntimeException e) {
                    running.decrementAndGet();
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            // cancelled: the worker stops
        } finally {
            if (liveWorkers.decrementAndGet() == 0) {
                end();
            }
        }
    }

    private void runOne(int worker, SweepTask task) throws InterruptedException {
        RunKey key = task.key();
        emit(new SweepEvent.RunStarted(key));
        CallObserver observer = observer(key);
        String affinity = task.problem().prompt();
        boolean pausing = options.pauseWhenNoEndpoint();
        Calls calls = new PoolCalls(pool, options.retry(), options.clock(), prices, affinity, observer, pausing);
        Calls judge = judgePool == pool ? calls
                : new PoolCalls(judgePool, options.retry(), options.clock(), prices, affinity, observer, pausing);
        StrategyRun run = new StrategyRun(task.problem(), task.lane(), task.sample(), baseSpec(task), calls, judge,
                plan.budgets());
        StrategyResult result;
        long started = options.clock().nanoTime();
        try {
            result = task.strategy().run(run);
        } catch (PoolCalls.NoEndpointLeft gone) {
            // every server stopped answering: the run goes back in the queue, and the sweep waits for the user
            queue.giveBack(worker, task);
            SweepProgress now;
            synchronized (this) {
                running.decrementAndGet();
                now = progress();
            }
            emit(new SweepEvent.RunGivenBack(key, now));
            pauseForEndpoints(gone.getMessage());
            return;
        } catch (RuntimeException | Error e) {
            // an Error too: the run is marked failed with it and the sweep goes on, never waits on it forever
            result = RunResults.internalError(task, e);
        }
        if (gate.cancelled()) {
            throw new InterruptedException("the sweep was cancelled");
        }
        finish(task, RunResults.record(task, result, plan.ranWith()), result, (options.clock().nanoTime() - started) / 1_000_000);
    }

    private RunSpec baseSpec(SweepTask task) {
        Sampling s = plan.sampling();
        Sampling sample = s.seed() == null ? s : new Sampling(s.temperature(), s.topP(),
                s.seed() + task.sample() * StrategyRun.SEED_STRIDE, s.maxAnswerTokens());
        // a sweep's numbers are accuracy and tokens: its budgets of one problem may share the thinking they have in common
        return new RunSpec(task.problem().prompt(), plan.system(), plan.model(), task.lane().budget(), sample)
                .reusingGreedyPicks();
    }

    private void finish(SweepTask task, SweepRecord record, StrategyResult result, long millis) {
        if (log != null) {
            try {
                log.append(record);
            } catch (IOException e) {
                synchronized (this) {
                    writeError = "cannot write to " + log.file() + ": " + e.getMessage();
                }
                emit(new SweepEvent.WriteFailed(record.key(), e.getMessage()));
            }
        }
        synchronized (this) {
            record(record);
            pace.finished(task, millis, elapsedMs());
            running.decrementAndGet();
        }
        emit(new SweepEvent.RunFinished(record, result.chosen().trace(), result.chosen().metrics(),
                result.candidates(), result.note(), progress()));
    }

    private CallObserver observer(RunKey key) {
        return new CallObserver() {
            @Override
            public void callStarted(String endpoint, String budgetSpec, RunRecorder recorder) {
                emit(new SweepEvent.CallStarted(key, endpoint, budgetSpec, recorder));
            }

            @Override
            public void backoff(String endpoint, FailureKind kind, String message, Duration delay, int attempt) {
                emit(new SweepEvent.Backoff(key, endpoint, kind, message, delay, attempt));
            }

            @Override
            public Runnable inFlight(Runnable cancel) {
                inFlight.add(cancel);
                if (gate.cancelled()) {
                    cancel.run();
                }
                return () -> inFlight.remove(cancel);
            }
        };
    }

    private void dropped(Endpoint endpoint, String reason) {
        emit(new SweepEvent.EndpointDropped(endpoint.name(), reason));
    }

    private void end() {
        SweepOutcome outcome;
        synchronized (this) {
            ended = true;
            outcome = soFar();
        }
        emit(new SweepEvent.Ended(outcome, progress()));
        done.complete(outcome);
    }

    @Override
    public synchronized SweepOutcome soFar() {
        return new SweepOutcome(resultsInPlanOrder(), resumed, elapsedMs(), gate.cancelled(),
                log == null ? List.of() : log.existing().issues(), pool.dropped(), writeError);
    }

    private void emit(SweepEvent event) {
        try {
            listener.on(event);
        } catch (RuntimeException ignored) {
            // a listener never disturbs the sweep
        }
    }

    @Override
    public synchronized void pause() {
        if (!ended && gate.pause()) {
            emit(new SweepEvent.Paused(progress()));
        }
    }

    /** Pauses because every endpoint is dropped (once; workers that find the same wait at the gate). */
    private synchronized void pauseForEndpoints(String reasons) {
        if (!ended && gate.pause()) {
            emit(new SweepEvent.Paused(progress(), reasons));
        }
    }

    @Override
    public synchronized void resume() {
        // a worker let go here finishes its run under this monitor, so it reports after the Resumed event
        if (!ended && gate.paused()) {
            // the endpoints dropped so far get another chance (the user resumed, so the servers may be back), before
            // the gate opens: a worker let go first found none, and paused the sweep again for good
            pool.reviveAll();
            judgePool.reviveAll();
        }
        if (!ended && gate.resume()) {
            emit(new SweepEvent.Resumed(progress()));
        }
    }

    @Override
    public void cancel() {
        if (done.isDone() || !gate.cancel()) {
            return;
        }
        inFlight.forEach(Runnable::run);
        workers.forEach(Thread::interrupt);
    }

    @Override
    public boolean paused() {
        return gate.paused();
    }

    @Override
    public synchronized SweepProgress progress() {
        long elapsed = elapsedMs();
        WorkQueue q = queue;
        int left = q == null ? tasks.size() - results.size() : q.remaining() + running.get();
        Long eta = left == 0 ? Long.valueOf(0) : pace == null ? null : pace.etaMs(elapsed);
        return new SweepProgress(tasks.size(), results.size(), failed, graded, correct, running.get(), elapsed, eta,
                gate.paused());
    }

    /**
     * Keeps a run's latest record and the counts of failed, graded and correct runs with it (a record that replaces
     * an earlier one of the same run takes the earlier one's share out), so progress costs the same at the 10th run
     * and the 10,000th. Under this execution's monitor.
     */
    private void record(SweepRecord record) {
        SweepRecord earlier = results.put(record.key(), record);
        if (earlier != null) {
            count(earlier, -1);
        }
        count(record, 1);
    }

    private void count(SweepRecord r, int sign) {
        failed += r.ok() ? 0 : sign;
        graded += r.ok() && r.correct() != null ? sign : 0;
        correct += Boolean.TRUE.equals(r.correct()) ? sign : 0;
    }

    private long elapsedMs() {
        long now = options.clock().nanoTime();
        return Math.max(0, (now - startNanos - gate.pausedNanos(now)) / 1_000_000);
    }

    @Override
    public synchronized List<SweepRecord> results() {
        return resultsInPlanOrder();
    }

    private List<SweepRecord> resultsInPlanOrder() {
        List<SweepRecord> ordered = new ArrayList<>();
        for (SweepTask t : tasks) {
            SweepRecord r = results.get(t.key());
            if (r != null) {
                ordered.add(r);
            }
        }
        return ordered;
    }

    @Override
    public CompletableFuture<SweepOutcome> done() {
        return done;
    }
}
