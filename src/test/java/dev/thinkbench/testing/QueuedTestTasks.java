package dev.thinkbench.testing;

import dev.thinkbench.ui.BackgroundTasks;

import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Test double of the background-task seam: work runs on virtual threads, as in the app, and its outcome waits in a
 * queue until the test calls {@link #drain()} on its own thread, which stands for the UI thread.
 */
public final class QueuedTestTasks implements BackgroundTasks, AutoCloseable {

    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Runnable> outcomes = new ConcurrentLinkedQueue<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        workers.execute(() -> {
            try {
                T result = work.call();
                outcomes.add(() -> onSuccess.accept(result));
            } catch (Exception e) {
                outcomes.add(() -> onFailure.accept(e));
            }
        });
    }

    /** Hands the outcomes that arrived so far to their callbacks, on the calling thread. */
    public void drain() {
        for (Runnable r; (r = outcomes.poll()) != null; ) {
            r.run();
        }
    }

    @Override
    public void shutdown() {
        workers.shutdownNow();
    }

    @Override
    public void close() {
        shutdown();
    }
}
