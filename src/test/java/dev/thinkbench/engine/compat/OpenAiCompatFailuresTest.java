package dev.thinkbench.engine.compat;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.RunHandle;
import dev.thinkbench.testing.CollectingSink;
import dev.thinkbench.testing.OpenAiChatScript;
import dev.thinkbench.testing.OpenAiChatTestServer;
import dev.thinkbench.testing.ScriptedReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OpenAI-compatible adapter against a loopback server that misbehaves: one clear Failed event per fault. */
class OpenAiCompatFailuresTest {

    private static final String MODEL = "qwen3-8b";
    private static final Budget HIGH = new Budget.Effort(EffortLevel.HIGH);

    private OpenAiChatTestServer server;

    @BeforeEach
    void startServer() {
        server = OpenAiChatTestServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static OpenAiCompatEngine engine(URI base, String key, Duration timeout) {
        return new OpenAiCompatEngine(new EngineConfig("openai-compatible", base, key, timeout,
                key == null ? null : "DEEPSEEK_API_KEY"));
    }

    private static CollectingSink run(OpenAiCompatEngine engine, Budget budget) {
        CollectingSink sink = new CollectingSink();
        RunHandle handle = engine.start(new RunSpec("q", "", MODEL, budget, null), sink);
        sink.awaitEnd(handle);
        assertThat(sink.terminals()).hasSize(1);
        assertThat(sink.events().getLast()).isSameAs(sink.terminals().getFirst());
        return sink;
    }

    private CollectingSink run(Budget budget) {
        return run(engine(server.baseUrl(), null, Duration.ofSeconds(10)), budget);
    }

    @Test
    void unreachableServerNamesTheUrl() throws IOException {
        URI nowhere;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nowhere = URI.create("http://127.0.0.1:" + s.getLocalPort() + "/v1");
        }
        CollectingSink sink = run(engine(nowhere, null, Duration.ofSeconds(10)), HIGH);
        assertThat(sink.failureKind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(sink.failure().message()).contains(nowhere.toString()).contains("llama-server");
    }

    @Test
    void rejectedKeyNamesItsVariableButNeverTheKey() {
        server.requireApiKey("the-right-key");
        CollectingSink sink = run(engine(server.baseUrl(), "sk-wrong-secret", Duration.ofSeconds(10)), HIGH);
        assertThat(sink.failureKind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(sink.failure().message()).contains("401").contains("DEEPSEEK_API_KEY")
                .doesNotContain("sk-wrong-secret");
    }

    @Test
    void missingKeySaysHowToGiveOne() {
        server.requireApiKey("the-right-key");
        CollectingSink sink = run(HIGH);
        assertThat(sink.failureKind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(sink.failure().message()).contains("wants an API key").contains("--api-key-env");
    }

    @Test
    void unknownModelListsTheServersModels() {
        server.models("Qwen/QwQ-32B", "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B");
        server.script(ScriptedReply.status(404, "{\"error\":{\"message\":\"The model `" + MODEL + "` does not exist.\","
                + "\"type\":\"NotFoundError\",\"code\":404}}"));
        CollectingSink sink = run(HIGH);
        assertThat(sink.failureKind()).isEqualTo(FailureKind.MODEL_NOT_FOUND);
        assertThat(sink.failure().message()).contains("'" + MODEL + "'")
                .contains("Qwen/QwQ-32B, deepseek-ai/DeepSeek-R1-Distill-Qwen-7B");
    }

    @Test
    void modelNotExistAs400IsAlsoAnUnknownModel() {
        server.models("deepseek-chat", "deepseek-reasoner");
        server.script(ScriptedReply.status(400, "{\"error\":{\"message\":\"Model Not Exist\",\"type\":"
                + "\"invalid_request_error\"}}"));
        CollectingSink sink = run(HIGH);
        assertThat(sink.failureKind()).isEqualTo(FailureKind.MODEL_NOT_FOUND);
        assertThat(sink.failure().message()).contains("deepseek-chat, deepseek-reasoner");
    }

    @Test
    void badRequestKeepsTheServersMessage() {
        server.script(ScriptedReply.status(400, "{\"error\":{\"message\":\"reasoning_effort 'max' is not supported\","
                + "\"type\":\"invalid_request_error\"}}"));
        CollectingSink sink = run(new Budget.Effort(EffortLevel.MAX));
        assertThat(sink.failureKind()).isEqualTo(FailureKind.BAD_REQUEST);
        assertThat(sink.failure().message()).contains("400").contains("reasoning_effort 'max' is not supported");
    }

    @Test
    void wrongBaseUrlIsUnreachable() {
        CollectingSink sink = run(engine(URI.create(server.rootUrl() + "/api"), null, Duration.ofSeconds(10)), HIGH);
        assertThat(sink.failureKind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(sink.failure().message()).contains(server.rootUrl() + "/api").contains("base URL");
    }

    @Test
    void rateLimitAndServerError() {
        server.script(
                ScriptedReply.status(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}"),
                ScriptedReply.status(503, "{\"error\":{\"message\":\"Loading model\",\"type\":\"unavailable\"}}"));
        CollectingSink limited = run(HIGH);
        CollectingSink unavailable = run(HIGH);
        assertThat(limited.failureKind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(limited.failure().message()).contains("Rate limit reached");
        assertThat(unavailable.failureKind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(unavailable.failure().message()).contains("503").contains("Loading model");
    }

    @Test
    void streamWithoutFinishReasonOrDoneIsCut() {
        server.script(OpenAiChatScript.of(MODEL).reasoning("Let me", " see").content("The ans").build());
        CollectingSink sink = run(HIGH);
        assertThat(sink.failureKind()).isEqualTo(FailureKind.STREAM_CUT);
        assertThat(sink.thinking()).isEqualTo("Let me see");
        assertThat(sink.answer()).isEqualTo("The ans");
        assertThat(sink.ofType(ReasoningEvent.Finished.class)).isEmpty();
    }

    @Test
    void droppedConnectionIsCut() {
        server.script(OpenAiChatScript.of(MODEL).reasoning("Let me").abort());
        CollectingSink sink = run(HIGH);
        assertThat(sink.failureKind()).isEqualTo(FailureKind.STREAM_CUT);
        assertThat(sink.thinking()).isEqualTo("Let me");
    }

    @Test
    void malformedDataStopsTheRun() {
        server.script(OpenAiChatScript.of(MODEL).reasoning("ok").event("{\"choices\":[{\"delta\":").content("never")
                .finish("stop").done());
        CollectingSink sink = run(HIGH);
        assertThat(sink.failureKind()).isEqualTo(FailureKind.MALFORMED_STREAM);
        assertThat(sink.thinking()).isEqualTo("ok");
        assertThat(sink.answer()).isEmpty();
    }

    @Test
    void errorChunkInTheStreamFails() {
        server.script(OpenAiChatScript.of(MODEL).reasoning("hm").error("CUDA out of memory", "server_error", 500)
                .build());
        CollectingSink sink = run(HIGH);
        assertThat(sink.failureKind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(sink.failure().message()).contains("CUDA out of memory");
    }

    @Test
    void namedErrorEventFails() {
        server.script(OpenAiChatScript.of(MODEL).reasoning("hm")
                .raw("event: error\ndata: {\"message\":\"overloaded\"}\n\n").build());
        CollectingSink sink = run(HIGH);
        assertThat(sink.failureKind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(sink.failure().message()).contains("overloaded");
    }

    @Test
    void stalledStreamTimesOut() {
        server.script(OpenAiChatScript.of(MODEL).reasoning("Let me think").stall(Duration.ofSeconds(20)));
        CollectingSink sink = run(engine(server.baseUrl(), null, Duration.ofMillis(300)), HIGH);
        assertThat(sink.failureKind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(sink.thinking()).isEqualTo("Let me think");
    }

    @Test
    void cancelFromTwoThreadsEmitsOneCancelled() throws InterruptedException {
        server.script(OpenAiChatScript.of(MODEL).reasoning("first").stall(Duration.ofSeconds(20)));
        OpenAiCompatEngine engine = engine(server.baseUrl(), null, Duration.ofSeconds(30));
        CollectingSink sink = new CollectingSink();
        RunHandle handle = engine.start(new RunSpec("q", "", MODEL, HIGH, null), sink);
        sink.awaitFirst(ReasoningEvent.ThinkingDelta.class);

        Thread canceller = Thread.ofPlatform().start(handle::cancel);
        handle.cancel();
        canceller.join();
        sink.awaitEnd(handle);

        assertThat(sink.kinds()).containsExactly("Started", "ThinkingDelta", "Cancelled");
    }

    @Test
    void listingFailuresNameTheProblem() {
        server.requireApiKey("right");
        assertThatThrownBy(() -> engine(server.baseUrl(), "wrong", Duration.ofSeconds(5)).listModels())
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("DEEPSEEK_API_KEY").doesNotContain("wrong");
                });
        server.requireApiKey(null);
        server.modelsReply(ScriptedReply.status(200, "<html><title>Hotel Wi-Fi login</title>not an API</html>"));
        assertThatThrownBy(() -> engine(server.baseUrl(), null, Duration.ofSeconds(5)).listModels())
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
                    assertThat(e.getMessage()).contains("HTML page titled \u201cHotel Wi-Fi login\u201d");
                });
    }
}
