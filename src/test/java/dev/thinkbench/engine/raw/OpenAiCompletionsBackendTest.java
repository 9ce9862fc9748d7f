package dev.thinkbench.engine.raw;

import dev.thinkbench.engine.RawBackendSpec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.testing.OpenAiCompletionsTestServer;
import dev.thinkbench.testing.ScriptStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiCompletionsBackendTest {

    private final OpenAiCompletionsTestServer server = new OpenAiCompletionsTestServer().requireKey("sk-secret-1");

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAiCompletionsBackend backend(String base, String key) {
        return new OpenAiCompletionsBackend(new RawBackendSpec(URI.create(base), key, "sim-model",
                Duration.ofSeconds(5)));
    }

    @Test
    void alwaysSendsMaxTokensStopAndUsageAndReadsTheStopReason() throws Exception {
        server.then(ScriptStep.reply("I", " think", "</think>", "x"));
        Collected seen = new Collected();

        CompletionResult r = backend(server.baseUrl() + "/v1", "sk-secret-1").complete(
                new CompletionRequest("P", 100, List.of("</think>"), null, true), seen, new CancelToken());

        JsonNode body = server.bodies("/v1/completions").getFirst();
        assertThat(body.path("model").asText()).isEqualTo("sim-model");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(100);
        assertThat(body.path("stop").get(0).asText()).isEqualTo("</think>");
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(server.requests().getFirst().authorization()).isEqualTo("Bearer sk-secret-1");
        assertThat(r.text()).isEqualTo("I think");
        assertThat(r.stop()).isEqualTo(CompletionResult.Stop.STOP_STRING);
        assertThat(r.stoppingWord()).isEqualTo("</think>");
        assertThat(r.tokens()).isEqualTo(3);
        assertThat(r.promptTokens()).isEqualTo(1);
        assertThat(r.promptTokensEvaluated()).isEqualTo(1);
    }

    @Test
    void aStreamWithoutUsageLeavesTheCountsUnknown() throws Exception {
        server.withoutUsage().then(ScriptStep.reply("I", " think", "</think>", "x"));

        CompletionResult r = backend(server.baseUrl() + "/v1", "sk-secret-1").complete(
                new CompletionRequest("P", 100, List.of("</think>"), null, true), new Collected(), new CancelToken());

        assertThat(r.text()).isEqualTo("I think");
        assertThat(r.tokens()).isEqualTo(2); // counted from the stream
        assertThat(r.promptTokens()).isNull();
        assertThat(r.promptTokensEvaluated()).isNull();
    }

    @Test
    void aBaseUrlWithoutV1WorksAndTheCapIsLength() throws Exception {
        server.then(ScriptStep.endless(40));

        CompletionResult r = backend(server.baseUrl().toString(), "sk-secret-1").complete(
                new CompletionRequest("P", 5, List.of(), null, true), new Collected(), new CancelToken());

        assertThat(r.stop()).isEqualTo(CompletionResult.Stop.LENGTH);
        assertThat(r.tokens()).isEqualTo(5);
        assertThat(backend(server.baseUrl().toString(), "sk-secret-1").listModels())
                .extracting(m -> m.name()).containsExactly("sim-model");
    }

    @Test
    void aWrongKeyIsAnAuthenticationFailureThatNeverShowsTheKey() {
        assertThatThrownBy(() -> backend(server.baseUrl() + "/v1", "sk-wrong-2").complete(
                new CompletionRequest("P", 5, List.of(), null, true), new Collected(), new CancelToken()))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(FailureKind.AUTHENTICATION))
                .hasMessageContaining("HTTP 401").hasMessageContaining("rejected the API key")
                .hasMessageNotContaining("sk-wrong-2");
        assertThat(backend(server.baseUrl() + "/v1", "sk-wrong-2").toString()).doesNotContain("sk-wrong-2");
    }

    @Test
    void rateLimitsAreTold() {
        server.then(new ScriptStep.Status(429, "{\"error\":{\"message\":\"slow down\"}}"));
        assertThatThrownBy(() -> backend(server.baseUrl() + "/v1", "sk-secret-1").complete(
                new CompletionRequest("P", 5, List.of(), null, true), new Collected(), new CancelToken()))
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(FailureKind.RATE_LIMITED))
                .hasMessageContaining("slow down");
    }
}
