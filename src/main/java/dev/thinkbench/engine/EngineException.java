package dev.thinkbench.engine;

import dev.thinkbench.core.FailureKind;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure talking to an engine, with a kind the UI can act on and a message fit to show the user (secrets already
 * masked), and the wait the server asked for before a retry where it said so.
 */
public class EngineException extends Exception {

    private final FailureKind kind;
    private final Duration retryAfter;
    private final Integer httpStatus;

    public EngineException(FailureKind kind, String message) {
        this(kind, message, (Duration) null);
    }

    public EngineException(FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = null;
        this.httpStatus = null;
    }

    /** @param retryAfter the wait the server asked for ({@code Retry-After}), or null */
    public EngineException(FailureKind kind, String message, Duration retryAfter) {
        this(kind, message, retryAfter, null);
    }

    /**
     * @param retryAfter the wait the server asked for ({@code Retry-After}), or null
     * @param httpStatus the HTTP status the server answered with, or null when it did not answer
     */
    public EngineException(FailureKind kind, String message, Duration retryAfter, Integer httpStatus) {
        super(message);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.httpStatus = httpStatus;
    }

    public FailureKind kind() {
        return kind;
    }

    /** The HTTP status of the server's error answer; empty when it gave none (it could not be reached). */
    public Optional<Integer> httpStatus() {
        return Optional.ofNullable(httpStatus);
    }

    /** The wait the server asked for before a retry, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
