package dev.thinkbench.engine.http;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.CancellationUnsupportedHandle;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * langchain4j's HTTP client SPI over {@link java.net.http.HttpClient}, for one run. It does what langchain4j's own JDK
 * client does, plus: the run sees every raw stream event before langchain4j parses it ({@link StreamTap}), and
 * {@link #abort()} stops the exchange from any thread, also before the response headers have arrived (langchain4j's
 * streaming handle exists only once the first event came).
 *
 * <p>Timeouts: langchain4j's connect and read timeouts are ignored; the shared client's connect timeout applies and
 * the run's {@link SilenceWatchdog} covers silence, since a request timeout on a long stream would cut good answers.
 *
 * <p>Threading: {@link #execute(HttpRequest, ServerSentEventParser, ServerSentEventListener)} returns at once; the
 * body is read and the listener and tap called on one of the HTTP client's executor threads.
 */
public final class StreamTransport implements HttpClient {

    private final java.net.http.HttpClient http;
    private final StreamTap tap;
    private volatile CompletableFuture<?> exchange;
    private volatile InputStream body;
    private volatile boolean aborted;

    public StreamTransport(java.net.http.HttpClient http, StreamTap tap) {
        this.http = http;
        this.tap = tap;
    }

    /** A builder that hands this transport to a langchain4j model builder. */
    public HttpClientBuilder asBuilder() {
        return new HttpClientBuilder() {
            @Override
            public Duration connectTimeout() {
                return null;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration timeout) {
                return this;
            }

            @Override
            public Duration readTimeout() {
                return null;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration timeout) {
                return this;
            }

            @Override
            public HttpClient build() {
                return StreamTransport.this;
            }
        };
    }

    /** Stops the exchange: cancels the request or closes the body. Idempotent; later callbacks are not delivered. */
    public void abort() {
        aborted = true;
        CompletableFuture<?> f = exchange;
        if (f != null) {
            f.cancel(true);
        }
        closeQuietly(body);
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(toJdk(request), HttpResponse.BodyHandlers.ofByteArray());
            if (!successful(response.statusCode())) {
                throw new HttpException(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
            }
            return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(response.headers().map()).body(new String(response.body(), StandardCharsets.UTF_8))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        CompletableFuture<HttpResponse<InputStream>> f =
                http.sendAsync(toJdk(request), HttpResponse.BodyHandlers.ofInputStream());
        exchange = f;
        if (aborted) {
            f.cancel(true);
            return;
        }
        f.whenComplete((response, error) -> {
            if (aborted) {
                if (response != null) {
                    closeQuietly(response.body());
                }
            } else if (error != null) {
                listener.onError(error);
            } else {
                read(response, parser, listener);
            }
        });
    }

    private void read(HttpResponse<InputStream> response, ServerSentEventParser parser,
                      ServerSentEventListener listener) {
        body = response.body();
        if (aborted) {
            closeQuietly(body);
            return;
        }
        if (!successful(response.statusCode())) {
            String text = readAll(response.body());
            if (!aborted) {
                listener.onError(new HttpException(response.statusCode(), text));
            }
            return;
        }
        tap.opened();
        listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                .headers(response.headers().map()).build());
        try (InputStream in = response.body()) {
            parser.parse(in, new TappedListener(listener));
        } catch (IOException | RuntimeException e) {
            if (!aborted) {
                listener.onError(e);
            }
            return;
        }
        if (!aborted) {
            listener.onClose();
            tap.ended();
        }
    }

    /** Shows each event to the tap before and after langchain4j; drops everything once aborted. */
    private final class TappedListener implements ServerSentEventListener {

        private final ServerSentEventListener delegate;

        TappedListener(ServerSentEventListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            if (aborted || !tap.beforeEvent(event.event(), event.data())) {
                return;
            }
            try {
                delegate.onEvent(event, context);
            } catch (RuntimeException e) {
                tap.eventRejected(e);
                return;
            }
            tap.afterEvent();
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            onEvent(event, new ServerSentEventContext(new CancellationUnsupportedHandle()));
        }

        @Override
        public void onError(Throwable throwable) {
            if (!aborted) {
                delegate.onError(throwable);
            }
        }
    }

    private static java.net.http.HttpRequest toJdk(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null && !isRestricted(name)) {
                values.forEach(v -> b.header(name, v));
            }
        });
        java.net.http.HttpRequest.BodyPublisher publisher = request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
        return b.method(request.method().name(), publisher).build();
    }

    /** Headers java.net.http sets itself and refuses to take. */
    private static boolean isRestricted(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.equals("content-length") || n.equals("host") || n.equals("connection") || n.equals("expect")
                || n.equals("upgrade");
    }

    private static boolean successful(int status) {
        return status >= 200 && status < 300;
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
