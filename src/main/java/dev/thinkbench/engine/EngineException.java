package dev.thinkbench.engine;

import dev.thinkbench.core.FailureKind;

import java.time.Duration;

/** A failure talking to an engine, with a kind the UI can act on and a message fit to show the user. */
public class EngineException extends Exception {

    private final FailureKind kind;
    private final Duration retryAfter;

    public EngineException(FailureKind kind, String message) {
        this(kind, message, null, null);
    }

    public EngineException(FailureKind kind, String message, Throwable cause) {
        this(kind, message, cause, null);
    }

    /** @param retryAfter how long the server asked to wait before trying again (HTTP Retry-After), null if unsaid */
    public EngineException(FailureKind kind, String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public FailureKind kind() {
        return kind;
    }

    /** How long the server asked to wait before a retry (HTTP Retry-After), null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
