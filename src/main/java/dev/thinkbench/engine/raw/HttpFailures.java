package dev.thinkbench.engine.raw;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.EngineException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;

/** Turns HTTP statuses and I/O failures into {@link EngineException}s with a message that says what to check. */
final class HttpFailures {

    private HttpFailures() {
    }

    static EngineException fromStatus(String server, String path, int status, String body) {
        String detail = errorMessage(body);
        String said = detail.isEmpty() ? "" : ": " + detail;
        return switch (status) {
            case 401, 403 -> new EngineException(FailureKind.AUTHENTICATION, server + " rejected the API key (HTTP "
                    + status + ")" + said + ". Check the key in the environment variable you named.");
            case 404 -> detail.toLowerCase(Locale.ROOT).contains("model")
                    ? new EngineException(FailureKind.MODEL_NOT_FOUND, server + " does not have this model (HTTP 404)"
                            + said + ". Pull or load it, or pick one the server lists.")
                    : new EngineException(FailureKind.BAD_REQUEST, server + " has no " + path + " endpoint (HTTP 404)"
                            + said + ". Is the base URL right, and is it the kind of server you chose?");
            case 429 -> new EngineException(FailureKind.RATE_LIMITED, server + " is rate limiting (HTTP 429)" + said
                    + ". Wait a little and retry.");
            default -> status >= 500
                    ? new EngineException(FailureKind.SERVER_ERROR, server + " failed (HTTP " + status + ")" + said)
                    : new EngineException(FailureKind.BAD_REQUEST, server + " rejected the request (HTTP " + status
                            + ")" + said);
        };
    }

    static EngineException fromIo(String server, String path, Duration timeout, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                || cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException
                || cause != null && cause.getCause() instanceof UnresolvedAddressException) {
            return new EngineException(FailureKind.UNREACHABLE, "cannot reach " + server + " ("
                    + describe(cause) + "). Is the server running, and is the base URL right?", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new EngineException(FailureKind.TIMEOUT, server + " did not answer " + path + " within "
                    + timeout.toSeconds() + " s", cause);
        }
        return new EngineException(FailureKind.UNREACHABLE, "talking to " + server + " failed: " + describe(cause),
                cause);
    }

    private static String describe(Throwable t) {
        if (t == null) {
            return "unknown error";
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** The server's own error text: OpenAI/llama.cpp {@code error.message}, Ollama {@code error}, or the body. */
    static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = RawHttp.JSON.readTree(body);
            JsonNode error = node.path("error");
            if (error.isTextual()) {
                return excerpt(error.asText());
            }
            if (error.path("message").isTextual()) {
                return excerpt(error.path("message").asText());
            }
            if (node.path("message").isTextual()) {
                return excerpt(node.path("message").asText());
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // Not JSON: fall through to the plain text.
        }
        return excerpt(body);
    }

    /** At most 300 characters of {@code text} on one line, for messages. */
    static String excerpt(String text) {
        String one = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return one.length() <= 300 ? one : one.substring(0, 300) + "\u2026";
    }
}
