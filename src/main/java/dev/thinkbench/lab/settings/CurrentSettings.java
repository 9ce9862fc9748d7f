package dev.thinkbench.lab.settings;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The settings of this run of the app, in one place: loaded once from the {@link SettingsStore}, read by whoever
 * needs them at the moment they need them (the built-in engine reads its threads and context at each run), and
 * changed by the views through {@link #update}, which keeps the change and saves the file. One holder per app, so
 * two parts never save different versions over each other.
 *
 * <p>Thread-safe: {@link #get} from any thread; {@link #update} from any thread (it writes the file, so not in a
 * tight loop on the UI thread).
 */
public final class CurrentSettings {

    private final SettingsStore store;
    private final AtomicReference<Settings> current;
    private final String loadProblem;

    private CurrentSettings(SettingsStore store, Settings loaded, String loadProblem) {
        this.store = store;
        this.current = new AtomicReference<>(loaded);
        this.loadProblem = loadProblem;
    }

    /** Loads the store's file (defaults when missing or broken; see {@link #loadProblem()}). */
    public static CurrentSettings load(SettingsStore store) {
        Settings loaded = store.load();
        return new CurrentSettings(store, loaded, store.lastProblem());
    }

    public Settings get() {
        return current.get();
    }

    /** Why loading fell back to defaults, or null. */
    public String loadProblem() {
        return loadProblem;
    }

    /**
     * Applies a change and saves. The change is kept in memory even when the file cannot be written.
     *
     * @return the settings after the change
     * @throws IOException when saving failed (the message names the file)
     */
    public synchronized Settings update(UnaryOperator<Settings> change) throws IOException {
        Settings next = current.updateAndGet(change);
        try {
            store.save(next);
        } catch (IOException e) {
            throw new IOException("settings not saved to " + store.file() + ": " + e.getMessage(), e);
        }
        return next;
    }
}
