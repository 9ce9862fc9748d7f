package dev.thinkbench.lab.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The session files opened or saved lately, newest first, at most {@value #MAX}, kept in {@code recent.json} in the
 * data folder ({@code {"version": 1, "files": [...]}}). An unreadable list reads as empty and is written anew; a file
 * that no longer exists stays listed until opening it fails. Call from one thread at a time.
 */
public final class RecentSessions {

    static final int MAX = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path store;

    public RecentSessions(Path store) {
        this.store = store;
    }

    /** The list of the data folder. */
    public static RecentSessions inDataFolder(Path dataDirectory) {
        return new RecentSessions(dataDirectory.resolve("sessions").resolve("recent.json"));
    }

    /** The files, newest first; empty when the list is missing or unreadable. */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        try {
            if (!Files.exists(store)) {
                return out;
            }
            JsonNode files = JSON.readTree(store.toFile()).path("files");
            for (JsonNode f : files) {
                if (f.isTextual() && out.size() < MAX) {
                    out.add(Path.of(f.asText()));
                }
            }
        } catch (IOException | InvalidPathException e) {
            return new ArrayList<>();
        }
        return out;
    }

    /**
     * Puts {@code file} first.
     *
     * @return the list now
     * @throws IOException when the list cannot be written
     */
    public List<Path> add(Path file) throws IOException {
        List<Path> now = new ArrayList<>(list());
        Path absolute = file.toAbsolutePath().normalize();
        now.remove(absolute);
        now.addFirst(absolute);
        return write(now.subList(0, Math.min(MAX, now.size())));
    }

    /** Takes {@code file} off the list (it could not be opened). */
    public List<Path> remove(Path file) throws IOException {
        List<Path> now = new ArrayList<>(list());
        now.remove(file.toAbsolutePath().normalize());
        return write(now);
    }

    private List<Path> write(List<Path> files) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode list = root.putArray("files");
        files.forEach(f -> list.add(f.toString()));
        AtomicFiles.write(store, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root)
                .getBytes(StandardCharsets.UTF_8));
        return List.copyOf(files);
    }
}
