package dev.thinkbench.lab.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes {@link Settings} as versioned JSON. Writes go to a temporary file that is then atomically moved
 * over the real one, so a crash never leaves half a file. A broken file is set aside (renamed {@code .broken}) and
 * defaults are used, with the reason available from {@link #lastProblem()}. Call from any single thread.
 */
public final class SettingsStore {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private String lastProblem;

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** The settings in the file, or defaults when it is missing or broken. */
    public Settings load() {
        lastProblem = null;
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        try {
            Settings s = MAPPER.readValue(file.toFile(), Settings.class);
            if (s.schemaVersion() > Settings.SCHEMA_VERSION) {
                lastProblem = "settings file " + file + " is from a newer Thinkbench (version "
                        + s.schemaVersion() + "); using defaults and leaving it untouched";
                return Settings.defaults();
            }
            return s;
        } catch (IOException e) {
            lastProblem = "settings file " + file + " could not be read (" + e.getMessage()
                    + "); it was renamed to .broken and defaults are used";
            setAside();
            return Settings.defaults();
        }
    }

    private void setAside() {
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".broken"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ignored) {
            // Leaving the broken file in place is harmless: the next save replaces it.
        }
    }

    /** Writes atomically. */
    public void save(Settings settings) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".settings", ".tmp");
        try {
            MAPPER.writeValue(tmp.toFile(), settings);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Why the last {@link #load()} fell back to defaults, or null. */
    public String lastProblem() {
        return lastProblem;
    }

    public Path file() {
        return file;
    }
}
