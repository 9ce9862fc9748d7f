package dev.thinkbench.engine.http;

import dev.langchain4j.exception.HttpException;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The server answered with an error status. Carries what {@link FailureMapper} needs to word it: the status, the start
 * of the body (bounded, unscrubbed: only ever shown through {@link ServerMessage}), the content type and the wait a
 * {@code Retry-After} header asked for. Extends langchain4j's {@link HttpException} so a chat model hands it back
 * unchanged.
 */
public final class HttpStatusException extends HttpException {

    private final String path;
    private final String contentType;
    private final Duration retryAfter;

    /** @param path the request's path, for a 404 that means a wrong base URL */
    public HttpStatusException(int status, String body, String path, HttpHeaders headers, Clock clock) {
        super(status, body);
        this.path = path;
        this.contentType = headers.firstValue("Content-Type").orElse("");
        this.retryAfter = RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), clock)
                .or(() -> RetryAfter.retryable(status) ? RetryAfter.fromBody(body) : Optional.empty()).orElse(null);
    }

    /** The response body as received (at most {@link StreamExchange#MAX_ERROR_BODY_BYTES}). */
    public String body() {
        return getMessage();
    }

    /** The path that was asked for, e.g. {@code /v1/chat/completions}. */
    public String path() {
        return path;
    }

    public String contentType() {
        return contentType;
    }

    /** The wait the server asked for, when it sent a readable {@code Retry-After} (or said it in its body). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
