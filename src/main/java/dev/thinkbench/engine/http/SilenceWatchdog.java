package dev.thinkbench.engine.http;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Notices when a stream stays silent too long. The HTTP client's own timeouts only cover connecting and the response
 * headers; a server that stalls in the middle of a body would otherwise hold a run forever.
 *
 * <p>Threading: {@link #watch} and the {@link Watch} methods may be called from any thread; the silence callback runs
 * on the watchdog's single daemon thread, at most once per watch, and must be quick.
 */
public final class SilenceWatchdog {

    private static final SilenceWatchdog SHARED = new SilenceWatchdog(System::nanoTime);

    private final LongSupplier clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "thinkbench-stream-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** @param clock monotonic nanoseconds; tests pass a clock they move by hand */
    SilenceWatchdog(LongSupplier clock) {
        this.clock = clock;
    }

    /** The watchdog all engines share: one thread for every run in the process. */
    public static SilenceWatchdog shared() {
        return SHARED;
    }

    /**
     * Starts watching: {@code onSilence} runs once if {@link Watch#touch()} is not called for {@code silence}.
     * The clock starts now.
     */
    public Watch watch(Duration silence, Runnable onSilence) {
        if (silence.isNegative() || silence.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + silence);
        }
        Watch w = new Watch(clock, silence.toNanos(), onSilence);
        long periodMillis = Math.clamp(silence.toMillis() / 8, 5, 500);
        w.task = scheduler.scheduleWithFixedDelay(w::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        if (w.over.get()) {
            w.cancelTask(); // it fired before the task was known
        }
        return w;
    }

    /** One stream under watch. */
    public static final class Watch {

        private final LongSupplier clock;
        private final long silenceNanos;
        private final Runnable onSilence;
        private final AtomicBoolean over = new AtomicBoolean();
        private volatile long lastNanos;
        private volatile ScheduledFuture<?> task;

        private Watch(LongSupplier clock, long silenceNanos, Runnable onSilence) {
            this.clock = clock;
            this.silenceNanos = silenceNanos;
            this.onSilence = onSilence;
            this.lastNanos = clock.getAsLong();
        }

        /** Something arrived: the silence starts again. */
        public void touch() {
            lastNanos = clock.getAsLong();
        }

        /** Stops watching; the callback will not run after this returns (unless it is already running). */
        public void stop() {
            if (over.compareAndSet(false, true)) {
                cancelTask();
            }
        }

        private void check() {
            if (clock.getAsLong() - lastNanos < silenceNanos || !over.compareAndSet(false, true)) {
                return;
            }
            cancelTask();
            try {
                onSilence.run();
            } catch (RuntimeException ignored) {
                // The shared watchdog thread must survive a faulty callback.
            }
        }

        private void cancelTask() {
            ScheduledFuture<?> t = task;
            if (t != null) {
                t.cancel(false);
            }
        }
    }
}
