package dev.thinkbench.engine.hosted.gemini;

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
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.hosted.HostedAssets;
import dev.thinkbench.testing.CollectingSink;
import dev.thinkbench.testing.GeminiScript;
import dev.thinkbench.testing.HostedApiTestServer;
import dev.thinkbench.testing.RecordedRequest;
import dev.thinkbench.testing.ScriptedReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The Gemini engine against a loopback server replaying {@code streamGenerateContent?alt=sse}. */
class GeminiEngineTest {

    private static final String KEY = FakeKeys.of("AIza", "test-key-0c3b8e52f1");
    private static final String FLASH = "gemini-2.5-flash";
    private static final String PRO3 = "gemini-3-pro-preview";

    private HostedApiTestServer server;
    private GeminiEngine engine;

    @BeforeEach
    void start() {
        server = HostedApiTestServer.gemini();
        server.models(FLASH, PRO3).requireKey(KEY);
        engine = engine(KEY);
    }

    private GeminiEngine engine(String key) {
        return new GeminiEngine(new EngineConfig("gemini", server.baseUrl(), key, Duration.ofSeconds(10),
                "GEMINI_API_KEY"), HostedAssets.models());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CollectingSink run(String model, Budget budget, Sampling sampling) {
        CollectingSink sink = new CollectingSink();
        return sink.awaitEnd(engine.start(new RunSpec("How many r in strawberry?", "Be brief.", model, budget,
                sampling), sink));
    }

    private CollectingSink run(String model, String budget) {
        return run(model, BudgetSpec.parse(budget), Sampling.defaults());
    }

    private static ScriptedReply strawberry(String model) {
        return GeminiScript.of(model).thought("**Counting the r's**\n", "s-t-r-a-w-b-e-r-r-y: three.")
                .text("There are ", "3 r's.").finish("STOP", 10, 4, 120).build();
    }

    @Test
    void streamsThoughtSummariesAsThinkingAndTheAnswerWithThoughtsReported() {
        server.script(strawberry(FLASH));

        CollectingSink sink = run(FLASH, "tokens:2048");

        assertThat(sink.thinking()).isEqualTo("**Counting the r's**\ns-t-r-a-w-b-e-r-r-y: three.");
        assertThat(sink.ofType(ReasoningEvent.ThinkingDelta.class)).allSatisfy(d -> assertThat(d.summary()).isTrue());
        assertThat(sink.answer()).isEqualTo("There are 3 r's.");
        assertThat(sink.ofType(ReasoningEvent.UsageReported.class).getFirst().usage())
                .as("output = candidates + thoughts").isEqualTo(new Usage(10, 124, 120));
        assertThat(sink.ofType(ReasoningEvent.Finished.class).getFirst().reason())
                .isEqualTo(ReasoningEvent.StopReason.END_OF_TURN);
        RecordedRequest request = server.streamRequests().getFirst();
        assertThat(request.path()).isEqualTo("/v1beta/models/" + FLASH + ":streamGenerateContent");
        assertThat(request.header("x-goog-api-key")).isEqualTo(KEY);
        JsonNode thinking = request.json().path("generationConfig").path("thinkingConfig");
        assertThat(thinking.path("thinkingBudget").asInt()).isEqualTo(2048);
        assertThat(thinking.path("includeThoughts").asBoolean()).isTrue();
        assertThat(thinking.has("thinkingLevel")).isFalse();
    }

    @Test
    void theCostBillsThoughtsAndCandidatesAsOutput() {
        server.script(strawberry(FLASH));
        Price flash = HostedAssets.prices().lookup(FLASH).orElseThrow();

        RunMetrics m = HostedAssets.recorded(run(FLASH, "tokens:2048"), flash).metrics(System.nanoTime());

        assertThat(m.thinkingTokens()).isEqualTo(TokenCount.reported(120));
        assertThat(m.answerTokens()).isEqualTo(TokenCount.reported(4));
        // 10 x $0.30 + (4 + 120) x $2.50 per million
        assertThat(m.cost().amount()).isEqualByComparingTo(new BigDecimal("0.000313"));
    }

    @Test
    void aLevelOnGemini3IsThinkingLevelAndNoneOnFlashIsABudgetOfZero() {
        server.respond(r -> strawberry(FLASH));

        run(PRO3, "effort:high");
        run(FLASH, new Budget.None(), new Sampling(null, null, 7L, 256));

        JsonNode level = server.streamRequests().get(0).json().path("generationConfig");
        assertThat(level.path("thinkingConfig").path("thinkingLevel").asText()).isEqualToIgnoringCase("high");
        assertThat(level.path("thinkingConfig").has("thinkingBudget")).isFalse();
        JsonNode off = server.streamRequests().get(1).json().path("generationConfig");
        assertThat(off.path("thinkingConfig").path("thinkingBudget").asInt()).isZero();
        assertThat(off.path("thinkingConfig").path("includeThoughts").asBoolean(false)).isFalse();
        assertThat(off.path("maxOutputTokens").asInt()).isEqualTo(256);
        assertThat(off.path("seed").asInt()).isEqualTo(7);
    }

    @Test
    void budgetsTheModelCannotTakeFailWithTheKnobToUse() {
        ReasoningEvent.Failed tokensOn3 = run(PRO3, "tokens:4096").failure();
        ReasoningEvent.Failed mediumOn3Pro = run(PRO3, "effort:medium").failure();
        ReasoningEvent.Failed levelOn25 = run(FLASH, "effort:high").failure();
        ReasoningEvent.Failed noneOnPro25 = run("gemini-2.5-pro", "none").failure();
        ReasoningEvent.Failed tooBig = run(FLASH, "tokens:30000").failure();

        assertThat(tokensOn3.kind()).isEqualTo(FailureKind.UNSUPPORTED);
        assertThat(tokensOn3.message()).contains("Gemini 3 Pro takes no thinking-token budget", "effort:low|high");
        assertThat(mediumOn3Pro.message()).contains("takes effort low, high, not 'medium'");
        assertThat(levelOn25.message()).contains("Gemini 2.5 Flash takes no effort levels", "tokens:N");
        assertThat(noneOnPro25.message()).contains("cannot switch thinking off", "tokens:128");
        assertThat(tooBig.message()).contains("not 30,000");
        assertThat(server.streamRequests()).isEmpty();
    }

    @Test
    void aBadKeyAnsweredWith400ApiKeyInvalidIsAnAuthenticationFailure() {
        CollectingSink sink = new CollectingSink();
        sink.awaitEnd(engine(FakeKeys.of("AIza", "wrong-5d8c1e3a70")).start(new RunSpec("hi", "", FLASH,
                BudgetSpec.parse("tokens:1024"), null), sink));

        assertThat(sink.failureKind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(sink.failure().message()).contains("rejected the API key", "HTTP 400", "GEMINI_API_KEY")
                .doesNotContain(FakeKeys.of("AIza", "wrong"));
    }

    @Test
    void aRejectedThinkingBudgetIsExplained() {
        server.script(ScriptedReply.status(400, server.error(400, "INVALID_ARGUMENT",
                "Thinking budget is not supported for this model. Use thinking level instead.")));

        ReasoningEvent.Failed failed = run("gemini-4-ultra", "tokens:2048").failure();

        assertThat(failed.kind()).isEqualTo(FailureKind.UNSUPPORTED);
        assertThat(failed.message()).contains("rejected the budget tokens:2048", "try effort:high");
    }

    @Test
    void anErrorInsideTheStreamAndABlockedPromptFailTheRun() {
        server.script(GeminiScript.of(FLASH).thought("Let me think").error(503, "UNAVAILABLE",
                "The model is overloaded. Please try again later.").build(),
                GeminiScript.of(FLASH).blocked("SAFETY").build());

        CollectingSink overloaded = run(FLASH, "tokens:1024");
        CollectingSink blocked = run(FLASH, "tokens:1024");

        assertThat(overloaded.failureKind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(overloaded.failure().message()).contains("overloaded", "UNAVAILABLE",
                "What arrived before is kept.");
        assertThat(overloaded.thinking()).isEqualTo("Let me think");
        assertThat(blocked.failureKind()).isEqualTo(FailureKind.BAD_REQUEST);
        assertThat(blocked.failure().message()).contains("blocked", "SAFETY");
    }

    @Test
    void aStreamWithoutAFinishReasonIsCut() {
        server.script(GeminiScript.of(FLASH).thought("Half").text("The answ").build());

        CollectingSink sink = run(FLASH, "tokens:1024");

        assertThat(sink.failureKind()).isEqualTo(FailureKind.STREAM_CUT);
        assertThat(sink.answer()).isEqualTo("The answ");
    }

    @Test
    void listsModelsWithoutTheirPrefixAndNamesThemForAnUnknownModel() throws Exception {
        server.script(ScriptedReply.status(404, server.error(404, "NOT_FOUND",
                "models/gemini-nope is not found for API version v1beta, or is not supported for generateContent.")));

        assertThat(engine.listModels()).extracting(ModelInfo::name).containsExactly(FLASH, PRO3);
        ReasoningEvent.Failed failed = run("gemini-nope", "tokens:1024").failure();

        assertThat(failed.kind()).isEqualTo(FailureKind.MODEL_NOT_FOUND);
        assertThat(failed.message()).contains("'gemini-nope'", FLASH);
    }

    /** Gemini's {@code cachedContentTokenCount} is the cached part of the prompt; Flash has no cached rate listed. */
    @Test
    void theCachedPartOfThePromptIsReportedAndCostsTheFullRateWhereNoCachedRateIsListed() {
        server.script(GeminiScript.of(FLASH).text("3").finish("STOP", 1000, 4, 120, 600).build());
        Price flash = HostedAssets.prices().lookup(FLASH).orElseThrow();

        CollectingSink sink = run(FLASH, "tokens:2048");
        RunMetrics m = HostedAssets.recorded(sink, flash).metrics(System.nanoTime());

        assertThat(sink.ofType(ReasoningEvent.UsageReported.class).getFirst().usage())
                .isEqualTo(new Usage(1000, 124, 120, 600));
        // 1000 x $0.30 + 124 x $2.50 per million
        assertThat(m.cost().amount()).isEqualByComparingTo(new BigDecimal("0.00061"));
        assertThat(m.cost().note()).contains("600 prompt tokens read from the provider's cache priced at the full");
    }

    /**
     * A {@code finishReason} of a content filter (SAFETY, RECITATION, PROHIBITED_CONTENT, BLOCKLIST, SPII) stopped
     * the answer; it finished as if whole, with an unknown stop.
     */
    @Test
    void anAnswerAContentFilterStoppedFailsSayingWhichKeepingItsTextAndUsage() {
        for (String reason : java.util.List.of("SAFETY", "RECITATION", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII")) {
            server.script(GeminiScript.of(FLASH).thought("**Planning**").text("Step one: ")
                    .finish(reason, 10, 3, 40).build());

            CollectingSink sink = run(FLASH, "tokens:2048");

            assertThat(sink.terminals()).as(reason).singleElement().isInstanceOf(ReasoningEvent.Failed.class);
            assertThat(sink.failureKind()).as(reason).isEqualTo(FailureKind.CONTENT_FILTERED);
            assertThat(sink.failure().message()).as(reason).contains("stopped the answer with its content filter",
                    "finishReason " + reason, "What arrived before is kept.");
            assertThat(sink.answer()).as(reason).isEqualTo("Step one: ");
            assertThat(sink.ofType(ReasoningEvent.UsageReported.class)).as(reason).singleElement()
                    .satisfies(u -> assertThat(u.usage()).isEqualTo(new Usage(10, 43, 40)));
        }
    }
}
