package dev.thinkbench.lab.sweep;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opening a sweep's line-per-run files (results, traces) for appending. */
final class AppendFiles {

    private AppendFiles() {
    }

    /** Creates the file's folder when missing. */
    static void createFolder(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /** A UTF-8 writer appending to {@code file}, creating it when missing. */
    static BufferedWriter appender(Path file) throws IOException {
        // A FileOutputStream, not a channel: a worker interrupted by a cancel must not close the file for the rest.
        return new BufferedWriter(new OutputStreamWriter(new FileOutputStream(file.toFile(), true),
                StandardCharsets.UTF_8));
    }
}
