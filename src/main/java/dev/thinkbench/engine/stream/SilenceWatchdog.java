package dev.thinkbench.engine.stream;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Notices when a stream stays silent too long. The HTTP client's own timeouts only cover connecting and the response
 * headers; a server that stalls in the middle of a body would otherwise hold a run forever.
 *
 * <p>Threading: {@link #watch} and the {@link Watch} methods may be called from any thread; the silence callback runs
 * on the watchdog's single daemon thread, at most once per watch, and must be quick.
 */
public final class SilenceWatchdog {

    private static final SilenceWatchdog SHARED = new SilenceWatchdog();

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "thinkbench-stream-watchdog");
        t.setDaemon(true);
        return t;
    });

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
        Watch w = new Watch(silence.toNanos(), onSilence);
        long periodMillis = Math.clamp(silence.toMillis() / 8, 5, 500);
        w.task = scheduler.scheduleWithFixedDelay(w::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        if (w.over.get()) {
            w.cancelTask(); // it fired before the task was known
        }
        return w;
    }

    /** One stream under watch. */
    public static final class Watch {

        private final long silenceNanos;
        private final Runnable onSilence;
        private final AtomicBoolean over = new AtomicBoolean();
        private volatile long lastNanos = System.nanoTime();
        private volatile ScheduledFuture<?> task;

        private Watch(long silenceNanos, Runnable onSilence) {
            this.silenceNanos = silenceNanos;
            this.onSilence = onSilence;
        }

        /** Something arrived: the silence starts again. */
        public void touch() {
            lastNanos = System.nanoTime();
        }

        /** Stops watching; the callback will not run after this returns (unless it is already running). */
        public void stop() {
            if (over.compareAndSet(false, true)) {
                cancelTask();
            }
        }

        private void check() {
            if (System.nanoTime() - lastNanos < silenceNanos || !over.compareAndSet(false, true)) {
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
