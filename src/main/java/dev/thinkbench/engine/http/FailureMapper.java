package dev.thinkbench.engine.http;

import com.fasterxml.jackson.core.JacksonException;
import dev.langchain4j.exception.HttpException;
import dev.thinkbench.core.FailureKind;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Turns what went wrong talking to a server (an exception from the transport or langchain4j, or an HTTP status and
 * body) into a {@link Failure} whose message names the server and says what to do. Messages never contain the API
 * key: authentication failures do not echo the server, and any other server text has the key cut out.
 *
 * <p>Threading: immutable, safe from any thread.
 */
public final class FailureMapper {

    private final Endpoint endpoint;
    private final String secret;

    /** @param secret the API key to cut out of server texts, or null */
    public FailureMapper(Endpoint endpoint, String secret) {
        this.endpoint = endpoint;
        this.secret = secret == null || secret.isBlank() ? null : secret;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * @param streamOpened whether the server had already answered 2xx: a broken connection then cuts the stream,
     *                     before that it means the server could not be reached
     */
    public Failure map(Throwable error, boolean streamOpened) {
        HttpException http = find(error, HttpException.class);
        if (http != null) {
            return fromStatus(http.statusCode(), http.getMessage());
        }
        String where = endpoint.describe();
        if (find(error, HttpConnectTimeoutException.class) != null) {
            return unreachable(where + " did not accept a connection in time.");
        }
        if (find(error, HttpTimeoutException.class) != null) {
            return Failure.of(FailureKind.TIMEOUT, where + " did not answer in time.");
        }
        if (find(error, UnresolvedAddressException.class) != null || find(error, UnknownHostException.class) != null) {
            return unreachable("Cannot reach " + where + ": unknown host.");
        }
        if (find(error, ConnectException.class) != null || find(error, NoRouteToHostException.class) != null) {
            return unreachable("Cannot reach " + where + " (connection refused).");
        }
        if (find(error, JacksonException.class) != null) {
            return Failure.of(FailureKind.MALFORMED_STREAM, where + " sent data that does not parse: "
                    + clean(find(error, JacksonException.class).getOriginalMessage()));
        }
        IOException io = find(error, IOException.class);
        if (io != null) {
            return streamOpened
                    ? Failure.of(FailureKind.STREAM_CUT, "The connection to " + where
                            + " broke in the middle of the answer (" + clean(String.valueOf(io.getMessage()))
                            + "). What arrived before is kept.")
                    : unreachable("Cannot talk to " + where + " (" + clean(String.valueOf(io.getMessage())) + ").");
        }
        return Failure.of(FailureKind.UNKNOWN, "Talking to " + where + " failed: " + clean(String.valueOf(error)));
    }

    /** The failure for an HTTP error status with its body. */
    public Failure fromStatus(int status, String body) {
        String said = clean(ServerMessage.extract(body));
        String where = endpoint.describe();
        String tail = said == null ? "." : ": " + sentence(said);
        return switch (status) {
            case 401, 403 -> new Failure(FailureKind.AUTHENTICATION, authMessage(status), status, null);
            case 404 -> new Failure(FailureKind.MODEL_NOT_FOUND, where + " answered 404 (not found)" + tail,
                    status, said);
            case 408 -> new Failure(FailureKind.TIMEOUT, where + " timed out the request (HTTP 408)" + tail,
                    status, said);
            case 429 -> new Failure(FailureKind.RATE_LIMITED, where + " is rate-limiting requests (HTTP 429)" + tail
                    + " Wait a moment, then retry.", status, said);
            default -> status >= 500
                    ? new Failure(FailureKind.SERVER_ERROR, where + " failed (HTTP " + status + ")" + tail, status,
                            said)
                    : new Failure(FailureKind.BAD_REQUEST, where + " rejected the request (HTTP " + status + ")"
                            + tail, status, said);
        };
    }

    private String authMessage(int status) {
        String where = endpoint.describe();
        if (!endpoint.keySet()) {
            return where + " wants an API key (HTTP " + status + "). Put the key in an environment variable and "
                    + "name that variable in the engine settings (--api-key-env VAR on the command line).";
        }
        String source = endpoint.apiKeyEnv() == null ? "the API key you configured"
                : "the key in the environment variable " + endpoint.apiKeyEnv();
        return where + " rejected the API key (HTTP " + status + "). Check " + source + ".";
    }

    private Failure unreachable(String what) {
        return Failure.of(FailureKind.UNREACHABLE, what + " " + endpoint.unreachableHint());
    }

    private static String sentence(String text) {
        return text.matches(".*[.!?\u2026]$") ? text : text + ".";
    }

    /** Cuts the API key out of a server's text, in case a server echoes it. */
    public String clean(String text) {
        return secret == null || text == null ? text : text.replace(secret, "***");
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
