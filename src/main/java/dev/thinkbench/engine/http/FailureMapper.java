package dev.thinkbench.engine.http;

import com.fasterxml.jackson.core.JacksonException;
import dev.langchain4j.exception.HttpException;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Sentences;
import dev.thinkbench.core.SecretScrubber;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The one place where what went wrong talking to a server (an exception from the transport or langchain4j, an HTTP
 * status and body, a stream that is not what the protocol promised) becomes a {@link Failure}: one wording per
 * status for every HTTP engine, chat and raw, naming the server and saying what to do. Server text is always
 * scrubbed of secrets before it is cut ({@link ServerMessage}, {@link SecretScrubber}); authentication failures do
 * not echo the server at all.
 *
 * <p>Messages say nothing about what arrived before a failure: only the run knows whether anything did, and it adds
 * that itself. Threading: immutable, safe from any thread.
 */
public final class FailureMapper {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Endpoint endpoint;
    private final Clock clock;

    /** @param secret the API key to mask wherever it shows up (registered with {@link SecretScrubber}), or null */
    public FailureMapper(Endpoint endpoint, String secret) {
        this(endpoint, secret, Clock.systemDefaultZone());
    }

    /** As {@link #FailureMapper(Endpoint, String)}, with the clock that dates a {@code Retry-After}. */
    public FailureMapper(Endpoint endpoint, String secret, Clock clock) {
        this.endpoint = endpoint;
        this.clock = clock;
        SecretScrubber.register(secret);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The clock that dates a {@code Retry-After} (the system's, except in tests). */
    public Clock clock() {
        return clock;
    }

    /**
     * @param streamOpened whether the server had already answered 2xx: a broken connection then cuts the stream,
     *                     before that it means the server could not be reached
     */
    public Failure map(Throwable error, boolean streamOpened) {
        HttpStatusException status = find(error, HttpStatusException.class);
        if (status != null) {
            return fromStatus(status.statusCode(), status.body(), status.path(), status.retryAfter().orElse(null));
        }
        HttpException http = find(error, HttpException.class);
        if (http != null) {
            return fromStatus(http.statusCode(), http.getMessage());
        }
        String where = endpoint.describe();
        NotAnEventStreamException page = find(error, NotAnEventStreamException.class);
        if (page != null) {
            return Failure.of(FailureKind.MALFORMED_STREAM, where + " answered with " + page.what()
                    + " instead of a stream. A captive portal or a proxy may be in the way, or the base URL points"
                    + " at something else.");
        }
        BoundedBody.StreamLimitException limit = find(error, BoundedBody.StreamLimitException.class);
        if (limit != null) {
            return Failure.of(FailureKind.MALFORMED_STREAM, where + " sent " + limit.what()
                    + " in its stream, more than any real answer holds; the run was stopped. Is the base URL"
                    + " right, and is it the kind of server you chose?");
        }
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
        JacksonException json = find(error, JacksonException.class);
        if (json != null) {
            return malformed("data that does not parse (" + SecretScrubber.quote(json.getOriginalMessage(), 120)
                    + ")");
        }
        IOException io = find(error, IOException.class);
        if (io != null) {
            String why = SecretScrubber.quote(String.valueOf(io.getMessage()), 120);
            return streamOpened
                    ? Failure.of(FailureKind.STREAM_CUT, "The connection to " + where
                            + " broke while the reply streamed (" + why + ").")
                    : unreachable("Cannot talk to " + where + " (" + why + ").");
        }
        return Failure.of(FailureKind.UNKNOWN, "Talking to " + where + " failed: "
                + SecretScrubber.quote(String.valueOf(error), ServerMessage.MAX_CHARS));
    }

    /** The failure for an HTTP error status with its body, when the path and any {@code Retry-After} are unknown. */
    public Failure fromStatus(int status, String body) {
        return fromStatus(status, body, null, null);
    }

    /**
     * The failure for an HTTP error status: one wording per status for every engine.
     *
     * @param path the path asked for, or null
     * @param retryAfter the wait the server asked for, or null
     */
    public Failure fromStatus(int status, String body, String path, Duration retryAfter) {
        String said = ServerMessage.extract(body);
        String where = endpoint.describe();
        String tail = said == null ? "." : ": " + Sentences.ended(said);
        return switch (status) {
            case 401, 403 -> rejectedKey(status);
            case 404 -> said != null && said.toLowerCase(Locale.ROOT).contains("model")
                    ? new Failure(FailureKind.MODEL_NOT_FOUND, where + " does not have this model (HTTP 404)" + tail
                            + " Pull or load it, or pick one the server lists.", status, said, null)
                    : new Failure(FailureKind.UNREACHABLE, where + " has no " + (path == null ? "such path" : path)
                            + " (HTTP 404)" + tail + " Is the base URL right, and is it the kind of server you chose?",
                            status, said, null);
            case 408 -> new Failure(FailureKind.TIMEOUT, where + " timed out the request (HTTP 408)" + tail,
                    status, said, null);
            case 429 -> new Failure(FailureKind.RATE_LIMITED, where + " is rate-limiting requests (HTTP 429)" + tail
                    + retryAdvice(retryAfter), status, said, retryAfter);
            case 503 -> new Failure(FailureKind.SERVER_ERROR, where + " is unavailable (HTTP 503)" + tail
                    + retryAdvice(retryAfter), status, said, retryAfter);
            case 529 -> new Failure(FailureKind.SERVER_ERROR, where + " is overloaded (HTTP 529)" + tail
                    + retryAdvice(retryAfter), status, said, retryAfter);
            default -> status >= 500
                    ? new Failure(FailureKind.SERVER_ERROR, where + " failed (HTTP " + status + ")" + tail, status,
                            said, null)
                    : new Failure(FailureKind.BAD_REQUEST, where + " rejected the request (HTTP " + status + ")"
                            + tail, status, said, null);
        };
    }

    /**
     * The server refused the key (or wants one), in the one wording for that: which variable to check, or how to set
     * one. For 401 and 403, and for providers that say so with another status (Gemini answers a bad key with 400
     * {@code API_KEY_INVALID}). The server's text is not echoed.
     */
    public Failure rejectedKey(int status) {
        return new Failure(FailureKind.AUTHENTICATION, authMessage(status), status, null, null);
    }

    /**
     * An error the server reported inside a stream that had started well; for {@link FailureKind#CONTENT_FILTERED},
     * {@code serverText} says how the server said so (e.g. "finishReason SAFETY").
     */
    public Failure inStream(FailureKind kind, String serverText) {
        if (kind == FailureKind.CONTENT_FILTERED) {
            return Failure.of(kind, endpoint.describe() + " stopped the answer with its content filter ("
                    + ServerMessage.shorten(serverText) + "); the answer is incomplete, so it is not graded.");
        }
        return Failure.of(kind, endpoint.describe() + " reported an error during the answer: "
                + Sentences.ended(ServerMessage.shorten(serverText)));
    }

    /** A stream item that does not read as the protocol promised; {@code what} names it, already quoted. */
    public Failure malformed(String what) {
        return Failure.of(FailureKind.MALFORMED_STREAM, endpoint.describe() + " sent " + what
                + "; the run was stopped. Is the base URL right, and is it the kind of server you chose?");
    }

    /** A raw stream line that does not parse, quoted safely; an HTML line is named as such. */
    public Failure unreadableLine(String line) {
        return ServerMessage.looksLikeHtml(line)
                ? map(new NotAnEventStreamException("text/html", ServerMessage.htmlTitle(line)), true)
                : malformed("a line that does not parse (" + ServerMessage.excerpt(line) + ")");
    }

    /** The stream ended before the server said the answer was complete. */
    public Failure cut(String missing) {
        return Failure.of(FailureKind.STREAM_CUT, "The stream from " + endpoint.describe() + " ended " + missing
                + ".");
    }

    /** The stream stayed silent for {@code silence}. */
    public Failure silent(Duration silence) {
        return Failure.of(FailureKind.TIMEOUT, endpoint.describe() + " sent nothing for " + seconds(silence)
                + ", so the run was stopped: the server may be busy, or still loading the model. Retry when it "
                + "answers.");
    }

    private String retryAdvice(Duration retryAfter) {
        if (retryAfter == null) {
            return " Wait a moment, then retry.";
        }
        LocalTime at = LocalTime.ofInstant(clock.instant().plus(retryAfter), clock.getZone() == null
                ? ZoneId.systemDefault() : clock.getZone()).truncatedTo(ChronoUnit.SECONDS);
        return " It asks to wait " + RetryAfter.words(retryAfter) + ": retry after " + CLOCK_TIME.format(at) + ".";
    }

    private String authMessage(int status) {
        String where = endpoint.describe();
        if (!endpoint.keySet()) {
            return where + " wants an API key (HTTP " + status + "). Paste it into the API key field beside the base "
                    + "URL (kept in a file only you can read), or name an environment variable that holds it "
                    + "(--api-key-env VAR on the command line).";
        }
        String source = endpoint.apiKeyEnv() == null ? "the API key you configured"
                : "the key in the environment variable " + endpoint.apiKeyEnv();
        return where + " rejected the API key (HTTP " + status + "). Check " + source + ".";
    }

    private Failure unreachable(String what) {
        return Failure.of(FailureKind.UNREACHABLE, what + " " + endpoint.unreachableHint());
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Masks secrets in a server's text; see {@link SecretScrubber#scrub}. */
    public String clean(String text) {
        return SecretScrubber.scrub(text);
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
