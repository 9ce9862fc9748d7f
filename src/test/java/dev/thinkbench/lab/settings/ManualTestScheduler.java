package dev.thinkbench.lab.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A test double for {@link SaveScheduler}: keeps scheduled tasks until the test runs them; records each delay. */
final class ManualTestScheduler implements SaveScheduler {

    private final List<Runnable> tasks = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private boolean closed;

    @Override
    public synchronized void schedule(Runnable task, Duration delay) {
        tasks.add(task);
        delays.add(delay);
    }

    @Override
    public synchronized void close() {
        closed = true;
        tasks.clear();
    }

    /** Runs every task scheduled so far, as if their delay had passed; returns how many ran. */
    int runDue() {
        List<Runnable> due;
        synchronized (this) {
            due = List.copyOf(tasks);
            tasks.clear();
        }
        due.forEach(Runnable::run);
        return due.size();
    }

    synchronized int pending() {
        return tasks.size();
    }

    synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }

    synchronized boolean closed() {
        return closed;
    }
}
