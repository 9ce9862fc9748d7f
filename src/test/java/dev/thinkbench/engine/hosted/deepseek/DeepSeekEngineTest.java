package dev.thinkbench.engine.hosted.deepseek;

import dev.thinkbench.testing.FakeKeys;
import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.EffortLevel;
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
import dev.thinkbench.testing.OpenAiChatScript;
import dev.thinkbench.testing.RecordedRequest;
import dev.thinkbench.testing.ScriptedReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The DeepSeek engine (thinking mode) against a loopback server replaying DeepSeek's chat stream. */
class DeepSeekEngineTest {

    private static final String KEY = FakeKeys.of("sk-deepseek", "test-6b1e9f03");
    private static final String MODEL = "deepseek-v4-flash";

    private HostedApiTestServer server;
    private DeepSeekEngine engine;

    @BeforeEach
    void start() {
        server = HostedApiTestServer.deepSeek();
        server.models(MODEL, "deepseek-v4-pro").requireKey(KEY);
        engine = new DeepSeekEngine(new EngineConfig("deepseek", server.baseUrl(), KEY, Duration.ofSeconds(10),
                "DEEPSEEK_API_KEY"), HostedAssets.models());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CollectingSink run(Budget budget, Sampling sampling) {
        CollectingSink sink = new CollectingSink();
        return sink.awaitEnd(engine.start(new RunSpec("6*7?", "", MODEL, budget, sampling), sink));
    }

    private CollectingSink run(String budget) {
        return run(BudgetSpec.parse(budget), Sampling.defaults());
    }

    private static ScriptedReply sixSevens() {
        return OpenAiChatScript.of(MODEL).reasoning("Six", " sevens", " are").both(" 42.", "4").content("2")
                .finish("stop").usage(9, 6, 4).done();
    }

    @Test
    void streamsTheFullReasoningAheadOfTheAnswerAndReportsReasoningTokens() {
        server.script(sixSevens());

        CollectingSink sink = run("effort:high");

        assertThat(sink.thinking()).isEqualTo("Six sevens are 42.");
        assertThat(sink.answer()).isEqualTo("42");
        assertThat(sink.kinds().indexOf("AnswerDelta")).isGreaterThan(sink.kinds().lastIndexOf("ThinkingDelta"));
        assertThat(sink.ofType(ReasoningEvent.ThinkingDelta.class))
                .allSatisfy(d -> assertThat(d.summary()).as("DeepSeek shows its reasoning itself").isFalse());
        RunMetrics m = HostedAssets.recorded(sink, new Price(MODEL, new BigDecimal("0.28"), new BigDecimal("0.42"),
                "USD", "test", "")).metrics(System.nanoTime());
        assertThat(m.thinkingTokens()).isEqualTo(TokenCount.reported(4));
        assertThat(m.answerTokens()).isEqualTo(TokenCount.reported(2));
        assertThat(m.cost().amount()).isEqualByComparingTo(new BigDecimal("0.00000504"));
        RecordedRequest request = server.streamRequests().getFirst();
        assertThat(request.header("authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void aChunkOfReasoningIsNotCountedAsOneTokenBeforeTheUsageSaysHowMany() {
        // one sentence in one chunk, then the stream ends without its usage (as a stalled one is cut)
        server.script(OpenAiChatScript.of(MODEL).reasoning("I need 18 times 24.").content("432").finish("stop")
                .done());

        CollectingSink sink = run("effort:low");

        assertThat(sink.thinking()).isEqualTo("I need 18 times 24.");
        assertThat(sink.ofType(ReasoningEvent.ThinkingDelta.class))
                .allSatisfy(d -> assertThat(d.tokens()).as("a chunk carries no count").isZero());
        RunMetrics m = HostedAssets.recorded(sink, null).metrics(System.nanoTime());
        assertThat(m.thinkingTokens()).as("a dash until the usage comes, not \"1 token\"")
                .isEqualTo(TokenCount.unknown());
        assertThat(m.answerTokens()).isEqualTo(TokenCount.unknown());
    }

    @Test
    void effortLevelsMapOntoLowHighAndMaxWithThinkingOn() {
        server.respond(r -> sixSevens());

        for (EffortLevel level : List.of(EffortLevel.MINIMAL, EffortLevel.LOW, EffortLevel.MEDIUM, EffortLevel.HIGH,
                EffortLevel.XHIGH, EffortLevel.MAX)) {
            run(new Budget.Effort(level), Sampling.defaults());
        }

        assertThat(server.streamRequests()).extracting(r -> r.json().path("reasoning_effort").asText())
                .containsExactly("low", "low", "high", "high", "high", "max");
        assertThat(server.streamRequests()).allSatisfy(r ->
                assertThat(r.json().path("thinking").path("type").asText()).isEqualTo("enabled"));
    }

    @Test
    void noneSwitchesThinkingOffAndCapsTheAnswer() {
        server.script(OpenAiChatScript.of(MODEL).content("42").finish("stop").usage(9, 1, 0).done());

        CollectingSink sink = run(new Budget.None(), new Sampling(null, null, null, 64));

        JsonNode body = server.streamRequests().getFirst().json();
        assertThat(body.path("thinking").path("type").asText()).isEqualTo("disabled");
        assertThat(body.has("reasoning_effort")).isFalse();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(sink.answer()).isEqualTo("42");
    }

    @Test
    void aTokenBudgetOrForcingPointsToTheRightKnobAndSendsNothing() {
        ReasoningEvent.Failed tokens = run("tokens:2048").failure();
        ReasoningEvent.Failed forcing = run("force:min=0,max=64").failure();

        assertThat(tokens.kind()).isEqualTo(FailureKind.UNSUPPORTED);
        assertThat(tokens.message()).contains("no thinking-token budget", "effort:low|high|max", "deepseek-prefix");
        assertThat(forcing.message()).contains("deepseek-prefix");
        assertThat(server.streamRequests()).isEmpty();
    }

    @Test
    void aRejectedEffortIsExplained() {
        server.script(ScriptedReply.status(400, server.error(400, "invalid_request_error",
                "Invalid reasoning_effort value for this model")));

        ReasoningEvent.Failed failed = run("effort:max").failure();

        assertThat(failed.kind()).isEqualTo(FailureKind.UNSUPPORTED);
        assertThat(failed.message()).contains("rejected the budget effort:max", "effort:low|high|max");
    }
    /**
     * DeepSeek documents {@code finish_reason: "insufficient_system_resource"}: its inference system broke the answer
     * off. It finished as if the answer were whole (and a sweep graded it).
     */
    @Test
    void anAnswerDeepSeekBrokeOffForWantOfResourcesFailsKeepingItsTextAndItsBilledUsage() {
        server.script(OpenAiChatScript.of(MODEL).reasoning("Six sevens", " are").content("4")
                .event("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"2\"},"
                        + "\"finish_reason\":\"insufficient_system_resource\"}]}")
                .usage(9, 6, 4).done());

        CollectingSink sink = run("effort:high");

        assertThat(sink.terminals()).singleElement().isInstanceOf(ReasoningEvent.Failed.class);
        assertThat(sink.failureKind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(sink.failure().message()).contains("insufficient_system_resource", "retry",
                "What arrived before is kept.");
        assertThat(sink.thinking()).isEqualTo("Six sevens are");
        assertThat(sink.answer()).as("the text of the chunk that broke off too").isEqualTo("42");
        assertThat(sink.ofType(ReasoningEvent.UsageReported.class)).as("the tokens are billed all the same")
                .singleElement().satisfies(u -> assertThat(u.usage()).isEqualTo(new Usage(9, 6, 4)));
    }

    /**
     * DeepSeek reports the prompt's cache hits ({@code prompt_cache_hit_tokens}, billed at 0.028 against 0.28 per
     * million); they were priced at the full input rate.
     */
    @Test
    void promptTokensDeepSeekReadFromItsCacheArePricedAtItsCacheHitRate() {
        server.script(OpenAiChatScript.of(MODEL).reasoning("Six sevens").content("42").finish("stop")
                .usage("{\"prompt_tokens\":1000,\"prompt_cache_hit_tokens\":800,\"prompt_cache_miss_tokens\":200,"
                        + "\"completion_tokens\":6,\"total_tokens\":1006,"
                        + "\"completion_tokens_details\":{\"reasoning_tokens\":4}}").done());
        Price listed = HostedAssets.prices().lookup("deepseek-chat").orElseThrow();

        CollectingSink sink = run("effort:high");

        assertThat(sink.ofType(ReasoningEvent.UsageReported.class)).singleElement()
                .satisfies(u -> assertThat(u.usage()).isEqualTo(new Usage(1000, 6, 4, 800)));
        assertThat(listed.cachedInputPerMillion()).as("the table's cache-hit rate").isEqualByComparingTo("0.028");
        RunMetrics m = HostedAssets.recorded(sink, listed).metrics(System.nanoTime());
        // (200 x 0.28 + 800 x 0.028 + 6 x 0.42) / 1e6
        assertThat(m.cost().amount()).isEqualByComparingTo("0.00008092");
    }
}
