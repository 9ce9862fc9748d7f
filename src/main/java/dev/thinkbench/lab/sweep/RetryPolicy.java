package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.FailureKind;

import java.time.Duration;

/**
 * When a failed call is tried again and after how long. Rate limits (429) and server errors (5xx: 503, 529) back off
 * exponentially ({@code base}, doubling, at most {@code max}), or as long as the server's Retry-After says (at most
 * {@code maxRetryAfter}); an endpoint that cannot be reached, times out, cuts its stream or crashes is retried at
 * once on another endpoint, or after a backoff on the same one. Other failures (bad request, authentication, unknown
 * model, unsupported budget) are final. At most {@code attempts} tries per call. Immutable.
 */
public record RetryPolicy(int attempts, Duration base, Duration max, Duration maxRetryAfter) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        if (base.isNegative() || max.compareTo(base) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("backoff durations must be positive and max at least base");
        }
    }

    /** 6 tries; 1 s doubling to 60 s; a Retry-After up to 5 minutes is honoured. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5));
    }

    /** How a failure of this kind is handled. */
    public enum Handling {
        /** Wait, then try again (on any endpoint, the same one preferred). */
        BACK_OFF,
        /** The endpoint is at fault: try another one at once, or back off when there is no other. */
        FAIL_OVER,
        /** Do not try again. */
        FINAL
    }

    public static Handling handling(FailureKind kind) {
        return switch (kind) {
            case RATE_LIMITED, SERVER_ERROR -> Handling.BACK_OFF;
            case UNREACHABLE, TIMEOUT, STREAM_CUT, ENGINE_CRASHED, MALFORMED_STREAM -> Handling.FAIL_OVER;
            // A filtered answer is the provider's judgement of the prompt, not a fault: asking again pays again.
            case AUTHENTICATION, MODEL_NOT_FOUND, BAD_REQUEST, UNSUPPORTED, CONTENT_FILTERED, UNKNOWN -> Handling.FINAL;
        };
    }

    /**
     * The wait before try number {@code attempt + 1} (attempt counts from 1): the server's Retry-After when given
     * (capped), else {@code base * 2^(attempt-1)} capped at {@code max}.
     */
    public Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
        }
        long factor = 1L << Math.min(30, Math.max(0, attempt - 1));
        Duration d = base.multipliedBy(factor);
        return d.compareTo(max) > 0 || d.isNegative() ? max : d;
    }
}
