package dev.thinkbench.engine.local.models;

import dev.thinkbench.engine.local.gguf.GgufFormatException;
import dev.thinkbench.engine.local.gguf.GgufModelInfo;
import dev.thinkbench.engine.local.gguf.GgufValidator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A GGUF file on this machine the built-in engine might run.
 *
 * @param displayName how lists name it, e.g. {@code deepseek-r1:1.5b (Ollama)}
 * @param info what the file declares, null when it could not be read
 * @param problem why the built-in engine cannot use it (the failed check), null when it can
 */
public record LocalModel(Path path, String displayName, Source source, long sizeBytes, GgufModelInfo info,
                         String problem) {

    /** Where a model file came from. */
    public enum Source {
        /** Shipped with the app in its assets. */
        BUNDLED,
        /** Downloaded by Thinkbench into its models directory. */
        DOWNLOADED,
        /** A model Ollama pulled (a blob in Ollama's store). */
        OLLAMA,
        /** A model LM Studio downloaded. */
        LM_STUDIO,
        /** A file the user opened. */
        OPENED
    }

    /** True when the file passed every check the engine makes before loading. */
    public boolean usable() {
        return problem == null;
    }

    /**
     * Reads and validates the file's header (no native code). Never throws: a failure becomes {@link #problem()}.
     * Blocks on file I/O.
     */
    public static LocalModel inspect(Path path, Source source, String displayName) {
        if (Files.notExists(path)) {
            return new LocalModel(path, displayName, source, 0, null, GgufFormatException.missing(path));
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            return new LocalModel(path, displayName, source, 0, null, "cannot read the file: " + e.getMessage());
        }
        try {
            return new LocalModel(path, displayName, source, size, GgufValidator.validate(path), null);
        } catch (GgufFormatException e) {
            // "this is not a GGUF model file" says it all; "architecture: 'x' is not supported" needs its name
            boolean noModel = e.check() == dev.thinkbench.engine.local.gguf.GgufCheck.FILE
                    || e.check() == dev.thinkbench.engine.local.gguf.GgufCheck.MAGIC;
            return new LocalModel(path, displayName, source, size, null, noModel ? e.detail() : e.getMessage());
        } catch (IOException e) {
            return new LocalModel(path, displayName, source, size, null, "cannot read the file: " + e.getMessage());
        }
    }
}
