package dev.thinkbench.engine.hosted.anthropic;

import dev.thinkbench.testing.FakeKeys;
import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.TokenCount;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.hosted.HostedAssets;
import dev.thinkbench.testing.AnthropicScript;
import dev.thinkbench.testing.CollectingSink;
import dev.thinkbench.testing.HostedApiTestServer;
import dev.thinkbench.testing.RecordedRequest;
import dev.thinkbench.testing.ScriptedReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Anthropic engine against a loopback server replaying the Messages stream as Anthropic documents it. */
class AnthropicEngineTest {

    private static final String KEY = FakeKeys.of("sk-ant", "test-4f9d2c7a1b");
    private static final String SONNET = "claude-sonnet-4-5";
    private static final String OPUS = "claude-opus-4-7";

    private HostedApiTestServer server;
    private AnthropicEngine engine;

    @BeforeEach
    void start() {
        server = HostedApiTestServer.anthropic();
        server.models(SONNET, OPUS).requireKey(KEY);
        engine = new AnthropicEngine(new EngineConfig("anthropic", server.baseUrl(), KEY, Duration.ofSeconds(10),
                "ANTHROPIC_API_KEY"), HostedAssets.models());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CollectingSink run(String model, String budget) {
        return run(model, BudgetSpec.parse(budget), Sampling.defaults());
    }

    private CollectingSink run(String model, Budget budget, Sampling sampling) {
        CollectingSink sink = new CollectingSink();
        return sink.awaitEnd(engine.start(new RunSpec("GCD of 1071 and 462?", "Be brief.", model, budget, sampling),
                sink));
    }

    private static ScriptedReply gcd(String model) {
        return AnthropicScript.of(model).start(12).thinking("I need to find the GCD", " of 1071 and 462.")
                .signature("EqQBCgIYAhIM1gbc").text("The greatest common divisor ", "is **21**.")
                .stop("end_turn", 90).build();
    }

    @Test
    void streamsSummarizedThinkingThenTheAnswerWithUsageFromTheFinalEvents() {
        server.script(gcd(SONNET));

        CollectingSink sink = run(SONNET, "tokens:2048");

        assertThat(sink.kinds()).containsExactly("Started", "ThinkingDelta", "ThinkingDelta", "AnswerDelta",
                "AnswerDelta", "UsageReported", "Finished");
        assertThat(sink.thinking()).isEqualTo("I need to find the GCD of 1071 and 462.");
        assertThat(sink.answer()).isEqualTo("The greatest common divisor is **21**.");
        assertThat(sink.ofType(ReasoningEvent.ThinkingDelta.class))
                .allSatisfy(d -> assertThat(d.summary()).as("Claude 4 thinking is a summary").isTrue())
                .allSatisfy(d -> assertThat(d.tokens()).as("a summary chunk is no thinking token").isZero());
        assertThat(sink.ofType(ReasoningEvent.UsageReported.class).getFirst().usage())
                .isEqualTo(new Usage(12, 90, null));
        assertThat(sink.ofType(ReasoningEvent.Finished.class).getFirst().reason())
                .isEqualTo(ReasoningEvent.StopReason.END_OF_TURN);
        RecordedRequest request = server.streamRequests().getFirst();
        assertThat(request.header("x-api-key")).isEqualTo(KEY);
        assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.header("authorization")).isNull();
    }

    @Test
    void thinkingIsBilledAsOutputAndStaysUnknownWhenNotReportedApart() {
        server.script(gcd(SONNET));
        Price sonnet = HostedAssets.prices().lookup(SONNET).orElseThrow();

        RunRecorder recorder = HostedAssets.recorded(run(SONNET, "tokens:2048"), sonnet);
        RunMetrics m = recorder.metrics(System.nanoTime());

        assertThat(m.promptTokens()).isEqualTo(TokenCount.reported(12));
        assertThat(m.thinkingTokens()).as("never guessed from the summary").isEqualTo(TokenCount.unknown());
        assertThat(m.answerTokens().known()).isFalse();
        // 12 x $3 + 90 x $15 per million: the 90 output tokens include the thinking
        assertThat(m.cost().amount()).isEqualByComparingTo(new BigDecimal("0.001386"));
        assertThat(recorder.trace().thinkingSummary()).isTrue();
    }

    @Test
    void thinkingTokensReportedApartAreShownAsReported() {
        server.script(AnthropicScript.of(SONNET).start(12).thinking("Euclid: 1071 = 2*462 + 147 ...")
                .signature("Eq").text("21").stop("end_turn", 90, 80).build());

        RunRecorder recorder = HostedAssets.recorded(run(SONNET, "tokens:2048"), Price.free("test"));
        RunMetrics m = recorder.metrics(System.nanoTime());

        assertThat(m.thinkingTokens()).isEqualTo(TokenCount.reported(80));
        assertThat(m.answerTokens()).isEqualTo(TokenCount.reported(10));
    }

    @Test
    void aTokenBudgetIsManualThinkingWithMaxTokensAboveIt() {
        server.respond(r -> gcd(SONNET));

        run(SONNET, "tokens:2048");
        run(SONNET, BudgetSpec.parse("tokens:4096"), new Sampling(null, null, null, 500));

        JsonNode first = server.streamRequests().get(0).json();
        assertThat(first.path("model").asText()).isEqualTo(SONNET);
        assertThat(first.path("stream").asBoolean()).isTrue();
        assertThat(first.path("thinking").path("type").asText()).isEqualTo("enabled");
        assertThat(first.path("thinking").path("budget_tokens").asInt()).isEqualTo(2048);
        assertThat(first.path("thinking").has("display")).as("4.5 summarizes by default").isFalse();
        assertThat(first.path("max_tokens").asInt()).isEqualTo(2048 + 8192);
        assertThat(first.has("output_config")).isFalse();
        assertThat(first.has("temperature")).isFalse();
        JsonNode capped = server.streamRequests().get(1).json();
        assertThat(capped.path("max_tokens").asInt()).isEqualTo(4096 + 500);
    }

    @Test
    void anEffortIsAdaptiveThinkingAskingForTheSummaryWhereTheModelOmitsIt() {
        server.respond(r -> gcd(OPUS));

        run(OPUS, "effort:xhigh");

        JsonNode body = server.streamRequests().getFirst().json();
        assertThat(body.path("thinking").path("type").asText()).isEqualTo("adaptive");
        assertThat(body.path("thinking").path("display").asText()).isEqualTo("summarized");
        assertThat(body.path("thinking").has("budget_tokens")).isFalse();
        assertThat(body.path("output_config").path("effort").asText()).isEqualTo("xhigh");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(128_000);
    }

    @Test
    void aTemperatureIsLeftOutOfAThinkingRunNotFailedAndTheCapabilitiesSaySo() {
        server.respond(r -> gcd(SONNET));

        CollectingSink sink = run(SONNET, BudgetSpec.parse("tokens:2048"), new Sampling(0.0, null, null, null));

        assertThat(sink.ofType(ReasoningEvent.Failed.class)).as("a temperature set for another engine fails no column")
                .isEmpty();
        assertThat(sink.answer()).isNotEmpty();
        JsonNode body = server.streamRequests().getFirst().json();
        assertThat(body.has("temperature")).isFalse();
        assertThat(engine.capabilities().temperatureWhileThinking()).isFalse();
    }

    @Test
    void noneSendsNoThinkingAndCapsTheAnswer() {
        server.respond(r -> AnthropicScript.of(SONNET).start(12).text("21").stop("end_turn", 2).build());

        CollectingSink sink = run(SONNET, new Budget.None(), new Sampling(0.2, null, null, null));

        assertThat(sink.thinking()).isEmpty();
        assertThat(sink.answer()).isEqualTo("21");
        JsonNode body = server.streamRequests().getFirst().json();
        assertThat(body.has("thinking")).isFalse();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(8192);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
    }

    @Test
    void aBudgetTheModelCannotTakeFailsItsColumnWithTheKnobToUseAndSendsNothing() {
        ReasoningEvent.Failed tokensOnOpus = run(OPUS, "tokens:4096").failure();
        ReasoningEvent.Failed effortOnSonnet = run(SONNET, "effort:high").failure();
        ReasoningEvent.Failed tooSmall = run(SONNET, "tokens:512").failure();
        ReasoningEvent.Failed alwaysOn = run("claude-fable-5-1", "none").failure();

        assertThat(tokensOnOpus.kind()).isEqualTo(FailureKind.UNSUPPORTED);
        assertThat(tokensOnOpus.message()).contains("Claude Opus 4.7", "no thinking-token budget",
                "effort:low|medium|high|xhigh|max");
        assertThat(effortOnSonnet.message()).contains("Claude Sonnet 4.5 takes no effort levels",
                "tokens:N (N from 1,024 to 63,999)");
        assertThat(tooSmall.message()).contains("1,024 to 63,999 tokens, not 512");
        assertThat(alwaysOn.message()).contains("cannot switch thinking off", "effort:low");
        assertThat(server.streamRequests()).isEmpty();
    }

    /** The per-model check a window makes while a budget is typed: the run's own words, with nothing sent. */
    @Test
    void aModelsRefusalIsToldBeforeARunInTheWordsTheRunFailsWithAndAsksTheServerNothing() {
        for (String[] modelAndBudget : new String[][]{{SONNET, "effort:high"}, {OPUS, "tokens:4096"},
                {SONNET, "tokens:512"}, {"claude-fable-5-1", "none"}}) {
            Budget budget = BudgetSpec.parse(modelAndBudget[1]);
            String before = engine.whyModelRefuses(budget, modelAndBudget[0]);
            assertThat(server.requests()).as("the check asks the server nothing").isEmpty();

            assertThat(before).as(String.join(" ", modelAndBudget))
                    .isEqualTo(run(modelAndBudget[0], modelAndBudget[1]).failure().message());
        }
        assertThat(engine.whyModelRefuses(BudgetSpec.parse("tokens:2048"), SONNET)).isNull();
        assertThat(engine.whyModelRefuses(BudgetSpec.parse("effort:xhigh"), OPUS)).isNull();
        assertThat(engine.whyModelRefuses(BudgetSpec.parse("effort:high"), "claude-not-in-the-table"))
                .as("a model the table does not know is left to the provider").isNull();
        assertThat(engine.whyModelRefuses(BudgetSpec.parse("effort:high"), " ")).as("no model chosen").isNull();
        assertThat(server.streamRequests()).isEmpty();
    }

    @Test
    void aBudgetTheProviderRejectsForAModelTheTableDoesNotKnowIsExplained() {
        server.script(ScriptedReply.status(400, server.error(400, "invalid_request_error",
                "thinking.type.enabled is not supported for this model. Use thinking.type.adaptive and "
                        + "output_config.effort to control thinking behavior.")));

        ReasoningEvent.Failed failed = run("claude-next-9", "tokens:4096").failure();

        assertThat(failed.kind()).isEqualTo(FailureKind.UNSUPPORTED);
        assertThat(failed.message()).contains("rejected the budget tokens:4096 for 'claude-next-9'", "HTTP 400",
                "thinking.type.adaptive", "try effort:high", "hosted-models.json");
    }

    @Test
    void anOverloadedErrorInsideTheStreamFailsTheRunAndKeepsTheThinking() {
        server.script(AnthropicScript.of(SONNET).start(12).thinking("Let me think").ping()
                .error("overloaded_error", "Overloaded").build());

        CollectingSink sink = run(SONNET, "tokens:2048");

        assertThat(sink.failureKind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(sink.failure().message()).contains("Overloaded", "overloaded_error",
                "What arrived before is kept.");
        assertThat(sink.thinking()).isEqualTo("Let me think");
        assertThat(sink.terminals()).hasSize(1);
    }

    @Test
    void redactedThinkingAndSignaturesAreNeverShownAsText() {
        server.script(AnthropicScript.of(SONNET).start(12).redactedThinking("EmwKAhgBEgy3va3pzix")
                .thinking("Visible part.").signature("SIGNATURE-EqQB").text("21").stop("end_turn", 40).build());

        CollectingSink sink = run(SONNET, "tokens:2048");

        assertThat(sink.thinking()).isEqualTo("Visible part.");
        assertThat(sink.thinking() + sink.answer()).doesNotContain("SIGNATURE", "EmwKAhgB");
        assertThat(sink.terminals()).singleElement().isInstanceOf(ReasoningEvent.Finished.class);
    }

    @Test
    void aStreamCutBeforeMessageStopFailsAsCut() {
        server.script(AnthropicScript.of(SONNET).start(12).thinking("Half a tho").abort());

        CollectingSink sink = run(SONNET, "tokens:2048");

        assertThat(sink.failureKind()).isEqualTo(FailureKind.STREAM_CUT);
        assertThat(sink.thinking()).isEqualTo("Half a tho");
    }

    @Test
    void anUnknownModelNamesTheModelsTheAccountHas() {
        server.script(ScriptedReply.status(404, server.error(404, "not_found_error", "model: claude-nope")));

        ReasoningEvent.Failed failed = run("claude-nope", "effort:high").failure();

        assertThat(failed.kind()).isEqualTo(FailureKind.MODEL_NOT_FOUND);
        assertThat(failed.message()).contains("'claude-nope'", SONNET, OPUS);
    }

    @Test
    void aRejectedKeyNamesItsVariableAndNeverTheKey() {
        AnthropicEngine wrong = new AnthropicEngine(new EngineConfig("anthropic", server.baseUrl(),
                FakeKeys.of("sk-ant", "wrong-8e1f0a9d"), Duration.ofSeconds(10), "ANTHROPIC_API_KEY"), HostedAssets.models());
        CollectingSink sink = new CollectingSink();
        sink.awaitEnd(wrong.start(new RunSpec("hi", "", SONNET, BudgetSpec.parse("tokens:2048"), null), sink));

        assertThat(sink.failureKind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(sink.failure().message()).contains("HTTP 401", "ANTHROPIC_API_KEY")
                .doesNotContain(FakeKeys.of("sk-ant", "wrong"));
    }

    @Test
    void listsTheModelsWithTheKeyInItsOwnHeader() throws Exception {
        assertThat(engine.listModels()).extracting(ModelInfo::name).containsExactly(SONNET, OPUS);
        RecordedRequest listing = server.requests().getLast();
        assertThat(listing.path()).isEqualTo("/v1/models");
        assertThat(listing.header("anthropic-version")).isEqualTo("2023-06-01");
    }

    @Test
    void withoutAKeyTheEngineCannotBeSetUpAndSaysWhereToPutOne() {
        assertThatThrownBy(() -> new AnthropicEngine(new EngineConfig("anthropic", null, null, null),
                HostedAssets.models()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ANTHROPIC_API_KEY");
        assertThat(engine.toString()).doesNotContain(KEY);
    }

    /**
     * Anthropic's {@code input_tokens} leaves out the prompt tokens read from and written to its cache: the prompt is
     * all three, the reads its cached part. With no cached rate in the table, they cost the full input rate (the note
     * says so) rather than nothing.
     */
    @Test
    void promptTokensInAnthropicsCacheCountAsPromptTokensAndTheReadsAsCached() {
        server.script(AnthropicScript.of(SONNET).start(12, 800, 100).thinking("Euclid ...").signature("Eq")
                .text("21").stop("end_turn", 90).build());
        Price sonnet = HostedAssets.prices().lookup(SONNET).orElseThrow();

        CollectingSink sink = run(SONNET, "tokens:2048");
        RunMetrics m = HostedAssets.recorded(sink, sonnet).metrics(System.nanoTime());

        assertThat(sink.ofType(ReasoningEvent.UsageReported.class).getFirst().usage())
                .isEqualTo(new Usage(912, 90, null, 800));
        assertThat(m.promptTokens()).isEqualTo(TokenCount.reported(912));
        // 912 x $3 + 90 x $15 per million
        assertThat(m.cost().amount()).isEqualByComparingTo(new BigDecimal("0.004086"));
        assertThat(m.cost().note()).contains("priced at the full input rate (no cached rate is listed");
    }

    /**
     * {@code stop_reason: "refusal"}: Claude's safety classifiers stopped the answer. It finished as if whole, with an
     * unknown stop.
     */
    @Test
    void anAnswerStoppedAsARefusalFailsAsFilteredKeepingItsTextAndUsage() {
        server.script(AnthropicScript.of(SONNET).start(12).thinking("Let me see").signature("Eq")
                .text("Here is how").stop("refusal", 30).build());

        CollectingSink sink = run(SONNET, "tokens:2048");

        assertThat(sink.terminals()).singleElement().isInstanceOf(ReasoningEvent.Failed.class);
        assertThat(sink.failureKind()).isEqualTo(FailureKind.CONTENT_FILTERED);
        assertThat(sink.failure().message()).contains("stopped the answer with its content filter",
                "stop_reason refusal", "What arrived before is kept.");
        assertThat(sink.answer()).isEqualTo("Here is how");
        assertThat(sink.ofType(ReasoningEvent.UsageReported.class)).singleElement()
                .satisfies(u -> assertThat(u.usage()).isEqualTo(new Usage(12, 30, null)));
    }
}
