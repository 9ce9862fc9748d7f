package dev.thinkbench.engine.http;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One streamed exchange against a raw loopback socket that closes connections as a server's keep-alive limit does. */
class StreamExchangeTest {

    /**
     * Test double: a loopback HTTP/1.1 server that reads each request and closes the first {@code closing}
     * connections without a byte of answer, then answers a two-event stream.
     */
    private static final class ClosingTestServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();
        private final Thread loop;

        ClosingTestServer(int closing) throws IOException {
            socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
            loop = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 4; i++) { // bounded: the tests make at most a few connections
                    try (Socket s = socket.accept()) {
                        readRequest(s.getInputStream());
                        if (connections.incrementAndGet() <= closing) {
                            continue; // closed with nothing said
                        }
                        String body = "data: {\"n\":1}\n\ndata: [DONE]\n\n";
                        OutputStream out = s.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: "
                                + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private static void readRequest(InputStream in) throws IOException {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            int length = 0;
            for (String line = r.readLine(); line != null && !line.isEmpty(); line = r.readLine()) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            for (int i = 0; i < length; i++) {
                r.read();
            }
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/stream");
        }

        @Override
        public void close() throws IOException {
            socket.close();
            loop.interrupt();
        }
    }

    private static StreamExchange exchange(HttpClient http) {
        return new StreamExchange(http, SilenceWatchdog.shared(), Duration.ofSeconds(10), () -> { },
                (wait, status, said) -> { }, Clock.systemUTC());
    }

    private static HttpRequest post(URI uri) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    @Test
    void aConnectionTheServerClosedWithoutAWordIsSentAgainOnceOnANewOne() throws Exception {
        try (ClosingTestServer server = new ClosingTestServer(1);
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            try (InputStream body = exchange(http).open(post(server.uri()), BoundedBody.Framing.SSE)) {
                assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).contains("data: {\"n\":1}");
            }
            assertThat(server.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void aServerThatKeepsClosingFailsAfterTheOneResend() throws Exception {
        try (ClosingTestServer server = new ClosingTestServer(4);
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            assertThatThrownBy(() -> exchange(http).open(post(server.uri()), BoundedBody.Framing.SSE))
                    .isInstanceOf(IOException.class);
            assertThat(server.connections.get()).as("the request and one resend").isEqualTo(2);
        }
    }
}
