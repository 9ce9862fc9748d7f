package dev.thinkbench.lab.session;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workbench's autosaves in the data folder: each running app writes {@code autosave-PID.json} (its process id),
 * and deletes it when it closes normally. An autosave whose process is no longer running is what a crash (or a kill)
 * left behind: {@link #leftBehind()} offers it for restoring. Two windows open at once each keep their own file.
 * Call from one thread at a time.
 */
public final class Autosaves {

    private static final Pattern NAME = Pattern.compile("autosave-(\\d+)\\.json");

    private final Path folder;
    private final long pid;
    private final LongPredicate alive;
    private final SessionFile files;

    /**
     * @param folder where autosaves live (created on the first write)
     * @param pid this process's id
     * @param alive whether a process id is running now ({@code ProcessHandle.of(pid).isPresent()} in the app)
     */
    public Autosaves(Path folder, long pid, LongPredicate alive, SessionFile files) {
        this.folder = folder;
        this.pid = pid;
        this.alive = alive;
        this.files = files;
    }

    /** Autosaves of this machine's data folder, for this process. */
    public static Autosaves inDataFolder(Path dataDirectory) {
        return new Autosaves(dataDirectory.resolve("sessions"), ProcessHandle.current().pid(),
                id -> ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false), new SessionFile());
    }

    /** This process's autosave file. */
    public Path file() {
        return folder.resolve("autosave-" + pid + ".json");
    }

    /**
     * Writes {@code session} as this process's autosave, atomically.
     *
     * @throws IOException saying why, the previous autosave left as it was
     */
    public void write(Session session) throws IOException {
        files.write(file(), session);
    }

    /** Autosaves left by processes that are no longer running, newest first. */
    public List<Path> leftBehind() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(folder, "autosave-*.json")) {
            for (Path p : list) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches() && Long.parseLong(m.group(1)) != pid && !alive.test(Long.parseLong(m.group(1)))) {
                    found.add(p);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return found;
        }
        found.sort(Comparator.comparing(Autosaves::modified).reversed());
        return found;
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Removes an autosave (restored, or declined). */
    public void discard(Path autosave) throws IOException {
        Files.deleteIfExists(autosave);
    }

    /** Removes this process's autosave: the app is closing normally. */
    public void closeCleanly() throws IOException {
        Files.deleteIfExists(file());
    }
}
