package dev.thinkbench.forcing;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.engine.ReasoningEventSink;

/**
 * Passes a run's events on and remembers whether the run has ended, so that whatever escapes the run's code (a bug,
 * an {@link OutOfMemoryError}) still ends it with one {@code Failed} event instead of leaving it running forever.
 * Used on the run's thread.
 */
final class TerminalGuard implements ReasoningEventSink {

    private final ReasoningEventSink sink;
    private boolean started;
    private boolean ended;

    TerminalGuard(ReasoningEventSink sink) {
        this.sink = sink;
    }

    @Override
    public void accept(ReasoningEvent event) {
        started |= event instanceof ReasoningEvent.Started;
        ended |= event instanceof ReasoningEvent.Finished || event instanceof ReasoningEvent.Cancelled
                || event instanceof ReasoningEvent.Failed;
        sink.accept(event);
    }

    /** Ends the run as failed because of {@code error}, unless it already ended. */
    void failIfOpen(dev.thinkbench.core.RunSpec spec, Throwable error) {
        if (ended) {
            return;
        }
        long now = System.nanoTime();
        if (!started) {
            accept(new ReasoningEvent.Started(now, spec.model(), spec.budget().spec()));
        }
        String why = error instanceof OutOfMemoryError ? "Thinkbench ran out of memory during this run"
                : "internal error during this run (" + error.getClass().getSimpleName() + ")";
        accept(new ReasoningEvent.Failed(now, FailureKind.UNKNOWN, why + "; the other runs go on."));
    }
}
