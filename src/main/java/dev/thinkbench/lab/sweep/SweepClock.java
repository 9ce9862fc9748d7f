package dev.thinkbench.lab.sweep;

import java.time.Duration;

/**
 * Time as a sweep sees it: a monotonic clock for progress and ETA, and the wait of a backoff. Tests pass a clock that
 * records the waits and returns at once.
 */
public interface SweepClock {

    /** The system's monotonic clock and a real, interruptible sleep. */
    SweepClock SYSTEM = new SweepClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration);
        }
    };

    long nanoTime();

    /** Waits {@code duration}; a cancelled sweep interrupts it. */
    void sleep(Duration duration) throws InterruptedException;
}
