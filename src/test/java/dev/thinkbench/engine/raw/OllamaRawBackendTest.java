package dev.thinkbench.engine.raw;

import dev.thinkbench.engine.RawBackendSpec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.testing.OllamaTestServer;
import dev.thinkbench.testing.ScriptStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OllamaRawBackendTest {

    private final OllamaTestServer server = new OllamaTestServer("deepseek-r1:1.5b");

    @AfterEach
    void stop() {
        server.close();
    }

    private OllamaRawBackend backend(String model) {
        return new OllamaRawBackend(new RawBackendSpec(server.baseUrl(), null, model, Duration.ofSeconds(5)));
    }

    @Test
    void sendsARawPromptWithNumPredictAndStopAndReadsNdjson() throws Exception {
        server.then(ScriptStep.reply("So", " 3", ".", "</think>", "!"), ScriptStep.endless(20));
        Collected seen = new Collected();

        CompletionResult r = backend("deepseek-r1:1.5b").complete(
                new CompletionRequest("<think>\n", 64, List.of("</think>"), null, true), seen, new CancelToken());
        CompletionResult capped = backend("deepseek-r1:1.5b").complete(
                new CompletionRequest("<think>\n", 4, List.of("</think>"), null, true), seen, new CancelToken());

        JsonNode body = server.bodies("/api/generate").getFirst();
        assertThat(body.path("raw").asBoolean()).isTrue();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("options").path("num_predict").asInt()).isEqualTo(64);
        assertThat(body.path("options").path("stop").get(0).asText()).isEqualTo("</think>");
        assertThat(r.text()).isEqualTo("So 3.");
        assertThat(r.stop()).isEqualTo(CompletionResult.Stop.STOP_STRING);
        assertThat(r.tokens()).isEqualTo(4);
        assertThat(r.promptTokens()).isEqualTo(4);
        assertThat(r.promptTokensEvaluated()).isEqualTo(4);
        assertThat(capped.stop()).isEqualTo(CompletionResult.Stop.LENGTH);
        assertThat(capped.tokens()).isEqualTo(4);
        assertThat(capped.promptTokens()).as("prompt_eval_count is the whole prompt, cached or not").isEqualTo(4);
        assertThat(capped.promptTokensEvaluated()).as("less prompt_eval_cached_count").isEqualTo(1);
    }

    @Test
    void anUnknownModelIsModelNotFound() {
        assertThatThrownBy(() -> backend("qwq").complete(new CompletionRequest("x", 4, List.of(), null, true),
                new Collected(), new CancelToken()))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(FailureKind.MODEL_NOT_FOUND))
                .hasMessageContaining("model 'qwq' not found");
    }

    @Test
    void listsPulledModels() throws Exception {
        assertThat(backend("x").listModels()).singleElement()
                .satisfies(m -> assertThat(m.detail()).contains("1.5B"));
    }
}
