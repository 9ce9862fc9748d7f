package dev.thinkbench.lab.settings;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The settings of this run of the app, in one place: loaded from the {@link SettingsStore} the first time someone
 * needs them (a command that never reads settings never touches the file), read by whoever needs them at the moment
 * they need them (the built-in engine reads its threads and context at each run), and changed by the views through
 * {@link #update}. One holder per app, so two parts never save different versions over each other.
 *
 * <p>Changes apply in memory at once; the file is written later on the {@link SaveScheduler}'s thread, one write per
 * {@link #SAVE_DELAY} however many changes came in between, and at once by {@link #flush()} / {@link #close()}. A
 * file from a newer Thinkbench, or a broken one that could not be set aside, is never written: changes then hold for
 * this session only. What went wrong (loading, or a write that failed) is told to the problem listener and kept in
 * {@link #problem()}.
 *
 * <p>Thread-safe: every method from any thread. The problem listener is called on the thread that found the problem
 * (the loading caller's, or the writer's).
 */
public final class CurrentSettings implements AutoCloseable {

    /** How long changes are collected before one write. */
    public static final Duration SAVE_DELAY = Duration.ofMillis(400);

    private final SettingsStore store;
    private final SaveScheduler scheduler;
    private final Duration delay;
    private final Object writeLock = new Object();
    private SettingsStore.Loaded loaded;
    private Settings current;
    private boolean dirty;
    private boolean writePending;
    private boolean closed;
    private String problem;
    private Consumer<String> onProblem = message -> { };

    private CurrentSettings(SettingsStore store, SaveScheduler scheduler, Duration delay) {
        this.store = store;
        this.scheduler = scheduler;
        this.delay = delay;
    }

    /** Settings of {@code store}'s file, loaded on first use, written on a background thread. */
    public static CurrentSettings open(SettingsStore store) {
        return open(store, SaveScheduler.background(), SAVE_DELAY);
    }

    /** As {@link #open(SettingsStore)}, writing through {@code scheduler} {@code delay} after a change. */
    public static CurrentSettings open(SettingsStore store, SaveScheduler scheduler, Duration delay) {
        return new CurrentSettings(store, scheduler, delay);
    }

    /** The settings now; the first call loads the file. */
    public synchronized Settings get() {
        ensureLoaded();
        return current;
    }

    /** What loading found (loads the file if no one has yet). */
    public synchronized SettingsStore.Loaded loaded() {
        ensureLoaded();
        return loaded;
    }

    /** The latest problem for the user (loading or saving), or null. Loads the file if no one has yet. */
    public synchronized String problem() {
        ensureLoaded();
        return problem;
    }

    /** Whether the file is loaded yet (a command that never needed settings leaves it unread). */
    public synchronized boolean isLoaded() {
        return loaded != null;
    }

    /**
     * Tells {@code listener} each problem from now on (a failed write); a load problem found before is in
     * {@link #problem()}.
     */
    public synchronized void setOnProblem(Consumer<String> listener) {
        onProblem = listener == null ? message -> { } : listener;
    }

    /**
     * Applies a change now; the file follows after {@link #SAVE_DELAY} (never, for a file this version must not
     * write).
     *
     * @return the settings after the change
     */
    public synchronized Settings update(UnaryOperator<Settings> change) {
        ensureLoaded();
        current = change.apply(current);
        if (loaded.writable() && !closed) {
            dirty = true;
            if (!writePending) {
                writePending = true;
                scheduler.schedule(this::writeScheduled, delay);
            }
        }
        return current;
    }

    private void writeScheduled() {
        synchronized (this) {
            writePending = false;
        }
        try {
            flush();
        } catch (IOException e) {
            // told to the listener by flush; the change holds for this session all the same
        }
    }

    /**
     * Writes pending changes now, on the calling thread.
     *
     * @throws IOException when the file cannot be written (the message names it; the listener is told too)
     */
    public void flush() throws IOException {
        synchronized (writeLock) {
            Settings toWrite;
            synchronized (this) {
                if (!dirty) {
                    return;
                }
                dirty = false;
                toWrite = current;
            }
            try {
                store.save(toWrite);
            } catch (IOException e) {
                String message = "Settings not saved to " + store.file() + " (" + e.getMessage()
                        + "); your changes hold until Thinkbench closes.";
                report(message);
                throw new IOException(message, e);
            }
        }
    }

    /** Writes pending changes and stops the writer; later changes stay in memory only. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            closed = true;
        }
        try {
            flush();
        } finally {
            scheduler.close();
        }
    }

    private void ensureLoaded() {
        if (loaded == null) {
            loaded = store.load();
            current = loaded.settings();
            if (loaded.problem() != null) {
                report(loaded.problem());
            }
        }
    }

    private void report(String message) {
        Consumer<String> listener;
        synchronized (this) {
            problem = message;
            listener = onProblem;
        }
        listener.accept(message);
    }
}
