package dev.thinkbench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 that answers each generation request with the next {@link ScriptStep}. Subclasses
 * speak one provider's wire format. Records every request body; never loops without bound (a stall gives up after a
 * few seconds; an exhausted script answers HTTP 500).
 */
public abstract class ScriptedHttpServer implements AutoCloseable {

    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final long STALL_LIMIT_MS = 5_000;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<ScriptStep> script = new ArrayDeque<>();
    private final List<Recorded> requests = new ArrayList<>();
    private volatile boolean honourStops = true;
    private volatile boolean honourCap = true;
    private volatile long stallMillis = STALL_LIMIT_MS;
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    /** One request as received. */
    public record Recorded(String method, String path, String authorization, JsonNode body) {
    }

    protected ScriptedHttpServer() {
        try {
            server = StreamingHttpServers.create(new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** The base URL clients should use. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized ScriptedHttpServer then(ScriptStep... steps) {
        script.addAll(List.of(steps));
        return this;
    }

    /** Simulates a server that ignores {@code stop}: stop strings are generated like any text. */
    public ScriptedHttpServer ignoringStop() {
        honourStops = false;
        return this;
    }

    /** Simulates a server that ignores the token cap. */
    public ScriptedHttpServer ignoringCap() {
        honourCap = false;
        return this;
    }

    /**
     * A {@link ScriptStep.Stall} stays silent up to {@code atMost} (default a few seconds), or until the server
     * closes: long enough for a test to act on the client while it waits.
     */
    public ScriptedHttpServer stallingUpTo(java.time.Duration atMost) {
        stallMillis = atMost.toMillis();
        return this;
    }

    /**
     * Waits until {@code count} requests to {@code path} have arrived.
     *
     * @throws AssertionError when they have not within {@code within}
     */
    public synchronized void awaitRequests(String path, int count, java.time.Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (requests.stream().filter(r -> r.path().equals(path)).count() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(count + " requests to " + path + " did not arrive within " + within
                        + "; arrived: " + requests.stream().map(Recorded::path).toList());
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The bodies of requests to {@code path}, in order. */
    public synchronized List<JsonNode> bodies(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).map(Recorded::body).toList();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode body = null;
            byte[] raw = ex.getRequestBody().readAllBytes();
            if (raw.length > 0) {
                body = JSON.readTree(raw);
            }
            synchronized (this) {
                requests.add(new Recorded(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                        ex.getRequestHeaders().getFirst("Authorization"), body));
                notifyAll();
            }
            handle(ex, ex.getRequestURI().getPath(), body);
        } catch (RuntimeException e) {
            sendJson(ex, 500, "{\"error\":\"test server: " + e.getMessage() + "\"}");
        }
    }

    /** Handles one request; generation routes call {@link #nextStep()}. */
    protected abstract void handle(HttpExchange ex, String path, JsonNode body) throws IOException;

    protected synchronized ScriptStep nextStep() {
        ScriptStep step = script.poll();
        return step != null ? step : new ScriptStep.Status(500, "{\"error\":\"test script exhausted\"}");
    }

    protected SimulatedModel.Generation generate(List<String> tokens, int cap, List<String> stops) {
        return SimulatedModel.generate(tokens, cap, stops, honourStops, honourCap);
    }

    protected static void sendJson(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }

    /** Opens a chunked streaming response. */
    protected static OutputStream openStream(HttpExchange ex, String contentType) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(200, 0);
        return ex.getResponseBody();
    }

    protected static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Stays silent for a few seconds or as {@link #stallingUpTo} says (or until the server closes). */
    protected void stall() {
        try {
            closed.await(stallMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException ignored) {
            // The server is closing.
        }
    }

    /**
     * Answers a fault step in the given stream format; returns false for a {@link ScriptStep.Reply}, which the
     * subclass plays itself.
     *
     * @param pieceLine formats one token piece as a complete stream line or event
     */
    protected boolean fault(HttpExchange ex, ScriptStep step, String contentType,
                                   java.util.function.Function<String, String> pieceLine) throws IOException {
        switch (step) {
            case ScriptStep.Reply r -> {
                return false;
            }
            case ScriptStep.Status s -> sendJson(ex, s.code(), s.body());
            case ScriptStep.Cut c -> {
                OutputStream out = openStream(ex, contentType);
                for (String t : c.tokens()) {
                    write(out, pieceLine.apply(t));
                }
            }
            case ScriptStep.Malformed m -> {
                OutputStream out = openStream(ex, contentType);
                for (String t : m.tokens()) {
                    write(out, pieceLine.apply(t));
                }
                write(out, contentType.contains("event-stream") ? "data: {not json\n\n" : "{not json\n");
            }
            case ScriptStep.Stall st -> {
                OutputStream out = openStream(ex, contentType);
                for (String t : st.tokens()) {
                    write(out, pieceLine.apply(t));
                }
                stall();
            }
        }
        return true;
    }

    protected static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static List<String> stops(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(s -> out.add(s.asText()));
        } else if (node != null && node.isTextual()) {
            out.add(node.asText());
        }
        return out;
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
