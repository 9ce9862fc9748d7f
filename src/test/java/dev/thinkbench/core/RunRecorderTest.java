package dev.thinkbench.core;

import dev.thinkbench.core.ReasoningEvent.AnswerDelta;
import dev.thinkbench.core.ReasoningEvent.Finished;
import dev.thinkbench.core.ReasoningEvent.Intervention;
import dev.thinkbench.core.ReasoningEvent.Started;
import dev.thinkbench.core.ReasoningEvent.ThinkingDelta;
import dev.thinkbench.core.ReasoningEvent.UsageReported;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class RunRecorderTest {

    private static final long MS = 1_000_000L;

    @Test
    void timesAndCountedTokensFollowTheEvents() {
        RunRecorder r = new RunRecorder(Price.free("local server"));
        r.accept(new Started(0, "m", "none"));
        r.accept(new ThinkingDelta(100 * MS, "Let ", 1));
        r.accept(new ThinkingDelta(300 * MS, "x=2.", 2));
        r.accept(new AnswerDelta(500 * MS, "4", 1));
        r.accept(new Finished(600 * MS, ReasoningEvent.StopReason.END_OF_TURN));

        RunMetrics m = r.metrics(10_000 * MS);
        assertThat(m.timeToFirstThinkingMs()).isEqualTo(100);
        assertThat(m.timeToFirstAnswerMs()).isEqualTo(500);
        assertThat(m.thinkingMs()).isEqualTo(400);
        assertThat(m.totalMs()).isEqualTo(600);
        assertThat(m.thinkingTokens()).isEqualTo(TokenCount.counted(3));
        assertThat(m.answerTokens()).isEqualTo(TokenCount.counted(1));
        assertThat(m.cost().display()).isEqualTo("free");
        assertThat(r.trace().thinking()).isEqualTo("Let x=2.");
        assertThat(r.trace().answer()).isEqualTo("4");
        assertThat(r.trace().status()).isEqualTo(RunStatus.OK);
    }

    @Test
    void aForcedAnswersTextIsKeptApartFromTheThinkingAndAWaitAfterItClearsIt() {
        RunRecorder r = new RunRecorder(Price.free("local server"));
        r.accept(new Started(0, "m", "force:max=2"));
        r.accept(new ThinkingDelta(100 * MS, "x=2.", 2));
        r.accept(new ReasoningEvent.Intervention(200 * MS, InterventionKind.ANSWER_FORCED,
                "\n</think>\nFinal Answer:", 2));
        r.accept(new AnswerDelta(300 * MS, " 4", 1));

        assertThat(r.trace().forcedText()).isEqualTo("\n</think>\nFinal Answer:");
        assertThat(r.trace().thinking()).as("the thinking is the model's and the Waits'").isEqualTo("x=2.");

        RunRecorder waited = new RunRecorder(Price.free("local server"));
        waited.accept(new Started(0, "m", "force:max=2"));
        waited.accept(new ReasoningEvent.Intervention(200 * MS, InterventionKind.ANSWER_FORCED, "F:", 2));
        waited.accept(new ReasoningEvent.Intervention(300 * MS, InterventionKind.WAIT_INSERTED, "Wait", 2));
        assertThat(waited.trace().forcedText()).isEmpty();
    }

    @Test
    void reportedUsageWinsAndPricesTheRun() {
        Price p = new Price("x", new BigDecimal("1"), new BigDecimal("10"), "USD", "test", "");
        RunRecorder r = new RunRecorder(p);
        r.accept(new Started(0, "m", "effort:high"));
        r.accept(new ThinkingDelta(MS, "hmm", 1));
        r.accept(new UsageReported(2 * MS, new Usage(1000, 3000, 2500)));
        r.accept(new Finished(3 * MS, ReasoningEvent.StopReason.END_OF_TURN));

        RunMetrics m = r.metrics(0);
        assertThat(m.thinkingTokens()).isEqualTo(TokenCount.reported(2500));
        assertThat(m.answerTokens()).isEqualTo(TokenCount.reported(500));
        assertThat(m.promptTokens()).isEqualTo(TokenCount.reported(1000));
        assertThat(m.cost().amount()).isEqualByComparingTo("0.031");
    }

    /**
     * Providers bill prompt tokens read from their cache at a lower rate (GPT-5.5: 5 in, 0.50 cached per million); the
     * cost priced every prompt token at the full input rate.
     */
    @Test
    void promptTokensReadFromTheCacheArePricedAtTheCachedRateWhereThereIsOneAndAtTheFullRateWhereNot() {
        Price cachedRate = new Price("x", new BigDecimal("5"), new BigDecimal("30"), "USD", "test", "",
                new BigDecimal("0.5"));
        Price noCachedRate = new Price("x", new BigDecimal("5"), new BigDecimal("30"), "USD", "test", "");

        RunMetrics cheap = cachedRun(cachedRate, new Usage(1000, 100, 40, 800));
        RunMetrics full = cachedRun(noCachedRate, new Usage(1000, 100, 40, 800));
        RunMetrics nothingCached = cachedRun(cachedRate, new Usage(1000, 100, 40, 0));
        RunMetrics notSaid = cachedRun(cachedRate, new Usage(1000, 100, 40));

        // (200 x 5 + 800 x 0.5 + 100 x 30) / 1e6
        assertThat(cheap.cost().amount()).isEqualByComparingTo("0.0044");
        assertThat(cheap.cost().note()).isEqualTo("test; 800 prompt tokens read from the provider's cache priced at"
                + " the cached rate of USD 0.5 per million");
        assertThat(cheap.promptTokens()).as("the prompt's count is all of it").isEqualTo(TokenCount.reported(1000));
        assertThat(full.cost().amount()).isEqualByComparingTo("0.008");
        assertThat(full.cost().note()).contains("800 prompt tokens read from the provider's cache priced at the full"
                + " input rate (no cached rate is listed for this model)");
        assertThat(nothingCached.cost()).as("nothing cached: the cost as before").isEqualTo(notSaid.cost());
        assertThat(notSaid.cost().amount()).isEqualByComparingTo("0.008");
        assertThat(notSaid.cost().note()).isEqualTo("test");
    }

    private static RunMetrics cachedRun(Price price, Usage usage) {
        RunRecorder r = new RunRecorder(price);
        r.accept(new Started(0, "m", "effort:high"));
        r.accept(new UsageReported(MS, new Usage(null, null, null, null)));
        r.accept(new UsageReported(2 * MS, usage));
        r.accept(new Finished(3 * MS, ReasoningEvent.StopReason.END_OF_TURN));
        return r.metrics(0);
    }

    @Test
    void aRunCancelledBeforeItsUsageCameCostsAtLeastItsOutput() {
        Price p = new Price("x", new BigDecimal("1"), new BigDecimal("10"), "USD", "test", "");
        RunRecorder r = new RunRecorder(p);
        r.accept(new Started(0, "m", "effort:high"));
        for (int i = 0; i < 19; i++) {
            r.accept(new ThinkingDelta(MS, "t", 1));
        }
        RunMetrics running = r.metrics(2 * MS);
        assertThat(running.cost().known()).as("while it runs, the prompt may still be reported").isFalse();

        r.accept(new ReasoningEvent.Cancelled(3 * MS));

        RunMetrics m = r.metrics(3 * MS);
        assertThat(m.cost().amount()).isEqualByComparingTo("0.00019");
        assertThat(m.cost().atLeast()).isTrue();
        assertThat(m.cost().display()).isEqualTo("\u2265 $0.00019");
        assertThat(m.cost().note()).startsWith("test; at least:");
        assertThat(new RunRecorder(Price.free("local")).metrics(0).cost().atLeast()).isFalse();
    }

    @Test
    void aHostedRunThatEndedBeforeAnyTokenHasNoCountsAndIsNeverFree() {
        Price hosted = new Price("claude-opus-4-7", new BigDecimal("5"), new BigDecimal("25"), "USD", "list", "");
        for (ReasoningEvent end : java.util.List.of(
                new ReasoningEvent.Failed(30 * MS, FailureKind.AUTHENTICATION, "HTTP 401"),
                new ReasoningEvent.Cancelled(30 * MS))) {
            RunRecorder r = new RunRecorder(hosted);
            r.accept(new Started(0, "claude-opus-4-7", "effort:low"));
            r.accept(end);

            RunMetrics m = r.metrics(40 * MS);
            assertThat(m.thinkingTokens().known()).as("nothing arrived: a dash, not 0 counted").isFalse();
            assertThat(m.answerTokens().known()).isFalse();
            assertThat(m.cost().free()).isFalse();
            assertThat(m.cost().display()).as("a hosted model's run is never free").isNotEqualTo("free");
        }
    }

    @Test
    void aLocalRunCountsItsOwnTokensAndIsFreeEvenWhenItFailsFirst() {
        RunRecorder answered = new RunRecorder(Price.free("local"));
        answered.accept(new Started(0, "m", "none"));
        answered.accept(new AnswerDelta(MS, "4", 1));
        answered.accept(new Finished(2 * MS, ReasoningEvent.StopReason.END_OF_TURN));
        assertThat(answered.metrics(3 * MS).thinkingTokens()).as("it counts: no thinking is 0")
                .isEqualTo(TokenCount.counted(0));

        RunRecorder failed = new RunRecorder(Price.free("local"));
        failed.accept(new Started(0, "m", "none"));
        failed.accept(new ReasoningEvent.Failed(MS, FailureKind.ENGINE_CRASHED, "crashed"));
        assertThat(failed.metrics(2 * MS).thinkingTokens().known()).isFalse();
        assertThat(failed.metrics(2 * MS).cost().display()).isEqualTo("free");
    }

    @Test
    void aWaitTheServerAskedForIsNotTheModelsLatencyButIsToldApart() {
        RunRecorder r = new RunRecorder(Price.free("local"));
        r.accept(new Started(0, "m", "effort:low"));
        r.accept(new ReasoningEvent.RetryWaiting(10 * MS, 3000, "HTTP 429"));
        RunMetrics waiting = r.metrics(1010 * MS);
        assertThat(waiting.retryWaitMs()).as("a second of the wait so far").isEqualTo(1000);
        assertThat(waiting.totalMs()).isEqualTo(10);

        r.accept(new ThinkingDelta(3040 * MS, "x", 1));
        r.accept(new ThinkingDelta(3140 * MS, "y", 1));
        r.accept(new AnswerDelta(3240 * MS, "4", 1));
        r.accept(new Finished(3250 * MS, ReasoningEvent.StopReason.END_OF_TURN));

        RunMetrics m = r.metrics(9999 * MS);
        assertThat(m.timeToFirstThinkingMs()).as("from the attempt that answered").isEqualTo(40);
        assertThat(m.timeToFirstAnswerMs()).isEqualTo(240);
        assertThat(m.thinkingMs()).isEqualTo(200);
        assertThat(m.totalMs()).isEqualTo(250);
        assertThat(m.generationMs()).isEqualTo(200);
        assertThat(m.retryWaitMs()).isEqualTo(3000);

        RunRecorder plain = new RunRecorder(Price.free("local"));
        plain.accept(new Started(0, "m", "none"));
        assertThat(plain.metrics(MS).retryWaitMs()).isNull();
    }

    @Test
    void unknownStaysUnknown() {
        RunRecorder r = new RunRecorder(null);
        r.accept(new Started(0, "m", "none"));
        r.accept(new ThinkingDelta(MS, "summary text", 0));
        RunMetrics m = r.metrics(5 * MS);
        assertThat(m.thinkingTokens().known()).isFalse();
        assertThat(m.thinkingTokens().display()).isEqualTo("\u2013");
        assertThat(m.promptTokens().known()).isFalse();
        assertThat(m.cost().known()).isFalse();
        assertThat(m.timeToFirstAnswerMs()).isNull();
        assertThat(m.totalMs()).isEqualTo(5);
    }

    @Test
    void aSummaryIsMarkedAndItsLengthIsNeverTakenForTheThinkingTokens() {
        RunRecorder r = new RunRecorder(Price.free("test"));
        r.accept(new Started(0, "m", "effort:high"));
        r.accept(new ThinkingDelta(MS, "**Counting** the r's", 5, true));
        r.accept(new ReasoningEvent.AnswerDelta(2 * MS, "3", 0));
        r.accept(new ReasoningEvent.UsageReported(3 * MS, new Usage(10, 300, null)));
        r.accept(new ReasoningEvent.Finished(4 * MS, ReasoningEvent.StopReason.END_OF_TURN));

        assertThat(r.trace().thinkingSummary()).isTrue();
        assertThat(r.trace().thinking()).isEqualTo("**Counting** the r's");
        assertThat(r.metrics(5 * MS).thinkingTokens().known()).isFalse();

        r = new RunRecorder(Price.free("test"));
        r.accept(new ThinkingDelta(MS, "summary", 0, true));
        r.accept(new ReasoningEvent.UsageReported(3 * MS, new Usage(10, 300, 280)));
        assertThat(r.metrics(5 * MS).thinkingTokens()).isEqualTo(TokenCount.reported(280));
        assertThat(new RunRecorder(null).trace().thinkingSummary()).isFalse();
    }

    @Test
    void waitsSplitThinkingIntoSegments() {
        RunRecorder r = new RunRecorder(Price.free("local"));
        r.accept(new Started(0, "m", "force:min=10,max=100,waits=2,wait=Wait"));
        r.accept(new ThinkingDelta(MS, "two r's.", 3));
        r.accept(new Intervention(2 * MS, InterventionKind.WAIT_INSERTED, "Wait", 3));
        r.accept(new ThinkingDelta(3 * MS, " three r's.", 4));
        r.accept(new Intervention(4 * MS, InterventionKind.ANSWER_FORCED, "</think>\nFinal Answer:", 7));
        r.accept(new AnswerDelta(5 * MS, " 3", 1));
        r.accept(new ReasoningEvent.Failed(6 * MS, FailureKind.STREAM_CUT, "cut"));

        Trace t = r.trace();
        assertThat(t.segments()).hasSize(2);
        assertThat(t.segments().get(1).openedBy()).isEqualTo(InterventionKind.WAIT_INSERTED);
        assertThat(t.segments().get(1).tokens()).isEqualTo(4);
        assertThat(t.thinking()).isEqualTo("two r's.Wait three r's.");
        assertThat(t.partial()).isTrue();
        assertThat(t.error()).isEqualTo("cut");
        assertThat(r.metrics(0).waits()).isEqualTo(1);
    }
}
