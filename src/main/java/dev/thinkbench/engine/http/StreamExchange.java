package dev.thinkbench.engine.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One streamed HTTP exchange, the same for every engine, chat and raw. {@link #open} sends the request and blocks
 * until the body may be read; on the way it
 * <ul>
 *   <li>sends once more at once when the connection the client's pool gave it turns out closed by the server
 *       ({@link #staleConnection});</li>
 *   <li>retries once when the server asks for a short wait (HTTP 429, 503 or 529 with a {@code Retry-After} of at
 *       most {@link RetryAfter#AUTO_RETRY_LIMIT}), telling the {@link Listener} first;</li>
 *   <li>turns an error status into an {@link HttpStatusException} (reading at most {@link #MAX_ERROR_BODY_BYTES});</li>
 *   <li>turns a 2xx page (HTML from a captive portal or proxy; a JSON document where events were expected) into a
 *       {@link NotAnEventStreamException};</li>
 *   <li>hands back the body as a {@link BoundedBody}, so no line or event can grow without bound.</li>
 * </ul>
 * A {@link SilenceWatchdog} watch covers the whole exchange, from the send to {@link #close()}: waiting for the
 * response headers and every pause in the body (not the wait before a retry, which the server asked for). When it
 * fires, {@code onSilence} runs. {@link #abort()} ends the exchange from any thread: a blocked {@link #open} returns
 * null, a blocked read of the body fails.
 *
 * <p>Threading: {@link #open} and reading the body on one thread; {@link #abort()} and {@link #close()} from any.
 */
public final class StreamExchange implements AutoCloseable {

    /** The most of an error response's body that is read. */
    public static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

    /** Told when the exchange waits before retrying. */
    @FunctionalInterface
    public interface Listener {

        /**
         * The server asked to wait {@code wait} before a retry; the exchange now waits, then sends again. Called on
         * the thread that called {@link #open}; must be quick and must not throw.
         *
         * @param serverMessage what the server said, scrubbed and shortened, or null
         */
        void retrying(Duration wait, int status, String serverMessage);
    }

    private final HttpClient http;
    private final SilenceWatchdog watchdog;
    private final Duration silence;
    private final Runnable onSilence;
    private final Listener listener;
    private final Clock clock;
    private final CountDownLatch aborted = new CountDownLatch(1);
    private volatile CompletableFuture<?> pending;
    private volatile InputStream body;
    private volatile SilenceWatchdog.Watch watch;

    /**
     * @param silence how long the server may stay silent
     * @param onSilence runs once (on the watchdog's thread) when it stayed silent longer; typically fails the run and
     *                  calls {@link #abort()}
     */
    public StreamExchange(HttpClient http, SilenceWatchdog watchdog, Duration silence, Runnable onSilence,
                          Listener listener, Clock clock) {
        this.http = http;
        this.watchdog = watchdog;
        this.silence = silence;
        this.onSilence = onSilence;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * Sends {@code request} and returns its body, ready to read with the given framing.
     *
     * @return the body, or null when the exchange was aborted before it arrived
     * @throws HttpStatusException the server answered with an error status (after the one retry, where taken)
     * @throws NotAnEventStreamException the server answered 2xx with a page, not a stream
     * @throws IOException the server could not be reached or broke off
     */
    public InputStream open(HttpRequest request, BoundedBody.Framing framing) throws IOException {
        try {
            return attempt(request, framing);
        } catch (IOException | RuntimeException e) {
            close(); // nothing more to watch
            throw e;
        }
    }

    private InputStream attempt(HttpRequest request, BoundedBody.Framing framing) throws IOException {
        boolean retried = false;
        boolean resent = false;
        while (true) {
            if (isAborted()) {
                return null;
            }
            watch = watchdog.watch(silence, onSilence);
            HttpResponse<InputStream> response;
            try {
                response = send(request);
            } catch (IOException e) {
                if (resent || !staleConnection(e)) {
                    throw e;
                }
                resent = true; // the pool's connection was closed by the server meanwhile: once more, on a new one
                watch.stop();
                continue;
            }
            if (response == null) {
                return null;
            }
            body = response.body(); // so that silence or an abort can end a stalled error body too
            int status = response.statusCode();
            if (status / 100 == 2) {
                return accept(response, framing);
            }
            String text = readBounded(response.body());
            HttpStatusException error = new HttpStatusException(status, text, request.uri().getPath(),
                    response.headers(), clock);
            Optional<Duration> wait = error.retryAfter();
            if (retried || !RetryAfter.retryable(status) || wait.isEmpty()
                    || wait.get().compareTo(RetryAfter.AUTO_RETRY_LIMIT) > 0) {
                throw error;
            }
            retried = true;
            watch.stop(); // the wait is the server's wish, not silence
            listener.retrying(wait.get(), status, ServerMessage.extract(text));
            if (pause(wait.get())) {
                return null;
            }
        }
    }

    private InputStream accept(HttpResponse<InputStream> response, BoundedBody.Framing framing) throws IOException {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        boolean html = type.contains("text/html") || type.contains("application/xhtml");
        boolean jsonForEvents = framing == BoundedBody.Framing.SSE && type.startsWith("application/json");
        if (html || jsonForEvents) {
            String page = readBounded(response.body());
            throw new NotAnEventStreamException(type.isEmpty() ? "text/html" : type.split(";")[0].strip(),
                    html ? ServerMessage.htmlTitle(page) : ServerMessage.extract(page));
        }
        SilenceWatchdog.Watch w = watch;
        BoundedBody bounded = new BoundedBody(response.body(), framing, w::touch);
        body = bounded;
        if (isAborted()) {
            closeQuietly(bounded);
            return null;
        }
        return bounded;
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
        CompletableFuture<HttpResponse<InputStream>> f =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        pending = f;
        if (isAborted()) {
            f.cancel(true);
            return null;
        }
        try {
            return f.get();
        } catch (CancellationException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            return null;
        } catch (ExecutionException e) {
            if (isAborted()) {
                return null;
            }
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "request failed" : cause.toString(), cause);
        }
    }

    /**
     * Whether {@code e} is the mark of a kept-alive connection the server had closed while it sat in the client's pool
     * (llama-server closes one after a number of requests, or when idle): the request went nowhere and no byte came
     * back, so sending it again on a fresh connection is safe. Seen as "HTTP/1.1 header parser received no bytes" in
     * about one of 40 requests of a sweep against llama-server, which the sweep then took for a server down.
     */
    static boolean staleConnection(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("header parser received no bytes") || e instanceof java.io.EOFException
                || m.contains("Connection reset");
    }

    /** Waits before a retry; true when the exchange was aborted meanwhile. */
    private boolean pause(Duration wait) {
        try {
            return aborted.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            return true;
        }
    }

    /** Whether {@link #abort()} was called. */
    public boolean isAborted() {
        return aborted.getCount() == 0;
    }

    /** Ends the exchange from any thread; idempotent. The silence watch stops, the body closes. */
    public void abort() {
        aborted.countDown();
        CompletableFuture<?> f = pending;
        if (f != null) {
            f.cancel(true);
        }
        close();
    }

    /** Stops the silence watch and closes the body; idempotent. */
    @Override
    public void close() {
        SilenceWatchdog.Watch w = watch;
        if (w != null) {
            w.stop();
        }
        closeQuietly(body);
    }

    /** At most {@link #MAX_ERROR_BODY_BYTES} of {@code in} as UTF-8 text; the stream is closed. */
    static String readBounded(InputStream in) {
        try (in) {
            return new String(in.readNBytes(MAX_ERROR_BODY_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing only ends the exchange; nothing else to do.
        }
    }
}
