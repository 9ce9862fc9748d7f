package dev.thinkbench.engine;

import dev.thinkbench.core.ReasoningEvent;

/**
 * Receives one run's events, in order, on the engine's thread. Implementations must be fast and must not throw:
 * they queue the event and return.
 */
@FunctionalInterface
public interface ReasoningEventSink {
    void accept(ReasoningEvent event);
}
