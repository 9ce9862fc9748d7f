package dev.thinkbench.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A cancellation flag shared between the one who cancels (any thread) and a blocking call that honours it. */
public final class CancelToken {

    private volatile boolean cancelled;
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            callbacks.forEach(Runnable::run);
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code action} on cancel (at once if already cancelled), e.g. to abort an HTTP stream. */
    public void onCancel(Runnable action) {
        callbacks.add(action);
        if (cancelled) {
            action.run();
        }
    }
}
