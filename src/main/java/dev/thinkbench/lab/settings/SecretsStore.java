package dev.thinkbench.lab.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thinkbench.core.SecretScrubber;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The API keys the user entered in the app, one per engine id, kept apart from {@code settings.json} in a file of
 * their own beside it ({@value #FILE_NAME}) that only the user can read: on POSIX systems it is created with
 * permissions 0600 ({@code rw-------}) from the first byte (a temporary file made with those permissions, then moved
 * over the old one atomically), and a file found readable by others is narrowed back to 0600 before it is read. On
 * systems without POSIX permissions the file relies on the user profile's own access rules.
 *
 * <p>Every key read or stored is registered with {@link SecretScrubber}, so it is masked wherever it might show up.
 * Keys never reach settings, sessions or logs from here: {@link #toString()} and {@link #engines()} name engines
 * only. Format: {@code {"version":1,"keys":{"anthropic":"..."}}}.
 *
 * <p>Thread-safe; the methods touch the file, so call them off the UI thread's hot paths.
 */
public final class SecretsStore {

    /** The file's name in the config folder. */
    public static final String FILE_NAME = "secrets.json";
    /** rw------- */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private Map<String, String> keys;
    private String lastProblem;

    public SecretsStore(Path file) {
        this.file = file;
    }

    /** The store beside the settings file, in the same folder. */
    public static SecretsStore beside(Path settingsFile) {
        return new SecretsStore(settingsFile.toAbsolutePath().resolveSibling(FILE_NAME));
    }

    /** The key stored for an engine, if any. */
    public synchronized Optional<String> get(String engineId) {
        return Optional.ofNullable(loaded().get(engineId));
    }

    /** Which engines have a stored key (names only, never keys). */
    public synchronized Set<String> engines() {
        return new TreeSet<>(loaded().keySet());
    }

    /**
     * Stores (or with a blank key removes) an engine's key and writes the file, owner-only.
     *
     * @throws IOException when the file cannot be written; the message names the file, never the key
     */
    public synchronized void put(String engineId, String key) throws IOException {
        Map<String, String> next = new TreeMap<>(loaded());
        if (key == null || key.isBlank()) {
            next.remove(engineId);
        } else {
            String k = key.strip();
            SecretScrubber.register(k);
            next.put(engineId, k);
        }
        write(next);
        keys = next;
    }

    /** Why the file could not be read at the last load (its keys are then ignored), or null. */
    public synchronized String lastProblem() {
        return lastProblem;
    }

    public Path file() {
        return file;
    }

    private Map<String, String> loaded() {
        if (keys == null) {
            keys = read();
        }
        return keys;
    }

    private Map<String, String> read() {
        Map<String, String> found = new TreeMap<>();
        if (!Files.exists(file)) {
            return found;
        }
        try {
            narrowPermissions();
            JsonNode stored = JSON.readTree(file.toFile()).path("keys");
            for (Map.Entry<String, JsonNode> e : stored.properties()) {
                if (e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
                    SecretScrubber.register(e.getValue().asText());
                    found.put(e.getKey(), e.getValue().asText().strip());
                }
            }
            lastProblem = null;
        } catch (IOException | RuntimeException e) {
            // Never quote the parser: its message may hold a piece of the file, that is, of a key.
            lastProblem = "the secrets file " + file + " could not be read; its keys are ignored until a key is "
                    + "entered again";
        }
        return found;
    }

    private void narrowPermissions() throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private void write(Map<String, String> next) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        FileAttribute<?>[] ownerOnly = posix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, ".secrets", ".tmp", ownerOnly);
        try {
            ObjectNode root = JSON.createObjectNode().put("version", 1);
            ObjectNode stored = root.putObject("keys");
            next.forEach(stored::put);
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException("API keys not saved to " + file + " (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Names the file and the engines, never a key. */
    @Override
    public String toString() {
        return "SecretsStore[" + file + ", keys for " + engines() + "]";
    }
}
