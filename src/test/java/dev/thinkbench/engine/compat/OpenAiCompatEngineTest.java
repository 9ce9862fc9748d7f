package dev.thinkbench.engine.compat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.EffortLevel;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.TokenCount;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.RunHandle;
import dev.thinkbench.testing.CollectingSink;
import dev.thinkbench.testing.OpenAiChatScript;
import dev.thinkbench.testing.OpenAiChatTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAI-compatible adapter against a loopback server speaking the chat-completions SSE stream: happy paths. */
class OpenAiCompatEngineTest {

    private static final String MODEL = "deepseek-reasoner";

    private OpenAiChatTestServer server;
    private OpenAiCompatEngine engine;

    @BeforeEach
    void startServer() {
        server = OpenAiChatTestServer.start();
        engine = engine(server.baseUrl(), null);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static OpenAiCompatEngine engine(URI base, String key) {
        return new OpenAiCompatEngine(new EngineConfig("openai-compatible", base, key, Duration.ofSeconds(10),
                key == null ? null : "TEST_API_KEY"));
    }

    private CollectingSink run(OpenAiCompatEngine e, Budget budget, Sampling sampling) {
        CollectingSink sink = new CollectingSink();
        RunHandle handle = e.start(new RunSpec("What is 6*7?", "Be brief.", MODEL, budget, sampling), sink);
        return sink.awaitEnd(handle);
    }

    private CollectingSink run(Budget budget) {
        return run(engine, budget, Sampling.defaults());
    }

    @Test
    void thinkingTheServerLeftInTheContentBetweenThinkTagsStreamsAsThinking() {
        // llama-server --reasoning-format none, LM Studio, vLLM without a reasoning parser
        server.script(OpenAiChatScript.of(MODEL).content("<think>", "\nSix", " sevens.", "</think>", "\n\n", "42")
                .finish("stop").usage(15, 6, null).done());

        CollectingSink sink = run(new Budget.Effort(EffortLevel.HIGH));

        assertThat(sink.thinking()).isEqualTo("\nSix sevens.");
        assertThat(sink.answer()).isEqualTo("42");
        RunRecorder recorder = new RunRecorder(Price.free("local server: free"));
        sink.events().forEach(recorder::accept);
        assertThat(recorder.metrics(System.nanoTime()).thinkingTokens()).isEqualTo(TokenCount.counted(3));
    }

    @Test
    void aReplyThatStartsInsideThinkingThePromptOpenedIsSplitAtTheClosingTag() {
        // llama-server whose template ends the prompt with <think> (R1 distills, QwQ, the micro model), no parser
        server.templateEnds("<|im_start|>assistant\n<think>\n");
        server.script(OpenAiChatScript.of(MODEL).content("12-5=7", "\n7+9=16", "\n</think>", "\nFinal Answer: 16")
                .finish("stop").done());

        CollectingSink sink = run(new Budget.Effort(EffortLevel.HIGH));

        assertThat(sink.thinking()).isEqualTo("12-5=7\n7+9=16\n");
        assertThat(sink.answer()).isEqualTo("Final Answer: 16");
        assertThat(server.requests(OpenAiChatTestServer.APPLY_TEMPLATE)).hasSize(1);
    }

    @Test
    void aReplyCutInsideThinkingThePromptOpenedHasNoAnswer() {
        server.templateEnds("<|im_start|>assistant\n<think>\n");
        server.script(OpenAiChatScript.of(MODEL).content("12-5=7", "\n7").finish("length").done());

        CollectingSink sink = run(new Budget.Tokens(8));

        assertThat(sink.thinking()).isEqualTo("12-5=7\n7");
        assertThat(sink.answer()).isEmpty();
    }

    @Test
    void reasoningTheServerSendsApartKeepsTheContentAnAnswerThoughThePromptOpenedThinking() {
        server.templateEnds("<|im_start|>assistant\n<think>\n");
        server.script(OpenAiChatScript.of(MODEL).reasoning("Six sevens.").content("42").finish("stop").done());

        CollectingSink sink = run(new Budget.Effort(EffortLevel.HIGH));

        assertThat(sink.thinking()).isEqualTo("Six sevens.");
        assertThat(sink.answer()).isEqualTo("42");
    }

    @Test
    void anEffortLevelTheServersTemplateDoesNotReadIsRefusedWithTheWayOn() {
        // llama-server with a template that never looks at reasoning_effort: low, medium and high would run alike
        server.templateEnds("<|im_start|>assistant\n<think>\n").templateReadsEffort(false);
        server.script(OpenAiChatScript.of(MODEL).content("12-5=7", "\n</think>", "\nFinal Answer: 7").finish("stop")
                .done());

        CollectingSink refused = run(new Budget.Effort(EffortLevel.LOW));
        CollectingSink capped = run(new Budget.Tokens(64));

        ReasoningEvent.Failed failed = refused.ofType(ReasoningEvent.Failed.class).getFirst();
        assertThat(failed.kind()).isEqualTo(FailureKind.UNSUPPORTED);
        assertThat(failed.message()).contains("does not read reasoning_effort", "effort 'low'", "tokens:N");
        assertThat(server.chatRequests()).as("nothing sent for the refused level").hasSize(1);
        assertThat(capped.answer()).isEqualTo("Final Answer: 7");
        assertThat(server.requests(OpenAiChatTestServer.PROPS)).as("asked once, then remembered").hasSize(1);
    }

    @Test
    void anEffortLevelRunsWhereTheServersTemplateReadsIt() {
        server.templateEnds("<|im_start|>assistant\n<think>\n").templateReadsEffort(true);
        server.script(OpenAiChatScript.of(MODEL).content("12-5=7", "\n</think>", "\nFinal Answer: 7").finish("stop")
                .done());

        CollectingSink sink = run(new Budget.Effort(EffortLevel.LOW));

        assertThat(sink.answer()).isEqualTo("Final Answer: 7");
        assertThat(server.chatRequests().getFirst().json().path("reasoning_effort").asText()).isEqualTo("low");
    }

    @Test
    void withoutTheServerTellingAReplyWithoutTheOpeningTagIsAnswer() {
        // vLLM and hosted APIs have no /apply-template: nothing is assumed
        server.script(OpenAiChatScript.of(MODEL).content("Paris").finish("stop").done(),
                OpenAiChatScript.of(MODEL).content("Rome").finish("stop").done());

        assertThat(run(new Budget.Effort(EffortLevel.HIGH)).answer()).isEqualTo("Paris");
        assertThat(run(new Budget.Effort(EffortLevel.HIGH)).answer()).isEqualTo("Rome");
        assertThat(server.requests(OpenAiChatTestServer.APPLY_TEMPLATE)).as("a 404 is remembered").hasSize(1);
    }

    @Test
    void streamsReasoningThenContentThenReportedUsage() {
        server.script(OpenAiChatScript.of(MODEL).reasoning("Six", " sevens").content("4", "2").finish("stop")
                .usage(15, 40, 30).done());

        CollectingSink sink = run(new Budget.Effort(EffortLevel.HIGH));

        assertThat(sink.kinds()).containsExactly("Started", "ThinkingDelta", "ThinkingDelta", "AnswerDelta",
                "AnswerDelta", "UsageReported", "Finished");
        assertThat(sink.thinking()).isEqualTo("Six sevens");
        assertThat(sink.answer()).isEqualTo("42");
        assertThat(sink.ofType(ReasoningEvent.UsageReported.class).getFirst().usage())
                .isEqualTo(new Usage(15, 40, 30));
        assertThat(sink.ofType(ReasoningEvent.Finished.class).getFirst().reason())
                .isEqualTo(ReasoningEvent.StopReason.END_OF_TURN);
    }

    /** OpenAI's chat completions report the prompt's cached part as {@code prompt_tokens_details.cached_tokens}. */
    @Test
    void theCachedPartOfThePromptIsReported() {
        server.script(OpenAiChatScript.of(MODEL).reasoning("a").content("c").finish("stop")
                .usage("{\"prompt_tokens\":2048,\"completion_tokens\":50,\"total_tokens\":2098,"
                        + "\"prompt_tokens_details\":{\"cached_tokens\":1920},"
                        + "\"completion_tokens_details\":{\"reasoning_tokens\":44}}").done());

        CollectingSink sink = run(new Budget.Effort(EffortLevel.HIGH));

        assertThat(sink.ofType(ReasoningEvent.UsageReported.class).getFirst().usage())
                .isEqualTo(new Usage(2048, 50, 44, 1920));
    }

    /** OpenAI's (and Azure's) {@code finish_reason: "content_filter"}; it finished as if whole, stop unknown. */
    @Test
    void anAnswerTheContentFilterStoppedFailsAsFilteredKeepingItsTextAndUsage() {
        server.script(OpenAiChatScript.of(MODEL).reasoning("a").content("Step one").finish("content_filter")
                .usage(9, 5, 1).done());

        CollectingSink sink = run(new Budget.Effort(EffortLevel.HIGH));

        assertThat(sink.terminals()).singleElement().isInstanceOf(ReasoningEvent.Failed.class);
        assertThat(sink.failureKind()).isEqualTo(FailureKind.CONTENT_FILTERED);
        assertThat(sink.failure().message()).contains("stopped the answer with its content filter",
                "finish_reason content_filter", "What arrived before is kept.");
        assertThat(sink.answer()).isEqualTo("Step one");
        assertThat(sink.ofType(ReasoningEvent.UsageReported.class)).singleElement()
                .satisfies(u -> assertThat(u.usage()).isEqualTo(new Usage(9, 5, 1)));
    }

    @Test
    void reportedReasoningTokensBecomeTheThinkingCount() {
        server.script(OpenAiChatScript.of(MODEL).reasoning("a", "b").content("c").finish("stop").usage(9, 50, 44)
                .done());
        RunRecorder recorder = new RunRecorder(Price.free("local server: free"));
        RunHandle handle = engine.start(new RunSpec("q", "", MODEL, new Budget.Effort(EffortLevel.LOW), null),
                recorder::accept);
        new CollectingSink().awaitEnd(handle);

        var metrics = recorder.metrics(System.nanoTime());
        assertThat(metrics.thinkingTokens()).isEqualTo(TokenCount.reported(44));
        assertThat(metrics.answerTokens()).isEqualTo(TokenCount.reported(6));
        assertThat(metrics.promptTokens()).isEqualTo(TokenCount.reported(9));
    }

    @Test
    void vllmReasoningFieldStreamsAsThinking() {
        server.script(OpenAiChatScript.of(MODEL).reasoningField("reasoning").reasoning("hmm").content("4")
                .finish("stop").usage(3, 2, null).done());
        CollectingSink sink = run(new Budget.Effort(EffortLevel.MEDIUM));
        assertThat(sink.thinking()).isEqualTo("hmm");
        assertThat(sink.answer()).isEqualTo("4");
        assertThat(sink.ofType(ReasoningEvent.UsageReported.class).getFirst().usage())
                .isEqualTo(new Usage(3, 2, null));
    }

    @Test
    void zeroReasoningTokensAfterStreamedReasoningMeanNotCounted() {
        server.script(OpenAiChatScript.of(MODEL).reasoning("thinking").content("4").finish("stop").usage(3, 2, 0)
                .done());
        CollectingSink sink = run(new Budget.Effort(EffortLevel.MEDIUM));
        assertThat(sink.ofType(ReasoningEvent.UsageReported.class).getFirst().usage())
                .isEqualTo(new Usage(3, 2, null));
    }

    @Test
    void reasoningOfAChunkComesBeforeItsContent() {
        // langchain4j issue 6489: for a chunk with both fields it calls onPartialResponse first.
        server.script(OpenAiChatScript.of(MODEL).reasoning("So").both(" 42.", "The answer").content(" is 42.")
                .finish("stop").usage().done());

        CollectingSink sink = run(new Budget.Effort(EffortLevel.HIGH));

        List<ReasoningEvent> deltas = sink.events().subList(1, 5);
        assertThat(deltas).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ThinkingDelta", "ThinkingDelta", "AnswerDelta", "AnswerDelta");
        assertThat(deltas.get(1)).isInstanceOfSatisfying(ReasoningEvent.ThinkingDelta.class,
                d -> assertThat(d.text()).isEqualTo(" 42."));
        assertThat(sink.thinking()).isEqualTo("So 42.");
        assertThat(sink.answer()).isEqualTo("The answer is 42.");
    }

    @Test
    void finishReasonWithoutDoneStillFinishes() {
        server.script(OpenAiChatScript.of(MODEL).content("42").finish("length").build());
        CollectingSink sink = run(new Budget.Tokens(1));
        assertThat(sink.terminals()).singleElement().isInstanceOfSatisfying(ReasoningEvent.Finished.class,
                f -> assertThat(f.reason()).isEqualTo(ReasoningEvent.StopReason.LENGTH));
    }

    @Test
    void effortBudgetSendsReasoningEffortAndSampling() {
        server.script(OpenAiChatScript.of(MODEL).content("ok").finish("stop").done());
        run(engine, new Budget.Effort(EffortLevel.HIGH), new Sampling(0.0, 0.95, 42L, 300));

        JsonNode body = server.chatRequests().getFirst().json();
        assertThat(body.path("model").asText()).isEqualTo(MODEL);
        assertThat(body.path("reasoning_effort").asText()).isEqualTo("high");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(body.path("seed").asInt()).isEqualTo(42);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.0);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.95);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.has("max_completion_tokens")).isFalse();
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("What is 6*7?");
    }

    @Test
    void tokenBudgetSendsMaxTokens() {
        server.script(OpenAiChatScript.of(MODEL).content("ok").finish("stop").done());
        run(BudgetSpec.parse("tokens:2048"));

        JsonNode body = server.chatRequests().getFirst().json();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(2048);
        assertThat(body.has("reasoning_effort")).isFalse();
        assertThat(body.has("max_completion_tokens")).isFalse();
    }

    @Test
    void noneBudgetAsksTheTemplateNotToThinkAndCapsTheAnswer() {
        server.script(OpenAiChatScript.of(MODEL).content("42").finish("stop").done());
        run(engine, new Budget.None(), new Sampling(null, null, null, 64));

        JsonNode body = server.chatRequests().getFirst().json();
        assertThat(body.path("chat_template_kwargs").path("enable_thinking").isBoolean()).isTrue();
        assertThat(body.path("chat_template_kwargs").path("enable_thinking").asBoolean()).isFalse();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.has("reasoning_effort")).isFalse();
    }

    @Test
    void apiKeyGoesIntoTheAuthorizationHeaderOnly() {
        server.requireApiKey("sk-test-secret");
        server.models(MODEL);
        server.script(OpenAiChatScript.of(MODEL).content("ok").finish("stop").done());
        OpenAiCompatEngine keyed = engine(server.baseUrl(), "sk-test-secret");

        CollectingSink sink = run(keyed, new Budget.Effort(EffortLevel.LOW), Sampling.defaults());

        assertThat(sink.terminals()).singleElement().isInstanceOf(ReasoningEvent.Finished.class);
        assertThat(server.chatRequests().getFirst().header("Authorization")).isEqualTo("Bearer sk-test-secret");
        assertThat(server.chatRequests().getFirst().body()).doesNotContain("sk-test-secret");
        assertThat(keyed.toString()).doesNotContain("sk-test-secret");
        assertThat(keyed.displayName()).doesNotContain("sk-test-secret");
    }

    @Test
    void baseUrlWithOrWithoutV1ReachesTheSameEndpoints() throws Exception {
        server.models("a", "b");
        server.script(OpenAiChatScript.of(MODEL).content("ok").finish("stop").done());
        OpenAiCompatEngine atRoot = engine(server.rootUrl(), null);

        assertThat(atRoot.listModels()).extracting(ModelInfo::name).containsExactly("a", "b");
        assertThat(engine.listModels()).containsExactly(new ModelInfo("a", "llamacpp"), new ModelInfo("b", "llamacpp"));
        run(atRoot, new Budget.Effort(EffortLevel.LOW), Sampling.defaults());
        assertThat(server.chatRequests()).hasSize(1);
        assertThat(atRoot.displayName()).isEqualTo("OpenAI-compatible server at " + server.baseUrl());
    }

    @Test
    void localServersAreFreeAndHostedOnesUseThePriceTable() {
        PriceTable table = new PriceTable(List.of(new Price("deepseek-reasoner", new BigDecimal("0.28"),
                new BigDecimal("0.42"), "USD", "test table", "2025-12-09")));
        OpenAiCompatEngine hosted = engine(URI.create("https://api.deepseek.com"), "k");
        OpenAiCompatEngine lan = engine(URI.create("http://192.168.1.20:8000/v1"), null);

        assertThat(engine.price(MODEL, table).outputPerMillion()).isZero();
        assertThat(lan.price(MODEL, table).source()).contains("local server");
        assertThat(hosted.price(MODEL, table).outputPerMillion()).isEqualByComparingTo("0.42");
        assertThat(hosted.price("unknown-model", table)).isNull();
    }

    @Test
    void describeSaysWhatEachBudgetSends() {
        assertThat(engine.describe(new Budget.Effort(EffortLevel.LOW))).startsWith("reasoning_effort=low");
        assertThat(engine.describe(new Budget.Tokens(1000))).startsWith("max_tokens=1000")
                .contains("thinking and answer together");
        assertThat(engine.describe(new Budget.None())).contains("enable_thinking=false");
        assertThat(engine.describe(BudgetSpec.parse("force:max=10"))).startsWith("not supported");
        assertThat(engine.capabilities().whyUnsupported(new Budget.Effort(EffortLevel.MAX))).isNull();
        assertThat(engine.capabilities().whyUnsupported(BudgetSpec.parse("force:max=10"))).isNotNull();
    }
}
