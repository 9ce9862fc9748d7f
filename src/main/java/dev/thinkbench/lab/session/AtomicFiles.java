package dev.thinkbench.lab.session;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: to a temporary file beside it, then moved over it atomically, so a reader never
 * sees half a file and a failed write (disk full, no permission) leaves what was there. Sessions, exports and the
 * recent list are written this way. Stateless; any thread.
 */
public final class AtomicFiles {

    /** Writes bytes to a file: {@link Files#write} in the app, a failing one in tests. */
    @FunctionalInterface
    public interface BytesWriter {
        void write(Path file, byte[] bytes) throws IOException;
    }

    private AtomicFiles() {
    }

    /** @throws IOException from the writing or the move; the target is as it was before */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, bytes, Files::write);
    }

    /** As {@link #write(Path, byte[])}, writing the temporary file with {@code writer}. */
    public static void write(Path file, byte[] bytes, BytesWriter writer) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            writer.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless; the caller reports what matters
                }
            }
        }
    }

    /** Why a write failed, in a few words: the exception's kind and message. */
    public static String reason(IOException e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        if (m == null || m.isBlank()) {
            return kind;
        }
        return kind.equals("IO") || kind.equals("FileSystem") ? m : kind + ": " + m;
    }
}
