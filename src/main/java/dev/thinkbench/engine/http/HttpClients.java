package dev.thinkbench.engine.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;

/** The one {@link HttpClient} every HTTP engine shares: one connection pool, one set of reader threads. */
public final class HttpClients {

    /** How long to wait for a connection; silence after that is the {@link SilenceWatchdog}'s business. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    private static final HttpClient SHARED = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(CONNECT_TIMEOUT)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    private HttpClients() {
    }

    /**
     * HTTP/1.1 (local servers and proxies handle it best; no h2c upgrade dance), redirects followed, a connect
     * timeout, and virtual threads to read the streams, so many parallel runs cost little.
     */
    public static HttpClient shared() {
        return SHARED;
    }
}
