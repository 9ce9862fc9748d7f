package dev.thinkbench.engine.local.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Test double: a real HTTP/1.1 server on 127.0.0.1 (a thread and a connection per request, {@code Connection: close}) serving
 * one file with {@code Range} support. It can drop the connection in the middle of the first responses, ignore
 * ranges, answer an error status, or stall after the first chunk until released, as a CDN might.
 */
public final class LoopbackFileServer implements AutoCloseable {

    private final ServerSocket socket;
    private final byte[] file;
    private final Thread acceptor;
    public final List<String> rangesSeen = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    /** Responses (counted from the first) whose connection drops after {@link #cutAfter} bytes of the file. */
    volatile int cutResponses;
    volatile int cutAfter;
    volatile boolean ignoreRange;
    public volatile int status = 200;
    /** When set, a full response carries no Content-Length: its body ends when the connection closes. */
    volatile boolean omitLength;
    /** When set, a response stalls after its first chunk until this latch opens. */
    public volatile CountDownLatch stall;
    /** Only responses up to this number stall. */
    public volatile int stallResponses = Integer.MAX_VALUE;
    /**
     * When set, the first {@link #silentResponses} requests get no answer at all (not even the status line) until this
     * latch opens, as a server that accepts the connection and then hangs.
     */
    public volatile CountDownLatch silence;
    /** Only requests up to this number get the silence. */
    public volatile int silentResponses = Integer.MAX_VALUE;
    /** Opens once a request has arrived that is being left in silence. */
    public final CountDownLatch silenced = new CountDownLatch(1);
    /**
     * Called with each request's Range header ("none" when absent) as it arrives, before the answer: a test
     * looks at the client's partial file here, at the moment the client resumes.
     */
    public volatile Consumer<String> onRequest = range -> { };

    public LoopbackFileServer(byte[] file) throws IOException {
        this.file = file;
        socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "loopback-file-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/model.gguf");
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread t = new Thread(() -> serveAndClose(client), "loopback-file-exchange");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serveAndClose(Socket client) {
        try (client) {
            serve(client);
        } catch (IOException clientGone) {
            // a client that hung up (cancel, stall watchdog) just ends its exchange
        }
    }

    private void serve(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.ISO_8859_1));
        String line = in.readLine();
        if (line == null) {
            return;
        }
        String range = null;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            if (line.toLowerCase().startsWith("range:")) {
                range = line.substring(6).trim();
            }
        }
        int n = requests.incrementAndGet();
        rangesSeen.add(range == null ? "none" : range);
        onRequest.accept(range == null ? "none" : range);
        CountDownLatch quiet = silence;
        if (quiet != null && n <= silentResponses) {
            silenced.countDown();
            try {
                quiet.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        OutputStream out = client.getOutputStream();
        if (status != 200) {
            head(out, status + " Error", 0, "");
            return;
        }
        int start = 0;
        if (range != null && !ignoreRange) {
            start = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
            if (start >= file.length) {
                head(out, "416 Range Not Satisfiable", 0, "Content-Range: bytes */" + file.length + "\r\n");
                return;
            }
            head(out, "206 Partial Content", file.length - start, "Content-Range: bytes " + start + "-"
                    + (file.length - 1) + "/" + file.length + "\r\n");
        } else if (omitLength) {
            out.write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } else {
            head(out, "200 OK", file.length, "");
        }
        int end = n <= cutResponses ? Math.min(file.length, start + cutAfter) : file.length;
        int firstChunk = Math.min(end, start + 4096);
        out.write(file, start, firstChunk - start);
        out.flush();
        CountDownLatch gate = stall;
        if (gate != null && n <= stallResponses) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        out.write(file, firstChunk, end - firstChunk);
        out.flush();
        // closing the socket here, short of Content-Length when cut, is the dropped connection; end with FIN
        // rather than a reset so the client usually reads every byte that was sent
        client.shutdownOutput();
    }

    private static void head(OutputStream out, String status, long length, String extra) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\nContent-Length: " + length + "\r\n" + extra
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        CountDownLatch gate = stall;
        if (gate != null) {
            gate.countDown();
        }
        CountDownLatch quiet = silence;
        if (quiet != null) {
            quiet.countDown();
        }
        socket.close();
    }
}
