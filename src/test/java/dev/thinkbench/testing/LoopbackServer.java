package dev.thinkbench.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 (a free port) that plays {@link ScriptedReply}s: the base of
 * {@link OllamaChatTestServer} and {@link OpenAiChatTestServer}. The streaming endpoint answers each request with the
 * next queued reply, or when none is queued with the responder's (by default a 500 saying no reply was left). Every
 * request is recorded.
 * Pauses and stalls are bounded and end early when the server closes, so nothing outlives a test.
 *
 * <p>Threading: thread-safe; requests are served concurrently on virtual threads.
 */
public abstract class LoopbackServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Queue<ScriptedReply> queue = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Function<RecordedRequest, ScriptedReply> responder = r -> ScriptedReply.status(500,
            "{\"error\":\"test server: no script left for " + r.path() + "\"}");

    protected LoopbackServer() {
        try {
            server = StreamingHttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port", e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                RecordedRequest request = record(exchange);
                requests.add(request);
                play(exchange, route(request));
            } catch (IOException clientWentAway) {
                // The client closed the connection (cancel, timeout): the script simply stops.
            }
        });
        server.start();
    }

    /** Which script answers {@code request}: the subclass maps its paths, using {@link #nextReply} for streams. */
    protected abstract ScriptedReply route(RecordedRequest request);

    /** The next queued script, else the responder's. */
    protected final ScriptedReply nextReply(RecordedRequest request) {
        ScriptedReply s = queue.poll();
        return s != null ? s : responder.apply(request);
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    public URI rootUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues replies for the next streaming requests, in order. */
    public void script(ScriptedReply... scripts) {
        queue.addAll(List.of(scripts));
    }

    /** Answers streaming requests when no script is queued, e.g. by the request's budget fields. */
    public void respond(Function<RecordedRequest, ScriptedReply> responder) {
        this.responder = responder;
    }

    /** Every request so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests to {@code path} so far, in arrival order. */
    public List<RecordedRequest> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Stops at once: open streams end, pauses and stalls return. */
    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private static RecordedRequest record(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body);
    }

    private void play(HttpExchange exchange, ScriptedReply script) throws IOException {
        if (!sleep(script.headerDelay())) {
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", script.contentType());
        boolean streaming = script.status() / 100 == 2;
        if (!streaming) {
            byte[] body = script.sentText().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(script.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            return;
        }
        // ABORT declares a longer body than it sends, so closing early breaks the transfer for the client;
        // the others stream chunked and end with a clean last chunk.
        exchange.sendResponseHeaders(script.status(), script.ending() == ScriptedReply.Ending.ABORT ? 1 << 20 : 0);
        OutputStream out = exchange.getResponseBody();
        for (ScriptedReply.Step step : script.steps()) {
            switch (step) {
                case ScriptedReply.Send s -> {
                    out.write(s.text().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                case ScriptedReply.Pause p -> {
                    if (!sleep(p.duration())) {
                        return;
                    }
                }
            }
        }
        if (script.ending() == ScriptedReply.Ending.STALL) {
            sleep(script.stall());
        }
    }

    /** Sleeps up to {@code d}; false when the server closed meanwhile. */
    private boolean sleep(Duration d) {
        if (d.isZero()) {
            return true;
        }
        try {
            return !closed.await(d.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
