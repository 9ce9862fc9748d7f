package dev.thinkbench.lab.sweep;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where a sweep's workers wait between runs while it is paused, and how long it was paused (left out of its
 * elapsed time). Cancelling opens the gate for good: waiting workers return and stop. Thread-safe.
 */
final class PauseGate {

    private final SweepClock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean paused;
    private boolean cancelled;
    private long pausedNanos;
    private long pausedSince = -1;

    PauseGate(SweepClock clock) {
        this.clock = clock;
    }

    /** Closes the gate; false when it was already paused or cancelled. */
    boolean pause() {
        lock.lock();
        try {
            if (paused || cancelled) {
                return false;
            }
            paused = true;
            pausedSince = clock.nanoTime();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Opens the gate; false when it was not paused. */
    boolean resume() {
        lock.lock();
        try {
            if (!paused) {
                return false;
            }
            paused = false;
            pausedNanos += clock.nanoTime() - pausedSince;
            pausedSince = -1;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Opens the gate for good; false when it was cancelled before. */
    boolean cancel() {
        lock.lock();
        try {
            if (cancelled) {
                return false;
            }
            cancelled = true;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits while paused; false once cancelled. */
    boolean pass() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (paused && !cancelled) {
                changed.await();
            }
            return !cancelled;
        } finally {
            lock.unlock();
        }
    }

    boolean paused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    boolean cancelled() {
        lock.lock();
        try {
            return cancelled;
        } finally {
            lock.unlock();
        }
    }

    /** Time spent paused up to {@code now}, the current pause included. */
    long pausedNanos(long now) {
        lock.lock();
        try {
            return pausedNanos + (pausedSince >= 0 ? now - pausedSince : 0);
        } finally {
            lock.unlock();
        }
    }
}
