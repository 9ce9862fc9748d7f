package dev.thinkbench.engine.stream;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.ReasoningEventSink;

import java.util.concurrent.CompletableFuture;

/**
 * The event stream of one run, as the {@link dev.thinkbench.engine.ReasoningEngine} contract wants it: {@code Started}
 * first, then deltas and usage, then exactly one of {@code Finished}, {@code Cancelled}, {@code Failed}; nothing after.
 *
 * <p>Threading: every method may be called from any thread (the HTTP client's, the watchdog's, a canceller's); events
 * are delivered one at a time, never concurrently, in the order the calls took the lock. A sink that throws is
 * ignored so that it can never break the engine. {@link #done()} completes after the terminal event was delivered.
 */
public final class RunEvents {

    private final ReasoningEventSink sink;
    private final String model;
    private final String budgetSpec;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private boolean started;
    private boolean ended;
    private boolean sawThinking;
    private boolean sawText;

    /**
     * @param model the model named in the {@code Started} event
     * @param budgetSpec the budget spec named in the {@code Started} event
     */
    public RunEvents(ReasoningEventSink sink, String model, String budgetSpec) {
        this.sink = sink;
        this.model = model;
        this.budgetSpec = budgetSpec;
    }

    /** Emits {@code Started} unless it was emitted already (any other event emits it first if needed). */
    public synchronized void started() {
        ensureStarted();
    }

    public synchronized void thinking(String text, int tokens) {
        thinking(text, tokens, false);
    }

    /** Thinking text; {@code summary} when it is the provider's summary of the thinking, not the thinking itself. */
    public synchronized void thinking(String text, int tokens, boolean summary) {
        sawThinking = true;
        sawText |= !text.isEmpty();
        deliver(new ReasoningEvent.ThinkingDelta(System.nanoTime(), text, tokens, summary));
    }

    public synchronized void answer(String text, int tokens) {
        sawText |= !text.isEmpty();
        deliver(new ReasoningEvent.AnswerDelta(System.nanoTime(), text, tokens));
    }

    /** The run waits {@code wait} before it retries, because the server asked it to. */
    public synchronized void retryWaiting(java.time.Duration wait, String reason) {
        deliver(new ReasoningEvent.RetryWaiting(System.nanoTime(), wait.toMillis(), reason));
    }

    public synchronized void usage(Usage usage) {
        deliver(new ReasoningEvent.UsageReported(System.nanoTime(), usage));
    }

    /** Ends the run normally; false when it had already ended. */
    public boolean finished(ReasoningEvent.StopReason reason) {
        return end(new ReasoningEvent.Finished(System.nanoTime(), reason));
    }

    /** Ends the run as cancelled; false when it had already ended. */
    public boolean cancelled() {
        return end(new ReasoningEvent.Cancelled(System.nanoTime()));
    }

    /** Ends the run as failed; false when it had already ended. */
    public boolean failed(FailureKind kind, String message) {
        return failed(kind, message, null);
    }

    /** Ends the run as failed, with the wait the server asked for before a retry (or null); false if it had ended. */
    public boolean failed(FailureKind kind, String message, java.time.Duration retryAfter) {
        return end(new ReasoningEvent.Failed(System.nanoTime(), kind, message, retryAfter));
    }

    public synchronized boolean ended() {
        return ended;
    }

    /** Whether any thinking text was delivered (to judge a server's reported thinking count). */
    public synchronized boolean sawThinking() {
        return sawThinking;
    }

    /** Whether any thinking or answer text was delivered (so a failure can say it is kept). */
    public synchronized boolean sawText() {
        return sawText;
    }

    /** Completes (never exceptionally) after the terminal event was delivered. */
    public CompletableFuture<Void> done() {
        return done;
    }

    private boolean end(ReasoningEvent terminal) {
        synchronized (this) {
            if (ended) {
                return false;
            }
            deliver(terminal);
            ended = true;
        }
        // Outside the lock: whoever waits on done() may run arbitrary code on this thread.
        done.complete(null);
        return true;
    }

    private void ensureStarted() {
        if (!started) {
            started = true;
            send(new ReasoningEvent.Started(System.nanoTime(), model, budgetSpec));
        }
    }

    private void deliver(ReasoningEvent event) {
        if (ended) {
            return;
        }
        ensureStarted();
        send(event);
    }

    private void send(ReasoningEvent event) {
        try {
            sink.accept(event);
        } catch (RuntimeException ignored) {
            // The sink contract forbids throwing; if one does, the run must still end cleanly.
        }
    }
}
