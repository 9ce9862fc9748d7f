package dev.thinkbench.engine.local.models;

import dev.thinkbench.core.Worded;

import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.local.gguf.GgufFormatException;
import dev.thinkbench.engine.local.gguf.GgufModelInfo;
import dev.thinkbench.engine.local.gguf.GgufReader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Downloads a model file safely: bytes go to {@code <name>.part} beside the target, a later call resumes it with an
 * HTTP Range request, dropped connections are retried from where they broke, the SHA-256 is checked when one is
 * published, the GGUF header is checked, and only then is the file moved atomically to its name. A half-written file
 * never carries the model's name, so it can never be loaded as a model.
 *
 * <p>Threading: {@link #download} blocks the calling thread and calls the listener on it. Cancel from any thread;
 * the partial file is kept for resuming (that is "pause").
 */
public final class ModelDownloader {

    /** How far a download is. {@code total} is -1 while unknown. */
    public record Progress(long downloaded, long total, long resumedFrom) {
        /** 0..1, or -1 when the total is unknown. */
        public double fraction() {
            return total > 0 ? (double) downloaded / total : -1;
        }
    }

    /** Receives progress on the downloading thread, a few times per second at most. Must not throw. */
    @FunctionalInterface
    public interface ProgressListener {
        void onProgress(Progress progress);
    }

    /**
     * What to fetch and where.
     *
     * @param sha256 expected lower-case hex checksum, null to skip the check
     * @param expectedBytes the catalog's (approximate) size, 0 when unknown: a server that sends or announces more
     *                      than this plus {@link #tolerance} is stopped
     */
    public record Request(URI url, Path target, String sha256, long expectedBytes) {

        /** A request whose size is not known in advance. */
        public Request(URI url, Path target, String sha256) {
            this(url, target, sha256, 0);
        }

        public static Request of(CatalogModel model, Path directory) {
            return new Request(model.url(), directory.resolve(model.fileName()), model.sha256(), model.sizeBytes());
        }

        /** The most bytes this download may have, or -1 when no size is known. */
        long maxBytes() {
            return expectedBytes > 0 ? expectedBytes + tolerance(expectedBytes) : -1;
        }
    }

    /** How much a file may exceed its catalog size (sizes there are rounded): 5 % plus 1 MiB. */
    static long tolerance(long expectedBytes) {
        return expectedBytes / 20 + (1L << 20);
    }

    private static final int BUFFER = 1 << 20;

    private final HttpClient client;
    private final ToLongFunction<Path> usableSpace;
    private final int maxAttempts;
    private final Duration retryDelay;
    private final Duration stallTimeout;

    public ModelDownloader() {
        this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build(), ModelDownloader::freeSpace, 4, Duration.ofSeconds(2),
                Duration.ofSeconds(60));
    }

    /**
     * @param usableSpace free bytes where a path lives (replaceable to test the disk-full path)
     * @param maxAttempts connection attempts per call before giving up (the partial file stays)
     * @param stallTimeout a connection that delivers no byte for this long is dropped and retried
     */
    public ModelDownloader(HttpClient client, ToLongFunction<Path> usableSpace, int maxAttempts, Duration retryDelay,
                           Duration stallTimeout) {
        this.client = client;
        this.usableSpace = usableSpace;
        this.maxAttempts = maxAttempts;
        this.retryDelay = retryDelay;
        this.stallTimeout = stallTimeout;
    }

    /** The partial file a download of {@code target} writes to. */
    public static Path partFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /** Downloads (or resumes) the file and returns the finished model's path. An existing target is returned as is. */
    public Path download(Request request, ProgressListener listener, CancelToken cancel) throws DownloadException {
        String name = request.target().getFileName() == null ? "" : request.target().getFileName().toString();
        if (!ModelFileNames.plain(name)) {
            throw new DownloadException(DownloadException.Reason.UNSAFE_NAME, "refusing to save a download as "
                    + ModelFileNames.quoted(name) + ": only a plain .gguf name (letters, digits, '.', '_' and '-') is "
                    + "allowed");
        }
        if (Files.isRegularFile(request.target())) {
            return request.target();
        }
        CancelToken token = cancel == null ? new CancelToken() : cancel;
        Path part = partFile(request.target());
        try {
            Files.createDirectories(request.target().toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Reason.IO, "cannot create " + request.target().getParent()
                    + ": " + e.getMessage(), e);
        }
        DownloadException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (token.isCancelled()) {
                throw cancelled(part);
            }
            try {
                new DownloadTransfer(client, usableSpace, stallTimeout, request, part, listener, token).run();
                return finish(request, part);
            } catch (DownloadException e) {
                if (e.reason() != DownloadException.Reason.CONNECTION || token.isCancelled()) {
                    throw token.isCancelled() ? cancelled(part) : e;
                }
                last = e;
                waitBeforeRetry(retryDelay.multipliedBy(attempt), token);
            }
        }
        throw last;
    }

    /** Waits {@code delay} before the next attempt; a pause or cancel ends the wait at once. */
    static void waitBeforeRetry(Duration delay, CancelToken token) {
        CountDownLatch cancelled = new CountDownLatch(1);
        token.onCancel(cancelled::countDown);
        try {
            cancelled.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static DownloadException cancelled(Path part) {
        long kept = sizeOf(part);
        return new DownloadException(DownloadException.Reason.CANCELLED, kept > 0
                ? Worded.of(DownloadWording.PAUSED, GgufModelInfo.humanBytes(kept))
                : Worded.of(DownloadWording.PAUSED_BEFORE_DATA), null);
    }

    private Path finish(Request request, Path part) throws DownloadException {
        if (request.sha256() != null) {
            String actual = sha256(part);
            if (!actual.equalsIgnoreCase(request.sha256())) {
                deleteQuietly(part);
                // the point first: the two hashes are long, and a one-line label cuts what follows them
                throw new DownloadException(DownloadException.Reason.CHECKSUM, "the downloaded file is not the one "
                        + "published (its checksum differs), so it was deleted: SHA-256 " + actual + ", published "
                        + request.sha256());
            }
        }
        try {
            GgufReader.read(part);
        } catch (GgufFormatException e) {
            deleteQuietly(part);
            throw new DownloadException(DownloadException.Reason.NOT_A_MODEL, "the downloaded file is not a GGUF "
                    + "model (" + e.getMessage() + "); it was deleted");
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Reason.IO, "cannot read " + part + ": " + e.getMessage(), e);
        }
        try {
            try {
                Files.move(part, request.target(), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, request.target(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Reason.IO, "cannot move the finished download to "
                    + request.target() + ": " + e.getMessage(), e);
        }
        return request.target();
    }

    static long startOf(String contentRange) {
        try {
            String spec = contentRange.trim().substring("bytes ".length());
            return Long.parseLong(spec.substring(0, spec.indexOf('-')).trim());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static long totalOf(String contentRange) {
        int slash = contentRange.lastIndexOf('/');
        try {
            return slash < 0 ? -1 : Long.parseLong(contentRange.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String sha256(Path file) throws DownloadException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            while (in.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Reason.IO, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static long freeSpace(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing more to do: the name still ends in .part, so it is never taken for a model
        }
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing is how a blocked read is interrupted; an error here changes nothing
        }
    }
}
