package dev.thinkbench.forcing;

import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.ReasoningEventSink;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that keeps the events (test helper). */
final class Events implements ReasoningEventSink {

    final List<ReasoningEvent> all = new CopyOnWriteArrayList<>();

    @Override
    public void accept(ReasoningEvent event) {
        all.add(event);
    }

    List<ReasoningEvent.Intervention> interventions() {
        return all.stream().filter(e -> e instanceof ReasoningEvent.Intervention)
                .map(e -> (ReasoningEvent.Intervention) e).toList();
    }

    /** The usage the run reported (the test fails when it reported none). */
    Usage usage() {
        return all.stream().filter(e -> e instanceof ReasoningEvent.UsageReported)
                .map(e -> ((ReasoningEvent.UsageReported) e).usage()).reduce((a, b) -> b).orElseThrow();
    }

    ReasoningEvent last() {
        return all.getLast();
    }
}
