package dev.thinkbench.engine.hosted.openai;

import dev.thinkbench.testing.FakeKeys;
import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.TokenCount;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.hosted.HostedAssets;
import dev.thinkbench.testing.CollectingSink;
import dev.thinkbench.testing.HostedApiTestServer;
import dev.thinkbench.testing.RecordedRequest;
import dev.thinkbench.testing.ResponsesScript;
import dev.thinkbench.testing.ScriptedReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAI Responses engine against a loopback server replaying the Responses stream. */
class OpenAiResponsesEngineTest {

    private static final String KEY = FakeKeys.of("sk-proj", "test-9c2e41d7aa");
    private static final String MODEL = "gpt-5.5";

    private HostedApiTestServer server;
    private OpenAiResponsesEngine engine;

    @BeforeEach
    void start() {
        server = HostedApiTestServer.openAiResponses();
        server.models(MODEL, "gpt-5-mini").requireKey(KEY);
        engine = new OpenAiResponsesEngine(new EngineConfig("openai", server.baseUrl(), KEY, Duration.ofSeconds(10),
                "OPENAI_API_KEY"), HostedAssets.models());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CollectingSink run(String model, Budget budget, Sampling sampling) {
        CollectingSink sink = new CollectingSink();
        return sink.awaitEnd(engine.start(new RunSpec("How many r in strawberry?", "", model, budget, sampling),
                sink));
    }

    private CollectingSink run(String model, String budget) {
        return run(model, BudgetSpec.parse(budget), Sampling.defaults());
    }

    private static ScriptedReply strawberry() {
        return ResponsesScript.of(MODEL).created().summary("**Counting letters**", "\n\nI count the r's.")
                .text("There are ", "3.").completed(20, 150, 140).build();
    }

    @Test
    void streamsTheReasoningSummaryAsThinkingAndReportsReasoningTokens() {
        server.script(strawberry());

        CollectingSink sink = run(MODEL, "effort:high");

        assertThat(sink.kinds()).containsExactly("Started", "ThinkingDelta", "ThinkingDelta", "AnswerDelta",
                "AnswerDelta", "UsageReported", "Finished");
        assertThat(sink.thinking()).isEqualTo("**Counting letters**\n\nI count the r's.");
        assertThat(sink.ofType(ReasoningEvent.ThinkingDelta.class)).allSatisfy(d -> assertThat(d.summary()).isTrue());
        assertThat(sink.answer()).isEqualTo("There are 3.");
        assertThat(sink.ofType(ReasoningEvent.UsageReported.class).getFirst().usage())
                .as("none of the input came from the cache").isEqualTo(new Usage(20, 150, 140, 0));
        RecordedRequest request = server.streamRequests().getFirst();
        assertThat(request.header("authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = request.json();
        assertThat(body.path("reasoning").path("effort").asText()).isEqualTo("high");
        assertThat(body.path("reasoning").path("summary").asText()).isEqualTo("auto");
        assertThat(body.path("store").asBoolean(true)).isFalse();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.has("max_output_tokens")).isFalse();
    }

    @Test
    void reasoningTokensAreReportedAndTheAnswerIsTheRestOfTheOutput() {
        server.script(strawberry());
        Price price = HostedAssets.prices().lookup(MODEL).orElseThrow();

        RunMetrics m = HostedAssets.recorded(run(MODEL, "effort:high"), price).metrics(System.nanoTime());

        assertThat(m.thinkingTokens()).isEqualTo(TokenCount.reported(140));
        assertThat(m.answerTokens()).isEqualTo(TokenCount.reported(10));
        // 20 x $5 + 150 x $30 per million
        assertThat(m.cost().amount()).isEqualByComparingTo(new BigDecimal("0.0046"));
    }

    @Test
    void effortNoneSkipsReasoningAndAnEffortCeilingMayUseNoReasoningTokens() {
        server.respond(r -> ResponsesScript.of(MODEL).created().text("3").completed(20, 2, 0).build());

        CollectingSink none = run(MODEL, new Budget.None(), new Sampling(null, null, null, 300));
        CollectingSink ceiling = run(MODEL, "effort:low");

        JsonNode first = server.streamRequests().get(0).json();
        assertThat(first.path("reasoning").path("effort").asText()).isEqualTo("none");
        assertThat(first.path("reasoning").has("summary")).isFalse();
        assertThat(first.path("max_output_tokens").asInt()).isEqualTo(300);
        assertThat(none.thinking()).isEmpty();
        RunMetrics m = HostedAssets.recorded(ceiling, Price.free("test")).metrics(System.nanoTime());
        assertThat(m.thinkingTokens()).as("a reported 0 is a real 0").isEqualTo(TokenCount.reported(0));
    }

    /**
     * OpenAI's reasoning models answer a temperature or top-p with HTTP 400 "Unsupported parameter" while they reason
     * (GPT-5.1 and later take them with effort none): the window's first temperature, 0.6, failed every column.
     */
    @Test
    void aTemperatureIsLeftOutOfAReasoningRunAndSentOnlyWithEffortNone() {
        server.respond(r -> strawberry());

        CollectingSink reasoning = run(MODEL, BudgetSpec.parse("effort:high"), new Sampling(0.6, null, null, null));
        CollectingSink none = run(MODEL, new Budget.None(), new Sampling(0.6, 0.9, null, null));

        assertThat(reasoning.ofType(ReasoningEvent.Failed.class)).as("a temperature set for another engine fails "
                + "no column").isEmpty();
        assertThat(reasoning.answer()).isEqualTo("There are 3.");
        JsonNode high = server.streamRequests().get(0).json();
        assertThat(high.has("temperature")).isFalse();
        assertThat(high.has("top_p")).isFalse();
        JsonNode off = server.streamRequests().get(1).json();
        assertThat(off.path("temperature").asDouble()).isEqualTo(0.6);
        assertThat(off.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(none.ofType(ReasoningEvent.Finished.class)).hasSize(1);
        assertThat(engine.capabilities().temperatureWhileThinking()).isFalse();
    }

    @Test
    void aTopPFailsAReasoningRunBeforeAnythingIsSentSayingHowToGoOn() {
        ReasoningEvent.Failed failed = run(MODEL, BudgetSpec.parse("effort:low"), new Sampling(null, 0.9, null, null))
                .failure();

        assertThat(failed.kind()).isEqualTo(FailureKind.UNSUPPORTED);
        assertThat(failed.message()).contains("no top-p while they reason", "budget none");
        assertThat(server.streamRequests()).isEmpty();
    }

    @Test
    void budgetsTheModelCannotTakeFailWithTheKnobToUse() {
        ReasoningEvent.Failed tokens = run(MODEL, "tokens:4096").failure();
        ReasoningEvent.Failed noneOnGpt5 = run("gpt-5-mini", "none").failure();
        ReasoningEvent.Failed xhighOnGpt5 = run("gpt-5-mini", "effort:xhigh").failure();

        assertThat(tokens.kind()).isEqualTo(FailureKind.UNSUPPORTED);
        assertThat(tokens.message()).contains("no thinking-token budget", "effort:none|low|medium|high|xhigh");
        assertThat(noneOnGpt5.message()).contains("cannot switch thinking off", "effort:minimal");
        assertThat(xhighOnGpt5.message()).contains("not 'xhigh'", "effort:minimal|low|medium|high");
        assertThat(server.streamRequests()).isEmpty();
    }

    @Test
    void aRejectedEffortIsExplained() {
        server.script(ScriptedReply.status(400, server.error(400, "invalid_request_error",
                "Unsupported value: 'reasoning.effort' does not support 'minimal' with this model. Supported values "
                        + "are: 'low', 'medium', and 'high'.")));

        ReasoningEvent.Failed failed = run("o9-preview", "effort:minimal").failure();

        assertThat(failed.kind()).isEqualTo(FailureKind.UNSUPPORTED);
        assertThat(failed.message()).contains("rejected the budget effort:minimal", "Supported values are");
    }

    @Test
    void anOrganizationNotVerifiedForSummariesIsToldWhatToDo() {
        server.script(ScriptedReply.status(400, server.error(400, "invalid_request_error",
                "Your organization must be verified to generate reasoning summaries. Please go to: "
                        + "https://platform.openai.com/settings/organization/general and click on Verify "
                        + "Organization.")));

        ReasoningEvent.Failed failed = run(MODEL, "effort:high").failure();

        assertThat(failed.kind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(failed.message()).contains("verified organizations", "budget none");
    }

    @Test
    void aFailedResponseAndAnErrorEventFailTheRunKeepingTheSummary() {
        server.script(ResponsesScript.of(MODEL).created().summary("Thinking about it").failed("server_error",
                "The model failed to generate a response.").build(),
                ResponsesScript.of(MODEL).created().summary("Hmm").error("rate_limit_exceeded", "Slow down").build());

        CollectingSink failed = run(MODEL, "effort:high");
        CollectingSink limited = run(MODEL, "effort:high");

        assertThat(failed.failureKind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(failed.failure().message()).contains("failed to generate", "What arrived before is kept.");
        assertThat(failed.thinking()).isEqualTo("Thinking about it");
        assertThat(limited.failureKind()).isEqualTo(FailureKind.RATE_LIMITED);
    }

    @Test
    void anIncompleteResponseFinishesAtTheCapWithWhatArrived() {
        server.script(ResponsesScript.of(MODEL).created().summary("Long thought").text("Partial")
                .incomplete(20, 300, 290).build());

        CollectingSink sink = run(MODEL, "effort:high");

        assertThat(sink.ofType(ReasoningEvent.Finished.class)).singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo(ReasoningEvent.StopReason.LENGTH));
        assertThat(sink.answer()).isEqualTo("Partial");
    }

    @Test
    void anUnknownModelNamesTheModelsTheAccountHas() {
        server.script(ScriptedReply.status(404, server.error(404, "model_not_found",
                "The model `gpt-nope` does not exist or you do not have access to it.")));

        ReasoningEvent.Failed failed = run("gpt-nope", "effort:high").failure();

        assertThat(failed.kind()).isEqualTo(FailureKind.MODEL_NOT_FOUND);
        assertThat(failed.message()).contains("'gpt-nope'", MODEL, "gpt-5-mini");
    }

    /** GPT-5.5 bills cached input at $0.50 against $5 per million; cached tokens were priced at the full rate. */
    @Test
    void inputOpenAiReadFromItsCacheIsPricedAtTheCachedRate() {
        server.script(ResponsesScript.of(MODEL).created().summary("**Counting**").text("3")
                .completed(1000, 150, 140, 800).build());
        Price price = HostedAssets.prices().lookup(MODEL).orElseThrow();

        CollectingSink sink = run(MODEL, "effort:high");
        RunMetrics m = HostedAssets.recorded(sink, price).metrics(System.nanoTime());

        assertThat(sink.ofType(ReasoningEvent.UsageReported.class).getFirst().usage())
                .isEqualTo(new Usage(1000, 150, 140, 800));
        // 200 x $5 + 800 x $0.50 + 150 x $30 per million
        assertThat(m.cost().amount()).isEqualByComparingTo(new BigDecimal("0.0059"));
        assertThat(m.cost().note()).contains("800 prompt tokens read from the provider's cache", "USD 0.5 per million");
    }

    /**
     * {@code response.incomplete} for {@code content_filter}: OpenAI's filter stopped the answer. It finished as if
     * whole, with an unknown stop.
     */
    @Test
    void anAnswerOpenAisContentFilterStoppedFailsSayingSoKeepingItsTextAndUsage() {
        server.script(ResponsesScript.of(MODEL).created().summary("**Thinking**").text("The first step")
                .incomplete(20, 60, 50, "content_filter").build());

        CollectingSink sink = run(MODEL, "effort:high");

        assertThat(sink.terminals()).singleElement().isInstanceOf(ReasoningEvent.Failed.class);
        assertThat(sink.failureKind()).isEqualTo(FailureKind.CONTENT_FILTERED);
        assertThat(sink.failure().message()).contains("stopped the answer with its content filter",
                "incomplete_details.reason content_filter", "What arrived before is kept.");
        assertThat(sink.answer()).isEqualTo("The first step");
        assertThat(sink.ofType(ReasoningEvent.UsageReported.class)).singleElement()
                .satisfies(u -> assertThat(u.usage()).isEqualTo(new Usage(20, 60, 50, 0)));
    }

    @Test
    void anAnswerCutAtTheOutputCapStillFinishesAsLength() {
        server.script(ResponsesScript.of(MODEL).created().text("The first step")
                .incomplete(20, 60, 50, "max_output_tokens").build());

        CollectingSink sink = run(MODEL, "effort:high");

        assertThat(sink.terminals()).singleElement().isInstanceOf(ReasoningEvent.Finished.class);
    }
}
