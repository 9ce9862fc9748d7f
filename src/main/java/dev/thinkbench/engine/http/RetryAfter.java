package dev.thinkbench.engine.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A server's {@code Retry-After} header (RFC 9110): a number of seconds, or an HTTP date; or, where a server says it
 * in its error body instead ({@link #fromBody}), that. What a 429, 503 or 529 answer asks the client to wait before
 * the next try. Stateless; any thread.
 */
public final class RetryAfter {

    /** Waits up to this long are taken by retrying once; longer ones are reported with the time to retry. */
    public static final Duration AUTO_RETRY_LIMIT = Duration.ofSeconds(30);

    private RetryAfter() {
    }

    /** The wait the header asks for (never negative), or empty when the header is missing or unreadable. */
    public static Optional<Duration> parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.min(seconds, 86_400 * 7)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** Google's {@code RetryInfo} detail in an error body: {@code "retryDelay": "37s"} (a protobuf Duration). */
    private static final java.util.regex.Pattern RETRY_DELAY =
            java.util.regex.Pattern.compile("\"retryDelay\"\\s*:\\s*\"(\\d{1,9})(?:\\.(\\d{1,9}))?s\"");

    /**
     * The wait an error body asks for where the server says it there instead of in a header: Google's APIs (Gemini)
     * answer a 429 with a {@code google.rpc.RetryInfo} detail, {@code "retryDelay": "37s"}, and no {@code Retry-After}.
     * Empty when the body has none.
     */
    public static Optional<Duration> fromBody(String body) {
        if (body == null) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = RETRY_DELAY.matcher(body);
        if (!m.find()) {
            return Optional.empty();
        }
        long seconds = Math.min(Long.parseLong(m.group(1)), 86_400 * 7);
        long nanos = m.group(2) == null ? 0 : Long.parseLong((m.group(2) + "000000000").substring(0, 9));
        return Optional.of(Duration.ofSeconds(seconds, nanos));
    }

    /** Whether an answer with this status may be retried after its {@code Retry-After}. */
    public static boolean retryable(int status) {
        return status == 429 || status == 503 || status == 529;
    }

    /** A wait for people: {@code 12 s}, {@code 2 min 5 s}, {@code 1 h 3 min}. */
    public static String words(Duration wait) {
        long s = Math.max(0, (wait.toMillis() + 999) / 1000);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
    }
}
