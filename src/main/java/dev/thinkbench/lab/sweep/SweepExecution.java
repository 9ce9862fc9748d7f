package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Grade;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.lab.strategy.Call;
import dev.thinkbench.lab.strategy.Calls;
import dev.thinkbench.lab.strategy.StrategyResult;
import dev.thinkbench.lab.strategy.StrategyRun;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One sweep in progress. Workers (virtual threads, as many as the endpoints have permits) take runs from a
 * {@link WorkQueue}: a whole prompt's runs in plan order, then the next prompt's. Each run's strategy makes its calls
 * through {@link PoolCalls}; the result is graded, appended to the results file, and reported. A failing run never
 * disturbs another: engine failures become failed results, and a bug in a strategy fails only its run.
 *
 * <p>Thread-safe: control methods may be called from any thread. Two locks: the monitor guards results and
 * counts, {@code lock} guards pausing and the workers; the monitor may be held while taking {@code lock}, never the
 * other way round.
 */
final class SweepExecution implements SweepHandle {

    private final SweepPlan plan;
    private final PriceTable prices;
    private final SweepRunner.Options options;
    private final ResultLog log;
    private final SweepListener listener;
    private final EndpointPool pool;
    private final EndpointPool judgePool;
    private final List<SweepTask> tasks;
    private final Map<RunKey, SweepRecord> results = new LinkedHashMap<>();
    private final Set<Runnable> inFlight = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new ArrayList<>();
    private final CompletableFuture<SweepOutcome> done = new CompletableFuture<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition unpaused = lock.newCondition();
    private final AtomicInteger running = new AtomicInteger();
    private WorkQueue queue;
    private int resumed;
    private int finishedHere;
    private boolean paused;
    private volatile boolean cancelled;
    private long startNanos;
    private long pausedNanos;
    private long pausedSince = -1;
    private int liveWorkers;
    private String writeError;

    SweepExecution(SweepPlan plan, List<Endpoint> endpoints, List<Endpoint> judges, PriceTable prices,
                   SweepRunner.Options options, ResultLog log, SweepListener listener) {
        this.plan = plan;
        this.prices = prices;
        this.options = options;
        this.log = log;
        this.listener = listener;
        this.pool = new EndpointPool(endpoints, options.dropAfter(), this::dropped);
        this.judgePool = judges.isEmpty() ? pool : new EndpointPool(judges, options.dropAfter(), this::dropped);
        this.tasks = plan.tasks();
    }

    void begin() {
        startNanos = options.clock().nanoTime();
        Map<RunKey, SweepTask> byKey = new LinkedHashMap<>();
        tasks.forEach(t -> byKey.put(t.key(), t));
        Set<RunKey> done = new HashSet<>();
        if (log != null) {
            for (SweepRecord r : log.existing().latest()) {
                if (byKey.containsKey(r.key())) {
                    results.put(r.key(), r);
                    if (r.ok()) {
                        done.add(r.key());
                    }
                }
            }
        }
        resumed = done.size();
        List<SweepTask> pending = tasks.stream().filter(t -> !done.contains(t.key())).toList();
        queue = new WorkQueue(pending);
        int count = Math.max(1, Math.min(pool.capacity(), pending.size()));
        liveWorkers = pending.isEmpty() ? 0 : count;
        emit(new SweepEvent.Started(progress(), results()));
        if (pending.isEmpty()) {
            end();
            return;
        }
        lock.lock();
        try {
            for (int i = 0; i < count; i++) {
                int id = i;
                workers.add(Thread.ofVirtual().name("sweep-worker-" + i).unstarted(() -> work(id)));
            }
        } finally {
            lock.unlock();
        }
        workers.forEach(Thread::start);
    }

    private void work(int worker) {
        try {
            while (awaitRunnable()) {
                SweepTask task = queue.next(worker);
                if (task == null) {
                    break;
                }
                running.incrementAndGet();
                try {
                    runOne(task);
                } catch (InterruptedException | RuntimeException e) {
                    running.decrementAndGet();
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            // cancelled: the worker stops
        } finally {
            boolean last;
            lock.lock();
            try {
                last = --liveWorkers == 0;
            } finally {
                lock.unlock();
            }
            if (last) {
                end();
            }
        }
    }

    /** Waits while paused; false once cancelled. */
    private boolean awaitRunnable() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (paused && !cancelled) {
                unpaused.await();
            }
            return !cancelled;
        } finally {
            lock.unlock();
        }
    }

    private void runOne(SweepTask task) throws InterruptedException {
        RunKey key = task.key();
        emit(new SweepEvent.RunStarted(key));
        CallObserver observer = observer(key);
        Calls calls = new PoolCalls(pool, options.retry(), options.clock(), prices, task.problem().prompt(), observer);
        Calls judge = judgePool == pool ? calls
                : new PoolCalls(judgePool, options.retry(), options.clock(), prices, task.problem().prompt(), observer);
        StrategyRun run = new StrategyRun(task.problem(), task.lane(), task.sample(), baseSpec(task), calls, judge,
                plan.budgets());
        StrategyResult result;
        try {
            result = task.strategy().run(run);
        } catch (RuntimeException e) {
            result = StrategyResult.single(internalError(task, e), task.lane());
        }
        if (cancelled) {
            throw new InterruptedException("the sweep was cancelled");
        }
        finish(task, result);
    }

    private RunSpec baseSpec(SweepTask task) {
        Sampling s = plan.sampling();
        Sampling sample = s.seed() == null ? s : new Sampling(s.temperature(), s.topP(),
                s.seed() + task.sample() * StrategyRun.SEED_STRIDE, s.maxAnswerTokens());
        return new RunSpec(task.problem().prompt(), plan.system(), plan.model(), task.lane().budget(), sample);
    }

    private void finish(SweepTask task, StrategyResult result) {
        SweepRecord record = record(task, result);
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
            results.put(record.key(), record);
            finishedHere++;
            running.decrementAndGet();
        }
        emit(new SweepEvent.RunFinished(record, result.chosen().trace(), result.candidates(), result.note(),
                progress()));
    }

    /** The result line of a run: graded when it ran to the end. */
    static SweepRecord record(SweepTask task, StrategyResult result) {
        Call chosen = result.chosen();
        Grade grade = chosen.ok() ? AnswerGrader.grade(chosen.answer(), task.problem().answer()) : null;
        String label = task.strategy().perBudget() ? task.lane().label() : SweepPlan.ROUTED;
        return new SweepRecord(task.problem().id(), label, result.lane().budget().spec(), task.strategy().name(),
                task.sample(), chosen.status().wireName(), grade == null ? null : grade.extracted(),
                task.problem().answer(), grade == null ? null : grade.correct(), result.computeTokens(),
                chosen.answerTokens(), result.totalMs(), result.costUsd(), chosen.endpoint(),
                chosen.ok() ? null : chosen.error());
    }

    private static Call internalError(SweepTask task, RuntimeException e) {
        RunRecorder recorder = new RunRecorder(null);
        long now = System.nanoTime();
        recorder.accept(new ReasoningEvent.Started(now, "", task.lane().budget().spec()));
        recorder.accept(new ReasoningEvent.Failed(now, FailureKind.UNKNOWN, "internal error in strategy "
                + task.strategy().name() + ": " + e));
        return new Call(recorder.trace(), recorder.metrics(now), null, null);
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
                if (cancelled) {
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
            outcome = new SweepOutcome(resultsInPlanOrder(), resumed, elapsedMs(), cancelled,
                    log == null ? List.of() : log.existing().issues(), pool.dropped(), writeError);
        }
        emit(new SweepEvent.Ended(outcome, progress()));
        done.complete(outcome);
    }

    private void emit(SweepEvent event) {
        try {
            listener.on(event);
        } catch (RuntimeException ignored) {
            // a listener never disturbs the sweep
        }
    }

    @Override
    public void pause() {
        lock.lock();
        try {
            if (paused || cancelled) {
                return;
            }
            paused = true;
            pausedSince = options.clock().nanoTime();
        } finally {
            lock.unlock();
        }
        emit(new SweepEvent.Paused(progress()));
    }

    @Override
    public void resume() {
        lock.lock();
        try {
            if (!paused) {
                return;
            }
            paused = false;
            pausedNanos += options.clock().nanoTime() - pausedSince;
            pausedSince = -1;
            unpaused.signalAll();
        } finally {
            lock.unlock();
        }
        emit(new SweepEvent.Resumed(progress()));
    }

    @Override
    public void cancel() {
        lock.lock();
        try {
            if (cancelled || done.isDone()) {
                return;
            }
            cancelled = true;
            unpaused.signalAll();
        } finally {
            lock.unlock();
        }
        inFlight.forEach(Runnable::run);
        workers.forEach(Thread::interrupt);
    }

    @Override
    public boolean paused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public synchronized SweepProgress progress() {
        int failed = 0;
        int graded = 0;
        int correct = 0;
        for (SweepRecord r : results.values()) {
            failed += r.ok() ? 0 : 1;
            graded += r.ok() && r.correct() != null ? 1 : 0;
            correct += Boolean.TRUE.equals(r.correct()) ? 1 : 0;
        }
        long elapsed = elapsedMs();
        int left = queue == null ? tasks.size() : queue.remaining() + running.get();
        Long eta = finishedHere == 0 ? null : Math.round((double) elapsed / finishedHere * left);
        return new SweepProgress(tasks.size(), results.size(), failed, graded, correct, running.get(), elapsed,
                left == 0 ? Long.valueOf(0) : eta, paused());
    }

    private long elapsedMs() {
        long now = options.clock().nanoTime();
        long pausedTotal;
        lock.lock();
        try {
            pausedTotal = pausedNanos + (pausedSince >= 0 ? now - pausedSince : 0);
        } finally {
            lock.unlock();
        }
        return Math.max(0, (now - startNanos - pausedTotal) / 1_000_000);
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
