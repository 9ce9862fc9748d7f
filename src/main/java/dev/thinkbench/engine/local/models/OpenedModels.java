package dev.thinkbench.engine.local.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The GGUF files the user opened from anywhere on disk ("Open GGUF file..."), remembered between launches in
 * {@code opened-models.json} in the data folder ({@code {"version": 1, "files": [...]}}), oldest first, until the user
 * forgets one. A file that has since vanished stays listed, as missing ({@link #models()}), rather than silently
 * dropped. An unreadable list reads as empty. Thread-safe; calls block on file I/O.
 */
public final class OpenedModels {

    static final int MAX = 32;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path store;
    private List<Path> memory = List.of();

    /** @param store the list's file, null for a list kept in memory only (for this run) */
    public OpenedModels(Path store) {
        this.store = store;
    }

    /** The list of the data folder. */
    public static OpenedModels inDataDirectory(Path dataDir) {
        return new OpenedModels(dataDir.resolve("opened-models.json"));
    }

    /** A list kept in memory only, for this run. */
    public static OpenedModels none() {
        return new OpenedModels(null);
    }

    /** The files, oldest first; empty when the list is missing or unreadable. */
    public synchronized List<Path> files() {
        List<Path> out = new ArrayList<>();
        if (store == null) {
            return new ArrayList<>(memory);
        }
        if (!Files.exists(store)) {
            return out;
        }
        try {
            for (JsonNode f : JSON.readTree(store.toFile()).path("files")) {
                if (f.isTextual() && out.size() < MAX) {
                    out.add(Path.of(f.asText()));
                }
            }
        } catch (IOException | InvalidPathException unreadable) {
            return new ArrayList<>();
        }
        return out;
    }

    /** Each remembered file inspected ({@link LocalModel.Source#OPENED}); a vanished one with its problem. */
    public List<LocalModel> models() {
        return files().stream().map(ModelStore::open).toList();
    }

    /** Remembers {@code file} (at the end; once). */
    public synchronized void add(Path file) throws IOException {
        List<Path> now = files();
        Path absolute = file.toAbsolutePath().normalize();
        if (!now.contains(absolute)) {
            now.add(absolute);
        }
        write(now.subList(Math.max(0, now.size() - MAX), now.size()));
    }

    /** Forgets {@code file} (the file itself is left alone). */
    public synchronized void remove(Path file) throws IOException {
        List<Path> now = files();
        now.remove(file.toAbsolutePath().normalize());
        write(now);
    }

    private void write(List<Path> files) throws IOException {
        if (store == null) {
            memory = List.copyOf(files);
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode list = root.putArray("files");
        files.forEach(f -> list.add(f.toString()));
        Files.createDirectories(store.toAbsolutePath().getParent());
        Path temp = store.resolveSibling(store.getFileName() + ".tmp");
        Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root)
                .getBytes(StandardCharsets.UTF_8));
        Files.move(temp, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
