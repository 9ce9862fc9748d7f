package dev.thinkbench.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double: an HTTP/1.1 server on a raw loopback socket, so that it can misbehave in every way a real network
 * can (stall before the headers, reset the connection, send a line without end, invalid UTF-8). It speaks one
 * engine's wire format through a {@link Dialect}. Every GET answers a model listing in all the shapes the engines
 * read; the first POST plays the configured {@link Fault}, every later POST a healthy reply (a POST to llama-server's
 * {@code /apply-template} is not one: it gets a 404, as from a server without it). All loops are bounded;
 * stalls end after a few seconds or when the server closes.
 */
public final class FaultHttpServer implements AutoCloseable {

    /** How one engine's stream looks on the wire. */
    public interface Dialect {

        /** The content type of a stream. */
        String contentType();

        /** One piece of thinking text as a complete stream item. */
        String thinking(String text);

        /** The items of a healthy reply after the thinking: the answer and the end of the stream. */
        String done();

        /** An error reported inside the stream. */
        String error(String message);

        /**
         * What a stream sends before its first piece of text, right after the headers (Anthropic's
         * {@code message_start} and the thinking block's {@code content_block_start}); empty by default.
         */
        default String prelude() {
            return "";
        }

        /** Whether items are server-sent events (else lines). */
        default boolean sse() {
            return contentType().contains("event-stream");
        }
    }

    /** What the first generation request gets. */
    public enum Fault {
        NONE, UNAUTHORIZED, FORBIDDEN, MODEL_NOT_FOUND, RATE_LIMITED_LONG, RATE_LIMITED_SHORT, SERVER_ERROR,
        UNAVAILABLE, OVERLOADED, IN_STREAM_ERROR, CUT, RESET, MALFORMED_LINE, STALL_BEFORE_HEADERS, STALL_MID_BODY,
        HTML_200, HTML_502, TEN_MB_LINE, ENDLESS_LINE, INVALID_UTF8
    }

    /** The thinking pieces a faulty stream sends before its fault. */
    public static final List<String> PARTIAL = List.of("Let me ", "think");

    private static final long STALL_MS = 5_000;
    private static final int ENDLESS_LIMIT_BYTES = 64 << 20;

    private final ServerSocket socket;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Dialect dialect;
    private final Fault fault;
    private final String echoedSecret;
    private final AtomicInteger posts = new AtomicInteger();
    private final List<Socket> open = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param echoedSecret text the server echoes into its error bodies, stream errors and bad lines (a canary key)
     */
    public FaultHttpServer(Dialect dialect, Fault fault, String echoedSecret) {
        this.dialect = dialect;
        this.fault = fault;
        this.echoedSecret = echoedSecret;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        workers.execute(this::accept);
    }

    /** The server's root URL, e.g. {@code http://127.0.0.1:40123}. */
    public URI rootUrl() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** How many generation requests arrived. */
    public int posts() {
        return posts.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                synchronized (open) {
                    open.add(s);
                }
                workers.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            Request request = Request.read(s.getInputStream());
            if (request == null) {
                return;
            }
            OutputStream out = s.getOutputStream();
            if (request.method().equals("GET")) {
                json(out, 200, "{\"data\":[{\"id\":\"other-model\"}],\"models\":[{\"name\":\"other-model\"}]}", "");
                return;
            }
            if (request.path().endsWith("/apply-template")) {
                // llama-server's prompt preview, asked before a chat run: answered as a server without it answers
                json(out, 404, "{\"error\":{\"message\":\"File Not Found\"}}", "");
                return;
            }
            play(s, out, posts.getAndIncrement() == 0 ? fault : Fault.NONE);
        } catch (IOException ignored) {
            // The client went away: nothing to do in a test server.
        }
    }

    private void play(Socket s, OutputStream out, Fault f) throws IOException {
        String echo = " (Authorization: Bearer " + echoedSecret + ")";
        switch (f) {
            case NONE -> stream(out, dialect.thinking("All good.") + dialect.done());
            case UNAUTHORIZED -> json(out, 401, "{\"error\":{\"message\":\"Incorrect API key provided: "
                    + echoedSecret + "\"}}", "");
            case FORBIDDEN -> json(out, 403, "{\"error\":\"forbidden" + escape(echo) + "\"}", "");
            case MODEL_NOT_FOUND -> json(out, 404, "{\"error\":\"model 'm' not found, try pulling it first\"}", "");
            case RATE_LIMITED_LONG -> json(out, 429, "{\"error\":{\"message\":\"Rate limit reached"
                    + escape(echo) + "\"}}", "Retry-After: 120\r\n");
            case RATE_LIMITED_SHORT -> json(out, 429, "{\"error\":{\"message\":\"Rate limit reached\"}}",
                    "Retry-After: 1\r\n");
            case SERVER_ERROR -> json(out, 500, "{\"error\":{\"message\":\"CUDA error: out of memory"
                    + escape(echo) + "\"}}", "");
            case UNAVAILABLE -> json(out, 503, "{\"error\":{\"message\":\"Loading model\"}}", "");
            case OVERLOADED -> json(out, 529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                    + "\"message\":\"Overloaded\"}}", "");
            case IN_STREAM_ERROR -> stream(out, partial() + dialect.error("the model crashed" + echo));
            case CUT -> stream(out, partial());
            case RESET -> {
                head(out, 200, dialect.contentType(), "");
                write(out, partial());
                // A reset discards what the client has not read yet: give it time to read the partial text first.
                pause(300);
                s.setSoLinger(true, 0);
            }
            case MALFORMED_LINE -> stream(out, partial() + (dialect.sse() ? "data: " : "")
                    + "{\"bad\": \"" + echo + "\n\n");
            case STALL_BEFORE_HEADERS -> stall();
            case STALL_MID_BODY -> {
                head(out, 200, dialect.contentType(), "");
                write(out, partial());
                stall();
            }
            case HTML_200 -> page(out, 200, "Sign in to Hotel Wi-Fi " + echoedSecret);
            case HTML_502 -> page(out, 502, "502 Bad Gateway");
            case TEN_MB_LINE -> stream(out, partial() + dialect.thinking("x".repeat(10 << 20)) + dialect.done());
            case ENDLESS_LINE -> {
                head(out, 200, dialect.contentType(), "");
                write(out, partial() + (dialect.sse() ? "data: " : ""));
                byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                for (int sent = 0; sent < ENDLESS_LIMIT_BYTES && !closed; sent += chunk.length) {
                    out.write(chunk);
                }
            }
            case INVALID_UTF8 -> {
                head(out, 200, dialect.contentType(), "");
                String item = dialect.thinking("caf@@ ok");
                int at = item.indexOf("@@");
                out.write(item.substring(0, at).getBytes(StandardCharsets.UTF_8));
                out.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
                out.write(item.substring(at + 2).getBytes(StandardCharsets.UTF_8));
                write(out, dialect.done());
            }
        }
    }

    private String partial() {
        StringBuilder b = new StringBuilder();
        PARTIAL.forEach(p -> b.append(dialect.thinking(p)));
        return b.toString();
    }

    private void stream(OutputStream out, String body) throws IOException {
        head(out, 200, dialect.contentType(), "");
        write(out, body);
    }

    private static void json(OutputStream out, int status, String body, String extraHeaders) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        write(out, "HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: application/json\r\n"
                + extraHeaders + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n");
        out.write(bytes);
        out.flush();
    }

    private static void page(OutputStream out, int status, String title) throws IOException {
        String html = "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><center><h1>" + title
                + "</h1></center><hr><center>nginx</center></body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        write(out, "HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: text/html; charset=utf-8\r\n"
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n");
        out.write(bytes);
        out.flush();
    }

    /** A stream's head: a body without a length that ends when the connection closes, then the dialect's prelude. */
    private void head(OutputStream out, int status, String contentType, String extraHeaders)
            throws IOException {
        write(out, "HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: " + contentType + "\r\n"
                + extraHeaders + "Cache-Control: no-cache\r\nConnection: close\r\n\r\n" + dialect.prelude());
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void stall() {
        pause(STALL_MS);
    }

    /** Sleeps up to {@code ms}, less when the server closes. */
    private void pause(long ms) {
        long until = System.nanoTime() + ms * 1_000_000;
        while (!closed && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** JSON-escapes {@code text} for a string literal. */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a test server.
        }
        synchronized (open) {
            for (Socket s : open) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // Already gone.
                }
            }
        }
        workers.shutdownNow();
    }

    /** The request line and headers, and the body read by its length. */
    private record Request(String method, String path) {

        static Request read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
                if (head.size() > 65_536) {
                    return null;
                }
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            String[] first = lines[0].split(" ");
            int length = 0;
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            in.readNBytes(length);
            return new Request(first[0], first.length > 1 ? first[1] : "/");
        }
    }
}
