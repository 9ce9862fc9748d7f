package dev.thinkbench.lab.settings;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * When {@link CurrentSettings} writes its file: {@link #schedule} runs a write after a delay on the scheduler's own
 * thread, never the caller's, so a burst of changes (a spinner held down) costs one write and no UI frame. Tests pass
 * a manual scheduler that runs due tasks when told, instead of sleeping.
 */
public interface SaveScheduler extends AutoCloseable {

    /** Runs {@code task} once, {@code delay} from now, off the calling thread. Callable from any thread. */
    void schedule(Runnable task, Duration delay);

    /** Stops the thread; tasks not yet run are dropped (flush first). */
    @Override
    void close();

    /** One daemon thread named {@code thinkbench-settings-writer}. */
    static SaveScheduler background() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "thinkbench-settings-writer");
            t.setDaemon(true);
            return t;
        });
        return new SaveScheduler() {
            @Override
            public void schedule(Runnable task, Duration delay) {
                if (!executor.isShutdown()) {
                    executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
                }
            }

            @Override
            public void close() {
                executor.shutdownNow();
            }
        };
    }
}
