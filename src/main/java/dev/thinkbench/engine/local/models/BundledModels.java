package dev.thinkbench.engine.local.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The models shipped with the app in {@code <assets>/models/*.gguf}, ready without a download or a network: above
 * all the built-in micro model ({@value #MICRO}), trained by Thinkbench in the {@code chatml-think} format. The
 * folder is read-only to the app. Calls block on file I/O; safe from any thread.
 */
public final class BundledModels {

    /** The file name of the bundled micro reasoning model. */
    public static final String MICRO = "micro-reasoner.gguf";

    /** Null when the app ships none. */
    private final Path directory;

    /** @param directory the bundled models' folder, which need not exist; null for none */
    public BundledModels(Path directory) {
        this.directory = directory == null ? null : directory.toAbsolutePath().normalize();
    }

    /** {@code <assets>/models}. */
    public static BundledModels inAssets(Path assets) {
        return new BundledModels(assets.resolve("models"));
    }

    /** No bundled models (a build without assets, tests). */
    public static BundledModels none() {
        return new BundledModels(null);
    }

    /** The folder, empty for none. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** The bundled models, each inspected: the micro model first, then the others by file name. */
    public List<LocalModel> all() {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".gguf"))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().equals(MICRO))
                            .thenComparing(p -> p.getFileName().toString()))
                    .map(p -> LocalModel.inspect(p, LocalModel.Source.BUNDLED, p.getFileName().toString()))
                    .toList();
        } catch (IOException unreadable) {
            // a folder that cannot be listed ships nothing usable
            return List.of();
        }
    }

    /** The bundled file of this name, if there is one. */
    public Optional<Path> file(String fileName) {
        if (directory == null || fileName == null || fileName.isBlank() || fileName.contains("/")
                || fileName.contains("\\")) {
            return Optional.empty();
        }
        Path file = directory.resolve(fileName);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The micro model's file, when it is shipped and passes the engine's checks. */
    public Optional<Path> micro() {
        return file(MICRO).filter(p -> LocalModel.inspect(p, LocalModel.Source.BUNDLED, MICRO).usable());
    }
}
