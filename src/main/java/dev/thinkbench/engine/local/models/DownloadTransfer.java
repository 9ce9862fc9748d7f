package dev.thinkbench.engine.local.models;

import dev.thinkbench.core.Worded;

import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.local.gguf.GgufModelInfo;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;

/**
 * One HTTP exchange of a {@link ModelDownloader} download: asks for the bytes after the partial file's size, checks
 * the answer (200 restarts, 206 must resume where asked, 416 may mean already complete), checks free space, and
 * appends to the partial file, dropping a connection that stalls. Used once, on the downloading thread.
 */
final class DownloadTransfer {

    private static final int BUFFER = 1 << 20;
    private static final long SPACE_MARGIN = 16L << 20;
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "download-stall-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** Bytes [start, total) come in this response; {@code complete} when nothing is left to fetch. */
    private record Span(long start, long total, boolean complete) {
    }

    private final HttpClient client;
    private final ToLongFunction<Path> usableSpace;
    private final Duration stallTimeout;
    private final ModelDownloader.Request request;
    private final Path part;
    private final ModelDownloader.ProgressListener listener;
    private final CancelToken cancel;
    private long lastProgress;
    private boolean reported;
    private volatile long lastByte;
    private volatile boolean stalled;

    DownloadTransfer(HttpClient client, ToLongFunction<Path> usableSpace, Duration stallTimeout,
                     ModelDownloader.Request request, Path part, ModelDownloader.ProgressListener listener,
                     CancelToken cancel) {
        this.client = client;
        this.usableSpace = usableSpace;
        this.stallTimeout = stallTimeout;
        this.request = request;
        this.part = part;
        this.listener = listener;
        this.cancel = cancel;
    }

    void run() throws DownloadException {
        long existing = ModelDownloader.sizeOf(part);
        HttpResponse<InputStream> response = send(existing);
        try (InputStream body = response.body()) {
            cancel.onCancel(() -> ModelDownloader.closeQuietly(body));
            Span span = span(response, existing);
            if (span.complete()) {
                return;
            }
            checkAnnouncedSize(span);
            checkSpace(span);
            // the stall clock starts with the body: waiting for the headers is the connect timeout's business
            lastByte = System.nanoTime();
            ScheduledFuture<?> watchdog = WATCHDOG.scheduleWithFixedDelay(() -> closeIfStalled(body),
                    1, 1, TimeUnit.SECONDS);
            try {
                copy(body, span);
            } finally {
                watchdog.cancel(false);
            }
        } catch (IOException e) {
            throw connection(stalled ? Stop.STALLED : Stop.DROPPED, e);
        }
    }

    private void closeIfStalled(InputStream body) {
        if (System.nanoTime() - lastByte > stallTimeout.toNanos()) {
            stalled = true;
            ModelDownloader.closeQuietly(body);
        }
    }

    private HttpResponse<InputStream> send(long existing) throws DownloadException {
        HttpRequest.Builder http = HttpRequest.newBuilder(request.url()).GET()
                .header("User-Agent", "Thinkbench model manager");
        if (existing > 0) {
            http.header("Range", "bytes=" + existing + "-");
        }
        // a server may take the connection and never answer: the wait for its headers ends with a pause, or after the
        // stall time, as a silent body does (the client's connect timeout covers only the connection itself)
        CompletableFuture<HttpResponse<InputStream>> answer = client.sendAsync(http.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        cancel.onCancel(() -> answer.cancel(true));
        try {
            return answer.get(stallTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw connection(Stop.UNREACHABLE, cause instanceof IOException io ? io : new IOException(cause));
        } catch (CancellationException e) {
            throw new DownloadException(DownloadException.Reason.CANCELLED, "download paused");
        } catch (TimeoutException e) {
            answer.cancel(true);
            if (cancel.isCancelled()) {
                throw new DownloadException(DownloadException.Reason.CANCELLED, "download paused");
            }
            throw new DownloadException(DownloadException.Reason.CONNECTION, Worded.of(DownloadWording.NO_ANSWER,
                    request.url().getHost(), stallTimeout.toSeconds(),
                    GgufModelInfo.humanBytes(ModelDownloader.sizeOf(part))), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            cancel.cancel();
            throw new DownloadException(DownloadException.Reason.CANCELLED, "download interrupted");
        }
    }

    /** Where the transfer stopped: before the server answered, or in the body (stalled, or dropped). */
    private enum Stop {
        UNREACHABLE, STALLED, DROPPED
    }

    private DownloadException connection(Stop stop, IOException e) {
        if (cancel.isCancelled()) {
            return new DownloadException(DownloadException.Reason.CANCELLED, "download paused");
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String host = request.url().getHost();
        String kept = GgufModelInfo.humanBytes(ModelDownloader.sizeOf(part));
        if (ModelDownloader.sizeOf(part) == 0 && noRoute(e)) {
            return new DownloadException(DownloadException.Reason.OFFLINE, Worded.of(DownloadWording.OFFLINE, host),
                    e);
        }
        if (message.contains("No space left")) {
            return new DownloadException(DownloadException.Reason.DISK_FULL,
                    Worded.of(DownloadWording.DISK_FULL, kept), e);
        }
        Worded words = switch (stop) {
            case UNREACHABLE -> Worded.of(DownloadWording.UNREACHABLE, host, kept, message);
            case STALLED -> Worded.of(DownloadWording.STALLED, stallTimeout.toSeconds(), kept, message);
            case DROPPED -> Worded.of(DownloadWording.DROPPED, kept, message);
        };
        return new DownloadException(DownloadException.Reason.CONNECTION, words, e);
    }

    /** Whether {@code e}, or what caused it, says the server's name did not resolve or nothing answered there. */
    private static boolean noRoute(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.UnknownHostException || t instanceof java.net.ConnectException
                    || t instanceof java.net.NoRouteToHostException
                    || t instanceof java.net.http.HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Where this response's bytes go, from its status and Content-Range. */
    private Span span(HttpResponse<InputStream> response, long existing) throws DownloadException, IOException {
        int status = response.statusCode();
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        return switch (status) {
            case 200 -> new Span(0, length, false);
            case 206 -> partial(response, existing, length);
            case 416 -> {
                long total = ModelDownloader.totalOf(response.headers().firstValue("Content-Range").orElse(""));
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
        long start = ModelDownloader.startOf(range);
        if (start != existing) {
            Files.deleteIfExists(part);
            throw new DownloadException(DownloadException.Reason.CONNECTION, "the server resumed at byte " + start
                    + " instead of " + existing + "; starting over");
        }
        long total = ModelDownloader.totalOf(range);
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

    /** A server announcing far more than the catalog's size gets nothing written (the partial file is removed). */
    private void checkAnnouncedSize(Span span) throws DownloadException, IOException {
        long max = request.maxBytes();
        if (max >= 0 && span.total() > max) {
            Files.deleteIfExists(part);
            throw new DownloadException(DownloadException.Reason.TOO_LARGE, "the server offers "
                    + GgufModelInfo.humanBytes(span.total()) + " for a model the catalog lists at about "
                    + GgufModelInfo.humanBytes(request.expectedBytes()) + "; nothing was downloaded: " + request.url());
        }
    }

    private void checkSpace(Span span) throws DownloadException {
        if (span.total() < 0) {
            return;
        }
        long needed = span.total() - span.start();
        Path dir = part.toAbsolutePath().getParent();
        long free = usableSpace.applyAsLong(dir);
        if (free >= 0 && free < needed + SPACE_MARGIN) {
            // the room kept free is said too: "489 KB still to download, 610 KB free" read as if it fitted
            throw new DownloadException(DownloadException.Reason.DISK_FULL, Worded.of(DownloadWording.NO_SPACE, dir,
                    GgufModelInfo.humanBytes(needed), GgufModelInfo.humanBytes(SPACE_MARGIN),
                    GgufModelInfo.humanBytes(free)), null);
        }
    }

    private void copy(InputStream body, Span span) throws IOException, DownloadException {
        StandardOpenOption mode = span.start() == 0 ? StandardOpenOption.TRUNCATE_EXISTING
                : StandardOpenOption.APPEND;
        long written = span.start();
        long max = request.maxBytes();
        boolean tooLarge = false;
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = body.read(buffer)) >= 0) {
                if (cancel.isCancelled()) {
                    throw new DownloadException(DownloadException.Reason.CANCELLED, "download paused");
                }
                if (max >= 0 && written + n > max) {
                    // a body without a stated length has only the catalog's size to end it
                    tooLarge = true;
                    break;
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
        if (tooLarge) {
            Files.deleteIfExists(part);
            throw new DownloadException(DownloadException.Reason.TOO_LARGE, "the server kept sending past "
                    + GgufModelInfo.humanBytes(max) + " without saying how large the file is, for a model the catalog "
                    + "lists at about " + GgufModelInfo.humanBytes(request.expectedBytes())
                    + "; the download was stopped and the partial file deleted: " + request.url());
        }
        report(written, span, true);
        if (span.total() >= 0 && written != span.total()) {
            throw new DownloadException(DownloadException.Reason.CONNECTION, "the server sent " + written
                    + " of " + span.total() + " bytes; the download can resume");
        }
    }

    private void report(long written, Span span, boolean force) {
        long now = System.nanoTime();
        // the first bytes are always reported, so a listener learns at once that data is flowing
        if (listener != null && (force || !reported || now - lastProgress >= PROGRESS_INTERVAL_NANOS)) {
            reported = true;
            lastProgress = now;
            listener.onProgress(new ModelDownloader.Progress(written, span.total(), span.start()));
        }
    }
}
