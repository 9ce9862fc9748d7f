package dev.thinkbench.engine.http;

import com.fasterxml.jackson.core.JsonParseException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.thinkbench.core.FailureKind;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureMapperTest {

    private static final String URL = "https://api.example.com/v1";
    private final FailureMapper withKey = new FailureMapper(
            new Endpoint("Server", URL, true, "EXAMPLE_KEY", "Is it running?"), "sk-secret-123");

    @Test
    void statusesMapToKinds() {
        assertThat(withKey.fromStatus(401, "{}").kind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(withKey.fromStatus(403, "{}").kind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(withKey.fromStatus(404, "{}").kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(withKey.fromStatus(404, "{\"error\":\"model 'x' not found\"}").kind())
                .isEqualTo(FailureKind.MODEL_NOT_FOUND);
        assertThat(withKey.fromStatus(408, "").kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(withKey.fromStatus(429, "").kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(withKey.fromStatus(422, "").kind()).isEqualTo(FailureKind.BAD_REQUEST);
        assertThat(withKey.fromStatus(529, "").kind()).isEqualTo(FailureKind.SERVER_ERROR);
    }

    @Test
    void authenticationNamesTheVariableNeverTheKeyNorTheServersEcho() {
        Failure f = withKey.fromStatus(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-secret-123\"}}");
        assertThat(f.message()).contains("EXAMPLE_KEY").contains(URL).doesNotContain("sk-secret");
    }

    @Test
    void serverTextIsCleanedOfTheKey() {
        Failure f = withKey.fromStatus(400, "{\"error\":\"bad header Bearer sk-secret-123\"}");
        assertThat(f.message()).contains("Bearer ***").doesNotContain("sk-secret");
        assertThat(f.serverMessage()).isNotNull();
    }

    @Test
    void langchainExceptionsAreUnwrappedToTheirHttpStatus() {
        Failure f = withKey.map(new InternalServerException(new HttpException(502, "{\"error\":\"bad gateway\"}")),
                true);
        assertThat(f.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(f.httpStatus()).isEqualTo(502);
        assertThat(f.message()).contains("502").contains("bad gateway");
    }

    @Test
    void transportErrorsDependOnWhetherTheStreamHadOpened() {
        assertThat(withKey.map(new IOException("EOF reached"), true).kind()).isEqualTo(FailureKind.STREAM_CUT);
        assertThat(withKey.map(new IOException("EOF reached"), false).kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(withKey.map(new RuntimeException(new ConnectException()), false).message())
                .contains("connection refused").contains("Is it running?");
        assertThat(withKey.map(new HttpConnectTimeoutException("t"), false).kind())
                .isEqualTo(FailureKind.UNREACHABLE);
        assertThat(withKey.map(new JsonParseException(null, "Unexpected character"), true).kind())
                .isEqualTo(FailureKind.MALFORMED_STREAM);
    }

    @Test
    void serverMessagesAreReadFromTheCommonShapes() {
        assertThat(ServerMessage.extract("{\"error\":\"model 'x' not found\"}")).isEqualTo("model 'x' not found");
        assertThat(ServerMessage.extract("{\"error\":{\"message\":\"Model Not Exist\"}}")).isEqualTo("Model Not Exist");
        assertThat(ServerMessage.extract("{\"detail\":\"Not Found\"}")).isEqualTo("Not Found");
        assertThat(ServerMessage.extract("404 page not found")).isEqualTo("404 page not found");
        assertThat(ServerMessage.extract("  ")).isNull();
        assertThat(ServerMessage.extract("x".repeat(1000))).hasSize(300);
    }

    @Test
    void onlyNotFoundAndModelComplaintsAreWorthAModelCheck() {
        assertThat(withKey.fromStatus(404, "").mayBeUnknownModel()).isTrue();
        assertThat(withKey.fromStatus(400, "{\"error\":\"Model Not Exist\"}").mayBeUnknownModel()).isTrue();
        assertThat(withKey.fromStatus(400, "{\"error\":\"temperature too high\"}").mayBeUnknownModel()).isFalse();
        assertThat(withKey.fromStatus(500, "{\"error\":\"model not found\"}").mayBeUnknownModel()).isFalse();
    }

    @Test
    void theKeyIsMaskedBeforeTheServersTextIsCut() {
        String body = "{\"error\":\"" + "x".repeat(290) + " Bearer sk-secret-123 and more\"}";
        Failure f = withKey.fromStatus(400, body);
        assertThat(f.message()).doesNotContain("sk-secret").doesNotContain("sk-secre").doesNotContain("sk-s");
        assertThat(f.serverMessage()).hasSizeLessThanOrEqualTo(ServerMessage.MAX_CHARS);
    }

    @Test
    void aRetryAfterBecomesAWaitAndAClockTime() {
        FailureMapper at = new FailureMapper(new Endpoint("Server", URL, true, null, "?"), null,
                Clock.fixed(Instant.parse("2026-12-02T14:00:00Z"), ZoneOffset.UTC));
        Failure f = at.fromStatus(429, "{\"error\":\"slow down\"}", "/v1/chat", Duration.ofSeconds(125));
        assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(125));
        assertThat(f.message()).contains("slow down").contains("wait 2 min 5 s").contains("retry after 14:02:05");
        assertThat(f.toException().retryAfter()).contains(Duration.ofSeconds(125));
        assertThat(at.fromStatus(529, "", null, null).message()).contains("overloaded (HTTP 529)")
                .contains("Wait a moment, then retry.");
    }

    @Test
    void htmlPagesAreNamedByTheirTitleNotDumped() {
        Failure f = withKey.fromStatus(502, "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
                + "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>");
        assertThat(f.message()).contains("HTTP 502").contains("an HTML page titled \u201c502 Bad Gateway\u201d")
                .doesNotContain("<center>");
        Failure portal = withKey.map(new NotAnEventStreamException("text/html", "Sign in to Hotel Wi-Fi"), false);
        assertThat(portal.kind()).isEqualTo(FailureKind.MALFORMED_STREAM);
        assertThat(portal.message()).contains("an HTML page titled \u201cSign in to Hotel Wi-Fi\u201d")
                .contains("captive portal");
    }

    @Test
    void anOverlongLineSaysSo() {
        Failure f = withKey.map(new java.io.IOException("wrapped",
                newLimit()), true);
        assertThat(f.kind()).isEqualTo(FailureKind.MALFORMED_STREAM);
        assertThat(f.message()).contains("a line over 8 MB");
    }

    private static Throwable newLimit() {
        try {
            BoundedBody body = new BoundedBody(new java.io.ByteArrayInputStream(new byte[(8 << 20) + 2]),
                    BoundedBody.Framing.LINES, null);
            body.readAllBytes();
            throw new AssertionError("no limit");
        } catch (java.io.IOException e) {
            return e;
        }
    }
}
