package dev.thinkbench.engine.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;

/** The {@link HttpClient} an engine shares among its runs and listings. */
public final class HttpClients {

    private static final Duration MAX_CONNECT = Duration.ofSeconds(30);

    private HttpClients() {
    }

    /**
     * HTTP/1.1 (local servers and proxies handle it best; no h2c upgrade dance), redirects followed, a connect
     * timeout of at most 30 s, and virtual threads to read the streams, so many parallel runs cost little.
     */
    public static HttpClient create(Duration timeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(timeout.compareTo(MAX_CONNECT) < 0 ? timeout : MAX_CONNECT)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }
}
