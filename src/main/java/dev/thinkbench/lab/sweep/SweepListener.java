package dev.thinkbench.lab.sweep;

/**
 * Receives a sweep's events on its worker threads (several at once, each in order for its own run). Must be fast and
 * must not block: a view queues events and drains them once per frame. An exception thrown here is ignored.
 */
@FunctionalInterface
public interface SweepListener {

    SweepListener NONE = event -> { };

    void on(SweepEvent event);
}
