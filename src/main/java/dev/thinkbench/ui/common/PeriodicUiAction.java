package dev.thinkbench.ui.common;

import javafx.application.Platform;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action on the UI thread at a fixed interval without an animation: a {@code Timeline}, even one whose only
 * key frame is a minute away, keeps JavaFX pulsing 60 times a second for as long as it plays, which an idle window
 * should not. One daemon thread, asleep between ticks, posts each tick to the UI thread.
 */
public final class PeriodicUiAction implements AutoCloseable {

    private final ScheduledExecutorService scheduler;

    private PeriodicUiAction(String name, Duration every, Runnable action) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        long nanos = every.toNanos();
        scheduler.scheduleWithFixedDelay(() -> Platform.runLater(action), nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** Runs {@code action} on the UI thread every {@code every}, the first time {@code every} from now. */
    public static PeriodicUiAction every(String threadName, Duration every, Runnable action) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the interval must be positive: " + every);
        }
        return new PeriodicUiAction(threadName, every, action);
    }

    /** No further ticks (one already posted to the UI thread still runs). */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
