package dev.thinkbench.testing;

import dev.thinkbench.lab.sweep.SweepClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A test clock for sweeps: sleeps return at once, advance its time and are recorded. Thread-safe. */
public final class RecordingTestClock implements SweepClock {

    private final List<Duration> sleeps = new ArrayList<>();
    private long nanos = 1_000_000_000L;

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        nanos += duration.toNanos();
    }

    /** Moves time on by {@code d}. */
    public synchronized void advance(Duration d) {
        nanos += d.toNanos();
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
