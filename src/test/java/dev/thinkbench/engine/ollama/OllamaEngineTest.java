package dev.thinkbench.engine.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.TokenCount;
import dev.thinkbench.core.Usage;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.RunHandle;
import dev.thinkbench.testing.CollectingSink;
import dev.thinkbench.testing.OllamaChatScript;
import dev.thinkbench.testing.OllamaChatTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Ollama adapter against a loopback server speaking Ollama's NDJSON chat stream: the happy paths. */
class OllamaEngineTest {

    private static final String MODEL = "qwen3:8b";

    private OllamaChatTestServer ollama;
    private OllamaEngine engine;

    @BeforeEach
    void startServer() {
        ollama = OllamaChatTestServer.start();
        engine = new OllamaEngine(new EngineConfig("ollama", ollama.baseUrl(), null, Duration.ofSeconds(10)));
    }

    @AfterEach
    void stopServer() {
        ollama.close();
    }

    private CollectingSink run(Budget budget, Sampling sampling) {
        CollectingSink sink = new CollectingSink();
        RunHandle handle = engine.start(new RunSpec("What is 6*7?", "Be brief.", MODEL, budget, sampling), sink);
        return sink.awaitEnd(handle);
    }

    @Test
    void streamsThinkingThenAnswerThenUsageThenFinished() {
        ollama.script(OllamaChatScript.of(MODEL).thinking("Six", " times", " seven").answer("4", "2")
                .done(21, 5, "stop"));

        CollectingSink sink = run(new Budget.Effort(EffortLevel.HIGH), Sampling.defaults());

        assertThat(sink.kinds()).containsExactly("Started", "ThinkingDelta", "ThinkingDelta", "ThinkingDelta",
                "AnswerDelta", "AnswerDelta", "UsageReported", "Finished");
        assertThat(sink.thinking()).isEqualTo("Six times seven");
        assertThat(sink.answer()).isEqualTo("42");
        assertThat(sink.ofType(ReasoningEvent.ThinkingDelta.class)).allMatch(d -> d.tokens() == 1);
        assertThat(sink.ofType(ReasoningEvent.UsageReported.class).getFirst().usage())
                .isEqualTo(new Usage(21, 5, null));
        assertThat(sink.ofType(ReasoningEvent.Finished.class).getFirst().reason())
                .isEqualTo(ReasoningEvent.StopReason.END_OF_TURN);
        assertThat(sink.ofType(ReasoningEvent.Started.class).getFirst().budgetSpec()).isEqualTo("effort:high");
    }

    @Test
    void recorderSplitsReportedOutputIntoCountedThinkingAndAnswer() {
        ollama.script(OllamaChatScript.of(MODEL).thinking("a", "b", "c").answer("d").done(7, 4, "stop"));
        RunRecorder recorder = new RunRecorder(engine.price(MODEL, PriceTable.empty()));
        RunHandle handle = engine.start(new RunSpec("q", "", MODEL, new Budget.Effort(EffortLevel.LOW), null),
                recorder::accept);
        new CollectingSink().awaitEnd(handle);

        var metrics = recorder.metrics(System.nanoTime());
        assertThat(metrics.promptTokens()).isEqualTo(TokenCount.reported(7));
        assertThat(metrics.thinkingTokens()).isEqualTo(TokenCount.counted(3));
        assertThat(metrics.answerTokens()).isEqualTo(TokenCount.counted(1));
        assertThat(metrics.cost().display()).isEqualTo("free");
        assertThat(recorder.trace().thinking()).isEqualTo("abc");
        assertThat(ollama.chatRequests().getFirst().json().path("messages")).hasSize(1);
    }

    @Test
    void lengthStopIsReported() {
        ollama.script(OllamaChatScript.of(MODEL).thinking("long").done(3, 1, "length"));
        CollectingSink sink = run(new Budget.Tokens(1), Sampling.defaults());
        assertThat(sink.ofType(ReasoningEvent.Finished.class).getFirst().reason())
                .isEqualTo(ReasoningEvent.StopReason.LENGTH);
    }

    @Test
    void thinkingOfALineComesBeforeItsAnswerText() {
        // langchain4j issue 6489: for a line with both fields it calls onPartialResponse first.
        ollama.script(OllamaChatScript.of(MODEL).thinking("So it is").both(" 42.", "The answer").answer(" is 42.")
                .done());

        CollectingSink sink = run(new Budget.Effort(EffortLevel.MEDIUM), Sampling.defaults());

        assertThat(sink.kinds()).containsExactly("Started", "ThinkingDelta", "ThinkingDelta", "AnswerDelta",
                "AnswerDelta", "UsageReported", "Finished");
        List<ReasoningEvent> deltas = sink.events().subList(1, 5);
        assertThat(deltas.get(1)).isInstanceOfSatisfying(ReasoningEvent.ThinkingDelta.class,
                d -> assertThat(d.text()).isEqualTo(" 42."));
        assertThat(deltas.get(2)).isInstanceOfSatisfying(ReasoningEvent.AnswerDelta.class,
                d -> assertThat(d.text()).isEqualTo("The answer"));
        assertThat(sink.thinking()).isEqualTo("So it is 42.");
        assertThat(sink.answer()).isEqualTo("The answer is 42.");
    }

    @Test
    void effortBudgetSendsThinkTrueAndNoCap() {
        ollama.script(OllamaChatScript.of(MODEL).answer("ok").done());
        run(new Budget.Effort(EffortLevel.HIGH), new Sampling(0.6, 0.9, 1234L, null));

        JsonNode body = ollama.chatRequests().getFirst().json();
        assertThat(body.path("model").asText()).isEqualTo(MODEL);
        assertThat(body.path("think").asBoolean()).isTrue();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("options").has("num_predict")).isFalse();
        assertThat(body.path("options").path("seed").asInt()).isEqualTo(1234);
        assertThat(body.path("options").path("temperature").asDouble()).isEqualTo(0.6);
        assertThat(body.path("options").path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Be brief.");
        assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("What is 6*7?");
    }

    @Test
    void noneBudgetSendsThinkFalseWithTheAnswerCap() {
        ollama.script(OllamaChatScript.of(MODEL).answer("42").done());
        run(new Budget.None(), new Sampling(null, null, 7L, 256));

        JsonNode body = ollama.chatRequests().getFirst().json();
        assertThat(body.path("think").isBoolean()).isTrue();
        assertThat(body.path("think").asBoolean()).isFalse();
        assertThat(body.path("options").path("num_predict").asInt()).isEqualTo(256);
        assertThat(body.path("options").path("seed").asInt()).isEqualTo(7);
    }

    @Test
    void tokenBudgetSendsThinkTrueAndNumPredict() {
        ollama.script(OllamaChatScript.of(MODEL).thinking("hm").answer("42").done());
        run(BudgetSpec.parse("tokens:512"), new Sampling(null, null, null, 100));

        JsonNode body = ollama.chatRequests().getFirst().json();
        assertThat(body.path("think").asBoolean()).isTrue();
        assertThat(body.path("options").path("num_predict").asInt()).isEqualTo(512);
    }

    @Test
    void describeSaysWhatEachBudgetSendsAndMeans() {
        assertThat(engine.describe(new Budget.None())).startsWith("think=false");
        assertThat(engine.describe(new Budget.Effort(EffortLevel.HIGH))).startsWith("think=true")
                .contains("'high' is not sent");
        assertThat(engine.describe(new Budget.Tokens(4096))).startsWith("think=true, num_predict=4096")
                .contains("thinking and answer together");
        assertThat(engine.describe(BudgetSpec.parse("force:max=100"))).startsWith("not supported");
    }

    @Test
    void declaresCapabilitiesAndIsFree() {
        assertThat(engine.capabilities().whyUnsupported(new Budget.Effort(EffortLevel.LOW))).isNull();
        assertThat(engine.capabilities().whyUnsupported(new Budget.Tokens(10))).isNull();
        assertThat(engine.capabilities().whyUnsupported(BudgetSpec.parse("force:max=100"))).isNotNull();
        assertThat(engine.capabilities().visibleThinking()).isTrue();
        assertThat(engine.capabilities().reportsThinkingTokens()).isFalse();
        assertThat(engine.price(MODEL, PriceTable.empty()).outputPerMillion()).isZero();
        assertThat(engine.displayName()).isEqualTo("Ollama at " + ollama.baseUrl());
        assertThat(engine.id()).isEqualTo("ollama");
    }

    @Test
    void listsModelsFromTags() throws Exception {
        ollama.models("qwen3:8b", "deepseek-r1:7b");
        assertThat(engine.listModels()).containsExactly(
                new ModelInfo("qwen3:8b", "qwen3 \u00b7 8.2B \u00b7 Q4_K_M"),
                new ModelInfo("deepseek-r1:7b", "qwen3 \u00b7 8.2B \u00b7 Q4_K_M"));
    }

    @Test
    void concurrentRunsAreIndependent() {
        ollama.respond(r -> r.json().path("think").asBoolean()
                ? OllamaChatScript.of(MODEL).pause(30).thinking("deep").answer("thought").done()
                : OllamaChatScript.of(MODEL).answer("quick").error("runner crashed").build());
        CollectingSink thinking = new CollectingSink();
        CollectingSink quick = new CollectingSink();
        RunHandle a = engine.start(new RunSpec("q", "", MODEL, new Budget.Effort(EffortLevel.HIGH), null), thinking);
        RunHandle b = engine.start(new RunSpec("q", "", MODEL, new Budget.None(), null), quick);
        thinking.awaitEnd(a);
        quick.awaitEnd(b);

        assertThat(thinking.terminals()).singleElement().isInstanceOf(ReasoningEvent.Finished.class);
        assertThat(thinking.answer()).isEqualTo("thought");
        assertThat(quick.terminals()).singleElement().isInstanceOf(ReasoningEvent.Failed.class);
        assertThat(quick.answer()).isEqualTo("quick");
        assertThat(quick.failure().message()).contains("runner crashed");
    }
}
