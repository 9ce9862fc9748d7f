package dev.thinkbench.lab;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.Trace;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.ReasoningEventSink;
import dev.thinkbench.engine.RunHandle;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One lane's run in flight: records its events and queues them for a view that drains them once per frame.
 * Thread-safe: the engine thread feeds it, any thread reads or cancels it.
 */
public final class LaneRun {

    private final Lane lane;
    private final RunSpec spec;
    private final RunRecorder recorder;
    private final ConcurrentLinkedQueue<ReasoningEvent> queue = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<LaneRun> done = new CompletableFuture<>();
    private volatile RunHandle handle;

    LaneRun(Lane lane, RunSpec spec, RunRecorder recorder) {
        this.lane = lane;
        this.spec = spec;
        this.recorder = recorder;
    }

    void start(ReasoningEngine engine) {
        String unsupported = engine.capabilities().whyUnsupported(lane.budget());
        if (unsupported != null) {
            long now = System.nanoTime();
            sink().accept(new ReasoningEvent.Started(now, spec.model(), lane.budget().spec()));
            sink().accept(new ReasoningEvent.Failed(now, FailureKind.UNSUPPORTED, unsupported));
            done.complete(this);
            return;
        }
        try {
            handle = engine.start(spec, sink());
            handle.done().whenComplete((v, e) -> done.complete(this));
        } catch (RuntimeException e) {
            sink().accept(new ReasoningEvent.Failed(System.nanoTime(), FailureKind.UNKNOWN,
                    "the engine could not start this run: " + e.getMessage()));
            done.complete(this);
        }
    }

    private ReasoningEventSink sink() {
        return event -> {
            try {
                recorder.accept(event);
                queue.add(event);
            } catch (RuntimeException ignored) {
                // A sink never throws into the engine; the recorder only fails on a programming error.
            }
        };
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

    public Trace trace() {
        return recorder.trace();
    }

    public RunMetrics metrics() {
        return recorder.metrics(System.nanoTime());
    }

    public RunStatus status() {
        return recorder.status();
    }

    public void cancel() {
        RunHandle h = handle;
        if (h != null) {
            h.cancel();
        } else if (!recorder.status().terminal()) {
            sink().accept(new ReasoningEvent.Cancelled(System.nanoTime()));
            done.complete(this);
        }
    }

    /** Completes when the lane's run has ended, whatever the outcome. */
    public CompletableFuture<LaneRun> done() {
        return done;
    }
}
