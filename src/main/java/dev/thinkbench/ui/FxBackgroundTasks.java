package dev.thinkbench.ui;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@link BackgroundTasks} on named daemon threads, answering through {@link Platform#runLater}. One {@code runLater}
 * per task is fine here: tasks are rare (a model list, a download's end), unlike tokens.
 */
public final class FxBackgroundTasks implements BackgroundTasks {

    private static final System.Logger LOG = System.getLogger(FxBackgroundTasks.class.getName());
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "thinkbench-background-" + threads.incrementAndGet());
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> LOG.log(System.Logger.Level.WARNING, "uncaught in " + th.getName(), e));
        return t;
    });

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        executor.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void shutdown() {
        executor.shutdownNow();
    }
}
