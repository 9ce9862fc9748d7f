package dev.thinkbench.engine.local.models;

import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.local.gguf.GgufFormatException;
import dev.thinkbench.engine.local.gguf.GgufModelInfo;
import dev.thinkbench.engine.local.gguf.GgufReader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
     */
    public record Request(URI url, Path target, String sha256) {
        public static Request of(CatalogModel model, Path directory) {
            return new Request(model.url(), directory.resolve(model.fileName()), model.sha256());
        }
    }

    private static final int BUFFER = 1 << 20;
    private static final long SPACE_MARGIN = 16L << 20;
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "download-stall-watchdog");
        t.setDaemon(true);
        return t;
    });

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
                new Transfer(request, part, listener, token).run();
                return finish(request, part);
            } catch (DownloadException e) {
                if (e.reason() != DownloadException.Reason.CONNECTION || token.isCancelled()) {
                    throw token.isCancelled() ? cancelled(part) : e;
                }
                last = e;
                pause(attempt);
            }
        }
        throw last;
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(retryDelay.multipliedBy(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static DownloadException cancelled(Path part) {
        long kept = sizeOf(part);
        return new DownloadException(DownloadException.Reason.CANCELLED, "download paused; "
                + GgufModelInfo.humanBytes(kept) + " kept, it continues from there next time");
    }

    private Path finish(Request request, Path part) throws DownloadException {
        if (request.sha256() != null) {
            String actual = sha256(part);
            if (!actual.equalsIgnoreCase(request.sha256())) {
                deleteQuietly(part);
                throw new DownloadException(DownloadException.Reason.CHECKSUM, "the downloaded file's SHA-256 is "
                        + actual + " but " + request.sha256() + " was published; the file was deleted");
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

    /** One HTTP exchange: resumes from the partial file's size and appends to it. */
    private final class Transfer {

        private final Request request;
        private final Path part;
        private final ProgressListener listener;
        private final CancelToken cancel;
        private long lastProgress;
        private volatile long lastByte = System.nanoTime();
        private volatile boolean stalled;

        Transfer(Request request, Path part, ProgressListener listener, CancelToken cancel) {
            this.request = request;
            this.part = part;
            this.listener = listener;
            this.cancel = cancel;
        }

        void run() throws DownloadException {
            long existing = sizeOf(part);
            HttpResponse<InputStream> response = send(existing);
            try (InputStream body = response.body()) {
                cancel.onCancel(() -> closeQuietly(body));
                Span span = span(response, existing);
                if (span.complete()) {
                    return;
                }
                checkSpace(span);
                ScheduledFuture<?> watchdog = WATCHDOG.scheduleWithFixedDelay(() -> closeIfStalled(body),
                        1, 1, TimeUnit.SECONDS);
                try {
                    copy(body, span);
                } finally {
                    watchdog.cancel(false);
                }
            } catch (IOException e) {
                throw connection(stalled ? "the server stopped sending for " + stallTimeout.toSeconds() + " s"
                        : "the connection dropped", e);
            }
        }

        private void closeIfStalled(InputStream body) {
            if (System.nanoTime() - lastByte > stallTimeout.toNanos()) {
                stalled = true;
                closeQuietly(body);
            }
        }

        private HttpResponse<InputStream> send(long existing) throws DownloadException {
            HttpRequest.Builder http = HttpRequest.newBuilder(request.url()).GET()
                    .header("User-Agent", "Thinkbench model manager");
            if (existing > 0) {
                http.header("Range", "bytes=" + existing + "-");
            }
            try {
                return client.send(http.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw connection("cannot reach " + request.url().getHost(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel.cancel();
                throw new DownloadException(DownloadException.Reason.CANCELLED, "download interrupted");
            }
        }

        private DownloadException connection(String what, IOException e) {
            if (cancel.isCancelled()) {
                return new DownloadException(DownloadException.Reason.CANCELLED, "download paused");
            }
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (message.contains("No space left")) {
                return new DownloadException(DownloadException.Reason.DISK_FULL, "the disk is full after "
                        + GgufModelInfo.humanBytes(sizeOf(part)) + "; free some space and resume", e);
            }
            return new DownloadException(DownloadException.Reason.CONNECTION, what + " after "
                    + GgufModelInfo.humanBytes(sizeOf(part)) + " (" + message + "); the download can resume", e);
        }

        /** Where this response's bytes go, from its status and Content-Range. */
        private Span span(HttpResponse<InputStream> response, long existing) throws DownloadException, IOException {
            int status = response.statusCode();
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            return switch (status) {
                case 200 -> new Span(0, length, false);
                case 206 -> partial(response, existing, length);
                case 416 -> {
                    long total = totalOf(response.headers().firstValue("Content-Range").orElse(""));
                    if (total == existing && existing > 0) {
                        yield new Span(existing, total, true);
                    }
                    Files.deleteIfExists(part);
                    throw new DownloadException(DownloadException.Reason.CONNECTION, "the partial file did not match "
                            + "the server's; starting over");
                }
                default -> throw httpFailure(status);
            };
        }

        private Span partial(HttpResponse<InputStream> response, long existing, long length)
                throws DownloadException, IOException {
            String range = response.headers().firstValue("Content-Range").orElse("");
            long start = startOf(range);
            if (start != existing) {
                Files.deleteIfExists(part);
                throw new DownloadException(DownloadException.Reason.CONNECTION, "the server resumed at byte " + start
                        + " instead of " + existing + "; starting over");
            }
            long total = totalOf(range);
            return new Span(existing, total >= 0 ? total : length < 0 ? -1 : existing + length, false);
        }

        private DownloadException httpFailure(int status) {
            String why = switch (status) {
                case 401, 403 -> "access denied (" + status + "); the file may need a Hugging Face login or an "
                        + "accepted license";
                case 404 -> "the server has no such file (404)";
                default -> "the server answered " + status;
            };
            DownloadException.Reason reason = status >= 500 || status == 429
                    ? DownloadException.Reason.CONNECTION : DownloadException.Reason.HTTP;
            return new DownloadException(reason, why + ": " + request.url());
        }

        private void checkSpace(Span span) throws DownloadException {
            if (span.total() < 0) {
                return;
            }
            long needed = span.total() - span.start();
            Path dir = part.toAbsolutePath().getParent();
            long free = usableSpace.applyAsLong(dir);
            if (free >= 0 && free < needed + SPACE_MARGIN) {
                throw new DownloadException(DownloadException.Reason.DISK_FULL, "not enough disk space in " + dir
                        + ": " + GgufModelInfo.humanBytes(needed) + " still to download, "
                        + GgufModelInfo.humanBytes(free) + " free");
            }
        }

        private void copy(InputStream body, Span span) throws IOException, DownloadException {
            StandardOpenOption mode = span.start() == 0 ? StandardOpenOption.TRUNCATE_EXISTING
                    : StandardOpenOption.APPEND;
            long written = span.start();
            try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = body.read(buffer)) >= 0) {
                    if (cancel.isCancelled()) {
                        throw new DownloadException(DownloadException.Reason.CANCELLED, "download paused");
                    }
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                    written += n;
                    lastByte = System.nanoTime();
                    report(written, span, false);
                }
            }
            report(written, span, true);
            if (span.total() >= 0 && written != span.total()) {
                throw new DownloadException(DownloadException.Reason.CONNECTION, "the server sent " + written
                        + " of " + span.total() + " bytes; the download can resume");
            }
        }

        private void report(long written, Span span, boolean force) {
            long now = System.nanoTime();
            if (listener != null && (force || now - lastProgress >= PROGRESS_INTERVAL_NANOS)) {
                lastProgress = now;
                listener.onProgress(new Progress(written, span.total(), span.start()));
            }
        }
    }

    /** Bytes [start, total) come in this response; {@code complete} when nothing is left to fetch. */
    private record Span(long start, long total, boolean complete) {
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

    private static long sizeOf(Path file) {
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

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing is how a blocked read is interrupted; an error here changes nothing
        }
    }
}
