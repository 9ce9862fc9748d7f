package dev.thinkbench.engine.ollama;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.RunHandle;
import dev.thinkbench.testing.CollectingSink;
import dev.thinkbench.testing.OllamaChatScript;
import dev.thinkbench.testing.OllamaChatTestServer;
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

/** The Ollama adapter against a loopback server that misbehaves: every fault ends in one clear Failed event. */
class OllamaFailuresTest {

    private static final String MODEL = "qwen3:8b";

    private OllamaChatTestServer ollama;

    @BeforeEach
    void startServer() {
        ollama = OllamaChatTestServer.start();
    }

    @AfterEach
    void stopServer() {
        ollama.close();
    }

    private OllamaEngine engine(URI base, Duration timeout) {
        return new OllamaEngine(new EngineConfig("ollama", base, null, timeout));
    }

    private CollectingSink run(OllamaEngine engine, Budget budget) {
        CollectingSink sink = new CollectingSink();
        RunHandle handle = engine.start(new RunSpec("q", "", MODEL, budget, null), sink);
        sink.awaitEnd(handle);
        assertThat(sink.terminals()).hasSize(1);
        assertThat(sink.events().getLast()).isSameAs(sink.terminals().getFirst());
        assertThat(sink.kinds().getFirst()).isEqualTo("Started");
        return sink;
    }

    private CollectingSink run(Budget budget) {
        return run(engine(ollama.baseUrl(), Duration.ofSeconds(10)), budget);
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }

    @Test
    void unreachableServerNamesTheUrl() throws IOException {
        URI nowhere = closedPort();
        CollectingSink sink = run(engine(nowhere, Duration.ofSeconds(10)), new Budget.None());
        assertThat(sink.failureKind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(sink.failure().message()).contains(nowhere.toString()).contains("ollama serve");
    }

    @Test
    void unknownModelListsTheModelsTheServerHas() {
        ollama.models("llama3.2:3b", "deepseek-r1:7b");
        ollama.script(ScriptedReply.status(404, "{\"error\":\"model '" + MODEL + "' not found\"}"));

        CollectingSink sink = run(new Budget.Effort(EffortLevel.HIGH));

        assertThat(sink.failureKind()).isEqualTo(FailureKind.MODEL_NOT_FOUND);
        assertThat(sink.failure().message()).contains("'" + MODEL + "'").contains("llama3.2:3b, deepseek-r1:7b")
                .contains("ollama pull " + MODEL);
    }

    @Test
    void wrongBaseUrlIsReportedAsUnreachableWithTheUrl() {
        URI wrong = URI.create(ollama.baseUrl() + "/not-ollama");
        CollectingSink sink = run(engine(wrong, Duration.ofSeconds(10)), new Budget.None());
        assertThat(sink.failureKind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(sink.failure().message()).contains(wrong.toString()).contains("base URL");
    }

    @Test
    void modelThatCannotThinkSaysToUseNone() {
        ollama.script(ScriptedReply.status(400, "{\"error\":\"\\\"llama3.2:3b\\\" does not support thinking\"}"));
        CollectingSink sink = run(new Budget.Effort(EffortLevel.HIGH));
        assertThat(sink.failureKind()).isEqualTo(FailureKind.UNSUPPORTED);
        assertThat(sink.failure().message()).contains("does not support thinking").contains("'none'");
    }

    @Test
    void rateLimitAndServerErrorsKeepTheServersWords() {
        ollama.script(ScriptedReply.status(429, "{\"error\":\"too many requests\"}"),
                ScriptedReply.status(500, "{\"error\":\"llama runner process has terminated\"}"));

        CollectingSink limited = run(new Budget.None());
        CollectingSink broken = run(new Budget.None());

        assertThat(limited.failureKind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(limited.failure().message()).contains("429").contains("too many requests");
        assertThat(broken.failureKind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(broken.failure().message()).contains("500").contains("llama runner process has terminated");
    }

    @Test
    void streamEndingWithoutDoneIsCutAndKeepsThePartialText() {
        ollama.script(OllamaChatScript.of(MODEL).thinking("Let me", " see").answer("The ans").build());
        CollectingSink sink = run(new Budget.Effort(EffortLevel.LOW));
        assertThat(sink.failureKind()).isEqualTo(FailureKind.STREAM_CUT);
        assertThat(sink.thinking()).isEqualTo("Let me see");
        assertThat(sink.answer()).isEqualTo("The ans");
        assertThat(sink.failure().message()).contains("ended before the server said it was done");
    }

    @Test
    void droppedConnectionIsCut() {
        ollama.script(OllamaChatScript.of(MODEL).thinking("Let me").abort());
        CollectingSink sink = run(new Budget.Effort(EffortLevel.LOW));
        assertThat(sink.failureKind()).isEqualTo(FailureKind.STREAM_CUT);
        assertThat(sink.thinking()).isEqualTo("Let me");
    }

    @Test
    void malformedLineStopsTheRun() {
        ollama.script(OllamaChatScript.of(MODEL).thinking("ok").raw("{\"model\":\"qwen3\", \"message\": {oops\n")
                .answer("never").done());
        CollectingSink sink = run(new Budget.Effort(EffortLevel.LOW));
        assertThat(sink.failureKind()).isEqualTo(FailureKind.MALFORMED_STREAM);
        assertThat(sink.failure().message()).contains("does not parse").contains("oops");
        assertThat(sink.thinking()).isEqualTo("ok");
        assertThat(sink.answer()).isEmpty();
    }

    @Test
    void errorLineInTheStreamFailsWithItsMessage() {
        ollama.script(OllamaChatScript.of(MODEL).thinking("hm")
                .error("an error was encountered while running the model").build());
        CollectingSink sink = run(new Budget.Effort(EffortLevel.LOW));
        assertThat(sink.failureKind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(sink.failure().message()).contains("an error was encountered while running the model");
    }

    @Test
    void stalledStreamTimesOutKeepingWhatArrived() {
        ollama.script(OllamaChatScript.of(MODEL).thinking("Let me think").stall(Duration.ofSeconds(20)));
        CollectingSink sink = run(engine(ollama.baseUrl(), Duration.ofMillis(300)), new Budget.Effort(EffortLevel.LOW));
        assertThat(sink.failureKind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(sink.failure().message()).contains("300 ms");
        assertThat(sink.thinking()).isEqualTo("Let me think");
    }

    @Test
    void serverThatNeverAnswersTimesOut() {
        ollama.script(OllamaChatScript.of(MODEL).answer("late").headersAfter(Duration.ofSeconds(20)).done());
        CollectingSink sink = run(engine(ollama.baseUrl(), Duration.ofMillis(300)), new Budget.None());
        assertThat(sink.failureKind()).isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void cancelMidStreamEmitsCancelledAndKeepsTheText() {
        ollama.script(OllamaChatScript.of(MODEL).thinking("first").stall(Duration.ofSeconds(20)));
        OllamaEngine engine = engine(ollama.baseUrl(), Duration.ofSeconds(30));
        CollectingSink sink = new CollectingSink();
        RunHandle handle = engine.start(new RunSpec("q", "", MODEL, new Budget.Effort(EffortLevel.LOW), null), sink);
        sink.awaitFirst(ReasoningEvent.ThinkingDelta.class);

        handle.cancel();
        handle.cancel();
        sink.awaitEnd(handle);

        assertThat(sink.kinds()).containsExactly("Started", "ThinkingDelta", "Cancelled");
        assertThat(sink.thinking()).isEqualTo("first");
    }

    @Test
    void cancelBeforeTheServerAnswersEndsTheRun() {
        ollama.script(OllamaChatScript.of(MODEL).answer("late").headersAfter(Duration.ofSeconds(20)).done());
        OllamaEngine engine = engine(ollama.baseUrl(), Duration.ofSeconds(30));
        CollectingSink sink = new CollectingSink();
        RunHandle handle = engine.start(new RunSpec("q", "", MODEL, new Budget.None(), null), sink);

        handle.cancel();
        sink.awaitEnd(handle);

        assertThat(sink.kinds()).containsExactly("Started", "Cancelled");
    }

    @Test
    void forcingBudgetFailsAsUnsupportedWithoutARequest() {
        CollectingSink sink = run(BudgetSpec.parse("force:min=10,max=100,waits=1"));
        assertThat(sink.failureKind()).isEqualTo(FailureKind.UNSUPPORTED);
        assertThat(sink.failure().message()).contains("raw-continuation");
        assertThat(ollama.chatRequests()).isEmpty();
    }

    @Test
    void listingFailuresAreEngineExceptionsWithAKind() throws IOException {
        URI nowhere = closedPort();
        assertThatThrownBy(() -> engine(nowhere, Duration.ofSeconds(5)).listModels())
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
                    assertThat(e.getMessage()).contains(nowhere.toString());
                });
        ollama.tagsReply(ScriptedReply.status(500, "{\"error\":\"disk full\"}"));
        assertThatThrownBy(() -> engine(ollama.baseUrl(), Duration.ofSeconds(5)).listModels())
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.SERVER_ERROR);
                    assertThat(e.getMessage()).contains("disk full");
                });
    }

    @Test
    void badBaseUrlIsRejectedWhenTheEngineIsCreated() {
        assertThatThrownBy(() -> engine(URI.create("ftp://127.0.0.1:11434"), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://");
    }
}
