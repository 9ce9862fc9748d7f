package dev.thinkbench.engine.http;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wait a rate-limited answer asks for: from {@code Retry-After}, or, where Gemini says it only in its error body
 * ({@code RetryInfo.retryDelay}), from there (a provider trial: "wait a moment" with no time, and no retry).
 */
class RetryAfterTest {

    /** Gemini's 429, as its API documents the error (google.rpc.Status with a RetryInfo detail). */
    private static final String GEMINI_429 = """
            {"error": {"code": 429, "message": "You exceeded your current quota.", "status": "RESOURCE_EXHAUSTED",
              "details": [{"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": []},
                          {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "37s"}]}}""";

    @Test
    void aRetryDelayInTheBodyIsTheWait() {
        assertThat(RetryAfter.fromBody(GEMINI_429)).contains(Duration.ofSeconds(37));
        assertThat(RetryAfter.fromBody("{\"retryDelay\": \"0.5s\"}")).contains(Duration.ofMillis(500));
        assertThat(RetryAfter.fromBody("{\"retryDelay\":\"12.000000001s\"}")).contains(Duration.ofSeconds(12, 1));
        assertThat(RetryAfter.fromBody("{\"error\": \"slow down\"}")).isEmpty();
        assertThat(RetryAfter.fromBody(null)).isEmpty();
    }

    @Test
    void theHeaderWinsAndABodyCountsOnlyForARetryableStatus() {
        HttpHeaders none = HttpHeaders.of(Map.of(), (a, b) -> true);
        HttpHeaders header = HttpHeaders.of(Map.of("Retry-After", List.of("5")), (a, b) -> true);

        assertThat(new HttpStatusException(429, GEMINI_429, "/v1beta", none, Clock.systemUTC()).retryAfter())
                .contains(Duration.ofSeconds(37));
        assertThat(new HttpStatusException(429, GEMINI_429, "/v1beta", header, Clock.systemUTC()).retryAfter())
                .contains(Duration.ofSeconds(5));
        assertThat(new HttpStatusException(400, GEMINI_429, "/v1beta", none, Clock.systemUTC()).retryAfter())
                .isEmpty();
    }
}
