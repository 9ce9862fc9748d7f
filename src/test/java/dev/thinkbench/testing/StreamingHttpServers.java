package dev.thinkbench.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Creates the JDK {@link HttpServer}s the test servers run on, with Nagle's algorithm off ({@code TCP_NODELAY}), as
 * streaming servers have it (an SSE stream writes many small chunks). With it on, the JDK server held each small write
 * until the client acknowledged the last one, which a client may delay by 40 ms: a stream of a few events took about
 * 45 ms longer than its server's scripted latency when eight ran at once (the sweep scheduling benchmark read 1.5x the
 * ideal makespan at 100 ms per request; the in-process engine double 1.01x).
 */
public final class StreamingHttpServers {

    static {
        // read once, when the JDK server's configuration class loads: before the first server is created
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private StreamingHttpServers() {
    }

    /** A server bound to {@code address} (not started). */
    public static HttpServer create(InetSocketAddress address) throws IOException {
        return HttpServer.create(address, 0);
    }
}
