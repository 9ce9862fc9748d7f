package dev.thinkbench.lab.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes {@link Settings} as versioned JSON. Writes go to a temporary file that is then atomically moved
 * over the real one, so a crash never leaves half a file. What a load found is a {@link Loaded}: a broken file is set
 * aside under a name no earlier broken file has ({@code settings.json.broken}, then {@code .broken-2}, ...) and
 * defaults are used; a file from a newer Thinkbench is left as it is and must not be written over
 * ({@link Loaded#writable()} is false). Stateless apart from the path: call from any thread, one call at a time per
 * file.
 */
public final class SettingsStore {

    /** How many set-aside names are tried before giving up (a folder full of broken files is left alone). */
    private static final int MAX_SET_ASIDE_NAMES = 1000;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** What the file held. */
    public enum Status {
        /** Read as it is. */
        OK,
        /** No file yet: defaults, written on the first change. */
        MISSING,
        /** Unreadable: set aside, defaults in use and written on the first change. */
        BROKEN,
        /** Unreadable and could not be set aside: left in place, defaults in use, never written over. */
        BROKEN_IN_PLACE,
        /** From a newer Thinkbench: left untouched, defaults in use, never written over. */
        NEWER
    }

    /**
     * The outcome of a load.
     *
     * @param settings what to use: the file's settings, or defaults
     * @param status what the file held
     * @param problem for the user, when the status is not {@code OK} or {@code MISSING}; else null
     * @param setAsideAs where a broken file was moved, else null
     */
    public record Loaded(Settings settings, Status status, String problem, Path setAsideAs) {

        /** Whether saving may write the file: false for a newer version's file or a broken one left in place. */
        public boolean writable() {
            return status != Status.NEWER && status != Status.BROKEN_IN_PLACE;
        }
    }

    /** Reads the file; defaults when it is missing, broken or from a newer version (see {@link Loaded}). */
    public Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(Settings.defaults(), Status.MISSING, null, null);
        }
        Settings s;
        try {
            s = MAPPER.readValue(file.toFile(), Settings.class);
        } catch (IOException e) {
            return setAside(e);
        }
        if (s.schemaVersion() > Settings.SCHEMA_VERSION) {
            return new Loaded(Settings.defaults(), Status.NEWER, "Your settings file " + file
                    + " is from a newer Thinkbench (format " + s.schemaVersion() + "); it is left untouched and "
                    + "nothing is saved this session. Defaults are in use.", null);
        }
        return new Loaded(s, Status.OK, null, null);
    }

    private Loaded setAside(IOException why) {
        String reason = firstLine(why.getMessage());
        for (int n = 1; n <= MAX_SET_ASIDE_NAMES; n++) {
            Path target = file.resolveSibling(file.getFileName() + (n == 1 ? ".broken" : ".broken-" + n));
            try {
                Files.move(file, target);
                return new Loaded(Settings.defaults(), Status.BROKEN, "Your settings file " + file
                        + " was unreadable (" + reason + "); it was set aside as " + target.getFileName()
                        + ". Defaults are in use.", target);
            } catch (FileAlreadyExistsException taken) {
                // an earlier broken file keeps its name: try the next one
            } catch (IOException e) {
                return brokenInPlace(reason, firstLine(e.getMessage()));
            }
        }
        return brokenInPlace(reason, "no free name to set it aside under");
    }

    private Loaded brokenInPlace(String reason, String moveFailure) {
        return new Loaded(Settings.defaults(), Status.BROKEN_IN_PLACE, "Your settings file " + file
                + " was unreadable (" + reason + ") and could not be set aside (" + moveFailure + "); it is left "
                + "untouched and nothing is saved this session. Defaults are in use.", null);
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
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

    public Path file() {
        return file;
    }
}
