package dev.thinkbench.lab;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.Trace;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.ReasoningEventSink;
import dev.thinkbench.engine.RunHandle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * One lane's run in flight: records its events and queues them for a view that drains them once per frame, and keeps
 * them all in order ({@link #events()}) so the run can be saved as a session. A live run is fed by its engine and
 * timed by {@link System#nanoTime()}; a replayed one is fed by a {@link Replay} and timed by the replay's position, so
 * a view drains both the same way. Thread-safe: the engine (or replay) thread feeds it, any thread reads or cancels
 * it.
 */
public final class LaneRun {

    private final Lane lane;
    private final RunSpec spec;
    private final RunRecorder recorder;
    private final LongSupplier clock;
    private final List<ReasoningEvent> log = new ArrayList<>();
    private final ConcurrentLinkedQueue<ReasoningEvent> queue = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<LaneRun> done = new CompletableFuture<>();
    private volatile RunHandle handle;

    /**
     * @param price the price the recorder costs the run at, null when unknown
     * @param clock the run's time: {@link System#nanoTime()} for a live run, the replay position for a replayed one
     */
    LaneRun(Lane lane, RunSpec spec, Price price, LongSupplier clock) {
        this.lane = lane;
        this.spec = spec;
        this.clock = clock;
        this.recorder = new RunRecorder(price);
    }

    void start(ReasoningEngine engine) {
        String unsupported = engine.capabilities().whyUnsupported(lane.budget());
        if (unsupported != null) {
            long now = clock.getAsLong();
            sink().accept(new ReasoningEvent.Started(now, spec.model(), lane.budget().spec()));
            sink().accept(new ReasoningEvent.Failed(now, FailureKind.UNSUPPORTED, unsupported));
            done.complete(this);
            return;
        }
        try {
            handle = engine.start(spec, sink());
            handle.done().whenComplete((v, e) -> done.complete(this));
        } catch (RuntimeException e) {
            sink().accept(new ReasoningEvent.Failed(clock.getAsLong(), FailureKind.UNKNOWN,
                    "the engine could not start this run: " + e.getMessage()));
            done.complete(this);
        }
    }

    private ReasoningEventSink sink() {
        return event -> {
            try {
                synchronized (log) {
                    // nothing follows the end: a replay still feeding a cancelled run, an engine racing a cancel
                    if (recorder.status().terminal()) {
                        return;
                    }
                    log.add(event);
                    recorder.accept(event);
                    queue.add(event);
                }
            } catch (RuntimeException ignored) {
                // A sink never throws into the engine; the recorder only fails on a programming error.
            }
        };
    }

    /** Feeds one recorded event (a replay's); a terminal one completes {@link #done()}. */
    void feed(ReasoningEvent event) {
        sink().accept(event);
        if (recorder.status().terminal()) {
            done.complete(this);
        }
    }

    public Lane lane() {
        return lane;
    }

    public RunSpec spec() {
        return spec;
    }

    /** Moves queued events into {@code into}; returns how many. Call from the consumer's thread. */
    public int drainTo(Collection<ReasoningEvent> into) {
        int n = 0;
        for (ReasoningEvent e; (e = queue.poll()) != null; n++) {
            into.add(e);
        }
        return n;
    }

    /** Every event so far, in order, with the times they came at (see {@link #nanoTime()}). */
    public List<ReasoningEvent> events() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** The price the run is costed at, null when unknown. */
    public Price price() {
        return recorder.price();
    }

    /** Costs the run at {@code newPrice} from now on (its metrics' cost follows; see {@link Comparison#priceAs}). */
    void price(Price newPrice) {
        recorder.price(newPrice);
    }

    /** Now on the run's clock, comparable with its events' times. */
    public long nanoTime() {
        return clock.getAsLong();
    }

    public Trace trace() {
        return recorder.trace();
    }

    public RunMetrics metrics() {
        return recorder.metrics(clock.getAsLong());
    }

    public RunStatus status() {
        return recorder.status();
    }

    public void cancel() {
        RunHandle h = handle;
        if (h != null) {
            h.cancel();
        } else if (!recorder.status().terminal()) {
            sink().accept(new ReasoningEvent.Cancelled(clock.getAsLong()));
            done.complete(this);
        }
    }

    /** Completes when the lane's run has ended, whatever the outcome. */
    public CompletableFuture<LaneRun> done() {
        return done;
    }
}
