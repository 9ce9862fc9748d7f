package dev.thinkbench.testing;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.engine.ReasoningEventSink;
import dev.thinkbench.engine.RunHandle;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A test sink that keeps every event of one run, with helpers to read them. Thread-safe. */
public final class CollectingSink implements ReasoningEventSink {

    private final List<ReasoningEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void accept(ReasoningEvent event) {
        events.add(event);
    }

    /** Waits (at most 20 s, then fails) until the run's last event was delivered; returns this. */
    public CollectingSink awaitEnd(RunHandle handle) {
        try {
            handle.done().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the run did not end; events so far: " + kinds(), e);
        }
        return this;
    }

    public List<ReasoningEvent> events() {
        return List.copyOf(events);
    }

    /** The events' simple class names in order, e.g. {@code [Started, ThinkingDelta, AnswerDelta, Finished]}. */
    public List<String> kinds() {
        return events.stream().map(e -> e.getClass().getSimpleName()).toList();
    }

    public <T extends ReasoningEvent> List<T> ofType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public String thinking() {
        return ofType(ReasoningEvent.ThinkingDelta.class).stream().map(ReasoningEvent.ThinkingDelta::text)
                .collect(Collectors.joining());
    }

    public String answer() {
        return ofType(ReasoningEvent.AnswerDelta.class).stream().map(ReasoningEvent.AnswerDelta::text)
                .collect(Collectors.joining());
    }

    /** The terminal events (a correct run has exactly one, last). */
    public List<ReasoningEvent> terminals() {
        return events.stream().filter(e -> e instanceof ReasoningEvent.Finished
                || e instanceof ReasoningEvent.Cancelled || e instanceof ReasoningEvent.Failed).toList();
    }

    /** The run's single Failed event; fails the test when the run did not fail. */
    public ReasoningEvent.Failed failure() {
        List<ReasoningEvent.Failed> failed = ofType(ReasoningEvent.Failed.class);
        if (failed.size() != 1) {
            throw new AssertionError("expected one Failed event, got " + kinds());
        }
        return failed.getFirst();
    }

    public FailureKind failureKind() {
        return failure().kind();
    }

    /** Waits (at most 20 s) until some text of the given kind has arrived. */
    public void awaitFirst(Class<? extends ReasoningEvent> type) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (ofType(type).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + type.getSimpleName() + " arrived; events: " + kinds());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
