package dev.thinkbench.engine.http;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.EngineException;

import java.time.Duration;

/**
 * Why a request failed, worded for the user.
 *
 * @param kind what kind of failure, so the UI can offer the right remedy
 * @param message a sentence that names the server and says what to do, secrets already masked
 * @param httpStatus the HTTP status when the server answered with an error, else null
 * @param serverMessage the server's own error text (scrubbed and shortened) when it sent one, else null
 * @param retryAfter the wait the server asked for before a retry ({@code Retry-After}), else null
 */
public record Failure(FailureKind kind, String message, Integer httpStatus, String serverMessage,
                      Duration retryAfter) {

    public static Failure of(FailureKind kind, String message) {
        return new Failure(kind, message, null, null, null);
    }

    public EngineException toException() {
        return new EngineException(kind, message, retryAfter, httpStatus);
    }

    /** The same failure with {@code more} appended to its message. */
    public Failure plus(String more) {
        return new Failure(kind, message + more, httpStatus, serverMessage, retryAfter);
    }

    /** True when the server's complaint may be about the model name, so the model list is worth checking. */
    public boolean mayBeUnknownModel() {
        if (httpStatus == null) {
            return false;
        }
        if (httpStatus == 404) {
            return true;
        }
        if (httpStatus != 400 || serverMessage == null) {
            return false;
        }
        String m = serverMessage.toLowerCase(java.util.Locale.ROOT);
        return m.contains("model") && (m.contains("not exist") || m.contains("not found") || m.contains("unknown")
                || m.contains("no such"));
    }
}
