package dev.thinkbench.engine.http;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.CancellationUnsupportedHandle;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * langchain4j's HTTP client SPI over one {@link StreamExchange}, for one chat run: langchain4j builds the request and
 * parses the events, while the exchange does what every Thinkbench engine's HTTP does (the retry a server asks for,
 * error statuses and HTML pages typed, bounded lines, the silence watch). On top, the run sees every raw event before
 * langchain4j parses it ({@link StreamTap}), and {@link #abort()} stops the exchange from any thread, also before the
 * response headers have arrived (langchain4j's streaming handle exists only once the first event came).
 *
 * <p>Timeouts: langchain4j's connect and read timeouts are ignored; the shared client's connect timeout applies and
 * the exchange's silence watch covers the rest, since a request timeout on a long stream would cut good answers.
 *
 * <p>Threading: {@link #execute(HttpRequest, ServerSentEventParser, ServerSentEventListener)} reads the whole body
 * on the calling thread (the run's own virtual thread) and calls the listener and the tap on it.
 */
public final class StreamTransport implements HttpClient {

    private final StreamExchange exchange;
    private final StreamTap tap;

    public StreamTransport(StreamExchange exchange, StreamTap tap) {
        this.exchange = exchange;
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
        exchange.abort();
    }

    /** Not used by the streaming models; refuses rather than reading an unbounded body. */
    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        throw new UnsupportedOperationException("Thinkbench's chat transport only streams");
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        InputStream body;
        try {
            body = exchange.open(toJdk(request), parser instanceof DefaultServerSentEventParser
                    ? BoundedBody.Framing.SSE : BoundedBody.Framing.LINES);
        } catch (IOException | HttpException e) {
            if (!exchange.isAborted()) {
                listener.onError(e);
            }
            return;
        }
        if (body == null) {
            return; // aborted
        }
        try {
            tap.opened();
            listener.onOpen(SuccessfulHttpResponse.builder().statusCode(200).build());
            parser.parse(body, new TappedListener(listener));
            if (!exchange.isAborted()) {
                listener.onClose();
                tap.ended();
            }
        } catch (RuntimeException e) {
            if (!exchange.isAborted()) {
                listener.onError(e);
            }
        } finally {
            exchange.close();
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
            if (exchange.isAborted() || !tap.beforeEvent(event.event(), event.data())) {
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
            if (!exchange.isAborted()) {
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
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("content-length") || n.equals("host") || n.equals("connection") || n.equals("expect")
                || n.equals("upgrade");
    }
}
