package dev.thinkbench.engine.compat;

import dev.thinkbench.engine.http.BaseUrl;

import java.net.URI;

/**
 * The API root of an OpenAI-compatible server, to which {@code /chat/completions} and {@code /models} are appended.
 * A base URL with no path is the server's root, so {@code /v1} is added ({@code http://127.0.0.1:8080} and
 * {@code http://127.0.0.1:8080/v1} both work); a base URL with a path is used as it is, since some servers put the
 * API under another prefix ({@code /api/v1}, {@code /beta}).
 */
final class ApiBase {

    private ApiBase() {
    }

    /** @throws IllegalArgumentException with a message for the user when the URL cannot work */
    static String of(URI configured, String fallback) {
        String base = BaseUrl.check(configured, fallback, "OpenAI-compatible server");
        String path = URI.create(base).getRawPath();
        return path == null || path.isEmpty() ? base + "/v1" : base;
    }
}
