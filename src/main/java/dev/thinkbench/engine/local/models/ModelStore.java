package dev.thinkbench.engine.local.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder where Thinkbench keeps the models it downloaded (by default {@code <data dir>/models}, e.g.
 * {@code ~/.local/share/thinkbench/models}). Finished models are {@code *.gguf}; downloads in progress are
 * {@code *.gguf.part} and are never listed as models. Calls block on file I/O; safe from any thread.
 */
public final class ModelStore {

    private final Path directory;

    public ModelStore(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /** {@code <dataDir>/models}. */
    public static ModelStore inDataDirectory(Path dataDir) {
        return new ModelStore(dataDir.resolve("models"));
    }

    public Path directory() {
        return directory;
    }

    /** Where a catalog model is (or will be) stored. */
    public Path target(CatalogModel model) {
        return directory.resolve(model.fileName());
    }

    /** The finished downloads, each inspected, by name. */
    public List<LocalModel> installed() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".gguf"))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .map(p -> LocalModel.inspect(p, LocalModel.Source.DOWNLOADED, p.getFileName().toString()))
                    .toList();
        }
    }

    /** The catalog model's finished file, if downloaded. */
    public Optional<Path> installedFile(CatalogModel model) {
        Path target = target(model);
        return Files.isRegularFile(target) ? Optional.of(target) : Optional.empty();
    }

    /** Bytes of an interrupted download of this model waiting to be resumed (0 if none). */
    public long partialBytes(CatalogModel model) {
        Path part = ModelDownloader.partFile(target(model));
        try {
            return Files.isRegularFile(part) ? Files.size(part) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Deletes a downloaded catalog model and any partial download of it. */
    public void delete(CatalogModel model) throws IOException {
        Files.deleteIfExists(target(model));
        Files.deleteIfExists(ModelDownloader.partFile(target(model)));
    }

    /** Deletes one file of this store (a model or a partial download). */
    public void delete(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!directory.equals(absolute.getParent())) {
            throw new IOException(file + " is not in the models folder " + directory + "; it was left alone");
        }
        Files.deleteIfExists(absolute);
    }

    /** Inspects a GGUF file the user picked anywhere on disk. */
    public static LocalModel open(Path file) {
        return LocalModel.inspect(file.toAbsolutePath(), LocalModel.Source.OPENED, file.getFileName().toString());
    }
}
