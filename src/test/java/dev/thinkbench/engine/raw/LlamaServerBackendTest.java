package dev.thinkbench.engine.raw;

import dev.thinkbench.engine.RawBackendSpec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.testing.LlamaServerTestServer;
import dev.thinkbench.testing.ScriptStep;
import dev.thinkbench.testing.SimulatedModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlamaServerBackendTest {

    private final LlamaServerTestServer server = new LlamaServerTestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private LlamaServerBackend backend(Duration timeout) {
        return new LlamaServerBackend(new RawBackendSpec(server.baseUrl(), null, "sim", timeout));
    }

    private static CompletionRequest request(String prompt, int max, String... stop) {
        return new CompletionRequest(prompt, max, List.of(stop), new Sampling(0.0, null, 7L, null), true);
    }

    @Test
    void sendsTheNativeCompletionFieldsAndStopsOnTheWord() throws Exception {
        server.then(ScriptStep.reply("Two", " r", "'s", ".", "</think>", "\n", "2"));
        Collected seen = new Collected();

        CompletionResult r = backend(Duration.ofSeconds(5)).complete(request("Q:", 50, "</think>"), seen,
                new CancelToken());

        JsonNode body = server.bodies("/completion").getFirst();
        assertThat(body.path("prompt").asText()).isEqualTo("Q:");
        assertThat(body.path("n_predict").asInt()).isEqualTo(50);
        assertThat(body.path("stop").get(0).asText()).isEqualTo("</think>");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("cache_prompt").asBoolean()).isTrue();
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.0);
        assertThat(body.path("seed").asLong()).isEqualTo(7L);
        assertThat(r.text()).isEqualTo("Two r's.").isEqualTo(seen.text());
        assertThat(r.stop()).isEqualTo(CompletionResult.Stop.STOP_STRING);
        assertThat(r.stoppingWord()).isEqualTo("</think>");
        assertThat(r.tokens()).isEqualTo(5);
        assertThat(seen.tokens).as("the stop word's token is counted, its text is not").isEqualTo(5);
    }

    @Test
    void reportsTheCapAndTheEndOfSequence() throws Exception {
        server.then(ScriptStep.endless(30), ScriptStep.reply(" done"));
        LlamaServerBackend b = backend(Duration.ofSeconds(5));

        CompletionResult capped = b.complete(request("Q:", 8), new Collected(), new CancelToken());
        CompletionResult eos = b.complete(request("Q:", 8), new Collected(), new CancelToken());

        assertThat(capped.stop()).isEqualTo(CompletionResult.Stop.LENGTH);
        assertThat(capped.tokens()).isEqualTo(8);
        assertThat(eos.stop()).isEqualTo(CompletionResult.Stop.EOS);
        assertThat(eos.text()).isEqualTo(" done");
    }

    @Test
    void promptCacheMeansOnlyTheNewTokensAreEvaluatedWhileThePromptSizeIsTheWholePrompt() throws Exception {
        server.then(ScriptStep.reply(" one", " two", " three"), ScriptStep.reply(" four"));
        LlamaServerBackend b = backend(Duration.ofSeconds(5));

        CompletionResult first = b.complete(request("Count with me:", 10), new Collected(), new CancelToken());
        String longer = "Count with me:" + first.text() + " Wait";
        CompletionResult second = b.complete(request(longer, 10), new Collected(), new CancelToken());

        assertThat(first.promptTokensEvaluated()).isEqualTo(4);
        assertThat(second.promptTokensEvaluated()).isEqualTo(1);
        assertThat(first.promptTokens()).isEqualTo(4);
        assertThat(second.promptTokens()).isEqualTo(SimulatedModel.countTokens(longer)).isGreaterThan(4);
    }

    @Test
    void cancelEndsAStalledStreamPromptlyAndKeepsTheText() throws Exception {
        server.then(new ScriptStep.Stall(List.of("Hmm", ",")));
        CancelToken cancel = new CancelToken();
        Collected seen = new Collected();
        CompletableFuture<CompletionResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return backend(Duration.ofSeconds(30)).complete(request("Q:", 50), seen, cancel);
            } catch (EngineException e) {
                throw new IllegalStateException(e);
            }
        });
        while (seen.pieces.size() < 2) {
            Thread.onSpinWait();
        }
        cancel.cancel();

        CompletionResult r = run.get(3, TimeUnit.SECONDS);
        assertThat(r.stop()).isEqualTo(CompletionResult.Stop.CANCELLED);
        assertThat(r.text()).isEqualTo("Hmm,");
    }

    @Test
    void silenceBeyondTheTimeoutFailsAsTimeout() {
        server.then(new ScriptStep.Stall(List.of("a")));
        assertThatThrownBy(() -> backend(Duration.ofMillis(300)).complete(request("Q:", 5), new Collected(),
                new CancelToken()))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(FailureKind.TIMEOUT))
                .hasMessageContaining("sent nothing");
    }

    @Test
    void aCutStreamAndAMalformedLineAreTold() {
        server.then(new ScriptStep.Cut(List.of("a", "b")), new ScriptStep.Malformed(List.of("a")));
        LlamaServerBackend b = backend(Duration.ofSeconds(5));
        Collected seen = new Collected();

        assertThatThrownBy(() -> b.complete(request("Q:", 5), seen, new CancelToken()))
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(FailureKind.STREAM_CUT));
        assertThat(seen.text()).isEqualTo("ab");
        assertThatThrownBy(() -> b.complete(request("Q:", 5), new Collected(), new CancelToken()))
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(FailureKind.MALFORMED_STREAM))
                .hasMessageContaining("a line that does not parse ({not json)");
    }

    @Test
    void httpFailuresBecomeKindsWithTheServersWords() {
        server.then(new ScriptStep.Status(503, "{\"error\":{\"code\":503,\"message\":\"Loading model\"}}"));
        assertThatThrownBy(() -> backend(Duration.ofSeconds(5)).complete(request("Q:", 5), new Collected(),
                new CancelToken()))
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(FailureKind.SERVER_ERROR))
                .hasMessageContaining("HTTP 503").hasMessageContaining("Loading model");

        LlamaServerBackend wrongPath = new LlamaServerBackend(new RawBackendSpec(
                URI.create(server.baseUrl() + "/api"), null, "sim", Duration.ofSeconds(5)));
        assertThatThrownBy(() -> wrongPath.complete(request("Q:", 5), new Collected(), new CancelToken()))
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(FailureKind.UNREACHABLE))
                .hasMessageContaining("has no /api/completion (HTTP 404)").hasMessageContaining("base URL");
    }

    @Test
    void theBaseUrlOfTheServersOpenAiRoutesReachesItsOwnEndpoints() throws Exception {
        // the URL people paste from their OpenAI-compatible setup: http://host:8080/v1 (or /v1/)
        server.then(ScriptStep.reply("4", "2"));
        for (String typed : List.of("/v1", "/v1/")) {
            LlamaServerBackend b = new LlamaServerBackend(new RawBackendSpec(URI.create(server.baseUrl() + typed),
                    null, "sim", Duration.ofSeconds(5)));
            assertThat(b.listModels()).extracting(m -> m.name()).containsExactly("sim.gguf");
        }
        LlamaServerBackend b = new LlamaServerBackend(new RawBackendSpec(URI.create(server.baseUrl() + "/v1"),
                null, "sim", Duration.ofSeconds(5)));
        assertThat(b.complete(request("Q:", 5), new Collected(), new CancelToken()).stop())
                .isEqualTo(CompletionResult.Stop.EOS);
    }

    @Test
    void aServerThatIsNotThereIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LlamaServerBackend b = new LlamaServerBackend(new RawBackendSpec(URI.create("http://127.0.0.1:" + port),
                null, "sim", Duration.ofSeconds(5)));
        assertThatThrownBy(() -> b.complete(request("Q:", 5), new Collected(), new CancelToken()))
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(FailureKind.UNREACHABLE))
                .hasMessageContaining("Cannot reach llama-server at http://127.0.0.1:" + port);
    }

    @Test
    void readsTheModelsTemplateCountsTokensAndListsModels() throws Exception {
        server.withChatTemplate("{{ messages[0].content }}");
        LlamaServerBackend b = backend(Duration.ofSeconds(5));

        assertThat(b.chatTemplate()).contains("{{ messages[0].content }}");
        assertThat(b.countTokens("Wait, two r's")).isEqualTo(6);
        assertThat(b.listModels()).extracting(m -> m.name()).containsExactly("sim.gguf");
    }
}
