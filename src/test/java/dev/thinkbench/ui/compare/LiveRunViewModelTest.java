package dev.thinkbench.ui.compare;

import dev.thinkbench.ui.text.TextStreamListener;

import dev.thinkbench.ui.text.HesitationText;
import dev.thinkbench.ui.text.TextChunk;

import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.TokenProbability;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.ReasoningEventSink;
import dev.thinkbench.engine.RunHandle;
import dev.thinkbench.lab.Comparison;
import dev.thinkbench.lab.Lane;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Folding one frame's events into text batches. */
class LiveRunViewModelTest {

    /** A test double that emits a fixed list of events synchronously when started. */
    private record ReplayTestEngine(List<ReasoningEvent> events) implements ReasoningEngine {
        @Override public String id() { return "replay"; }
        @Override public String displayName() { return "Replay"; }
        @Override public EngineCapabilities capabilities() {
            return new EngineCapabilities(Set.of(Budget.Kind.NONE), List.of(), true, false, false);
        }
        @Override public List<ModelInfo> listModels() { return List.of(); }
        @Override public String describe(Budget budget) { return budget.spec(); }
        @Override public Price price(String model, PriceTable table) { return Price.free("test"); }
        @Override public RunHandle start(RunSpec spec, ReasoningEventSink sink) {
            events.forEach(sink::accept);
            return new RunHandle() {
                @Override public void cancel() { }
                @Override public CompletableFuture<Void> done() { return CompletableFuture.completedFuture(null); }
            };
        }
    }

    private static LiveRunViewModel last;

    private static List<List<TextChunk>> play(List<ReasoningEvent> events, List<String> resets) {
        Comparison c = Comparison.start(new ReplayTestEngine(events), PriceTable.empty(),
                new RunSpec("q", "", "m", new Budget.None(), Sampling.defaults()), List.of(new Lane("x",
                        new Budget.None())));
        LiveRunViewModel live = new LiveRunViewModel();
        List<List<TextChunk>> batches = new ArrayList<>();
        live.addListener(new TextStreamListener() {
            @Override public void append(List<TextChunk> chunks) { batches.add(chunks); }
            @Override public void reset() { resets.add("reset"); }
        });
        live.attach(c.runs().getFirst());
        resets.clear();
        live.tick(1);
        last = live;
        return batches;
    }

    @Test
    void oneFramesEventsBecomeOneBatchWithAdjacentTextJoined() {
        List<List<TextChunk>> batches = play(List.of(
                new ReasoningEvent.Started(1, "m", "none"),
                new ReasoningEvent.ThinkingDelta(2, "a", 1),
                new ReasoningEvent.ThinkingDelta(3, "b", 1),
                new ReasoningEvent.Intervention(4, InterventionKind.WAIT_INSERTED, "Wait", 2),
                new ReasoningEvent.ThinkingDelta(5, "c", 1),
                new ReasoningEvent.AnswerDelta(6, "4", 1),
                new ReasoningEvent.AnswerDelta(7, "2", 1),
                new ReasoningEvent.Finished(8, ReasoningEvent.StopReason.END_OF_TURN)), new ArrayList<>());

        assertThat(batches).containsExactly(List.of(
                new TextChunk(TextChunk.Part.THINKING, "ab"),
                new TextChunk(TextChunk.Part.INSERTED, "Wait"),
                new TextChunk(TextChunk.Part.THINKING, "c"),
                new TextChunk(TextChunk.Part.ANSWER, "42")));
    }

    @Test
    void theConfidenceViewRedrawsTheThinkingInBandsAndBackWithoutLosingText() {
        List<String> resets = new ArrayList<>();
        List<List<TextChunk>> batches = play(List.of(
                new ReasoningEvent.Started(1, "m", "none"),
                new ReasoningEvent.TokenConfidence(2, true, List.of(new dev.thinkbench.core.TokenProbability("8", 0.95),
                        new dev.thinkbench.core.TokenProbability(" plus", 0.3))),
                new ReasoningEvent.ThinkingDelta(3, "8 plus", 2),
                new ReasoningEvent.Intervention(4, InterventionKind.WAIT_INSERTED, "Wait", 2),
                new ReasoningEvent.TokenConfidence(5, false, List.of(new dev.thinkbench.core.TokenProbability("4",
                        0.1))),
                new ReasoningEvent.AnswerDelta(6, "4", 1),
                new ReasoningEvent.Finished(7, ReasoningEvent.StopReason.END_OF_TURN)), resets);
        // Off: shown plainly, as ever.
        assertThat(batches).containsExactly(List.of(new TextChunk(TextChunk.Part.THINKING, "8"),
                new TextChunk(TextChunk.Part.THINKING, " plus"), new TextChunk(TextChunk.Part.INSERTED, "Wait"),
                new TextChunk(TextChunk.Part.ANSWER, "4")));
        assertThat(last.confidenceReportedProperty().get()).isTrue();

        last.setConfidenceShown(true);

        assertThat(resets).containsExactly("reset");
        assertThat(batches.getLast()).containsExactly(
                new TextChunk(TextChunk.Part.THINKING, "8", TextChunk.Confidence.SURE),
                new TextChunk(TextChunk.Part.THINKING, " plus", TextChunk.Confidence.GUESSING),
                new TextChunk(TextChunk.Part.INSERTED, "Wait"),
                new TextChunk(TextChunk.Part.ANSWER, "4", TextChunk.Confidence.GUESSING));

        last.setConfidenceShown(false);
        assertThat(resets).hasSize(2);
        assertThat(batches.getLast()).extracting(TextChunk::confidence).containsOnlyNulls();
        assertThat(batches.getLast()).extracting(TextChunk::text).containsExactly("8", " plus", "Wait", "4");
    }

    @Test
    void theTokenTheModelHesitatedOverIsFoundWhereItsTextLiesInTheThinkingAfterInsertedTextAndInTheAnswer() {
        TokenProbability six = new TokenProbability(" six", 0.55, List.of(new TokenProbability.Alternative(" four",
                0.34)));
        TokenProbability answerSix = new TokenProbability(" 6", 0.3, List.of(new TokenProbability.Alternative(" 4",
                0.25)));
        play(List.of(
                new ReasoningEvent.Started(1, "m", "none"),
                new ReasoningEvent.TokenConfidence(2, true, List.of(new TokenProbability("Two", 0.95),
                        new TokenProbability(" is", 0.9))),
                new ReasoningEvent.ThinkingDelta(3, "Two is", 2),
                new ReasoningEvent.Intervention(4, InterventionKind.WAIT_INSERTED, " Wait", 2),
                new ReasoningEvent.TokenConfidence(5, true, List.of(six, new TokenProbability(".", 0.99))),
                new ReasoningEvent.ThinkingDelta(6, " six.", 2),
                new ReasoningEvent.TokenConfidence(7, false, List.of(new TokenProbability("A:", 0.99), answerSix)),
                new ReasoningEvent.AnswerDelta(8, "A: 6", 2),
                new ReasoningEvent.Finished(9, ReasoningEvent.StopReason.END_OF_TURN)), new ArrayList<>());
        // the thinking area reads "Two is Wait six.": " six" takes characters 11 to 14
        assertThat(last.thinkingHesitationAt(12)).as("off: nothing to say").isNull();

        last.setConfidenceShown(true);

        assertThat(last.thinkingHesitationAt(11)).isEqualTo(six);
        assertThat(last.thinkingHesitationAt(14)).isEqualTo(six);
        assertThat(last.thinkingHesitationAt(10)).isNull();
        assertThat(last.thinkingHesitationAt(15)).as("the sure full stop").isNull();
        assertThat(last.thinkingHesitationAt(2)).isNull();
        assertThat(last.answerHesitationAt(2)).as("the answer's own offsets").isEqualTo(answerSix);
        assertThat(last.answerHesitationAt(1)).isNull();
        dev.thinkbench.ui.common.Messages.setLocale(java.util.Locale.ENGLISH);
        assertThat(HesitationText.describe(last.thinkingHesitationAt(12))).isEqualTo(
                "Chose “ six” at 55% · also likely: “ four” 34%");
    }

    @Test
    void theStatusCountsOneThinkingTokenAsOneToken() {
        play(List.of(new ReasoningEvent.Started(1, "m", "none"), new ReasoningEvent.ThinkingDelta(2, "a", 1)),
                new ArrayList<>());
        assertThat(last.statusTextProperty().get()).startsWith("Thinking\u2026 1 token \u00b7");
        play(List.of(new ReasoningEvent.Started(1, "m", "none"), new ReasoningEvent.ThinkingDelta(2, "ab", 2)),
                new ArrayList<>());
        assertThat(last.statusTextProperty().get()).startsWith("Thinking\u2026 2 tokens \u00b7");
    }

    @Test
    void aRunThatWaitedToRetrySaysSoAndItsTimesLeaveTheWaitOut() {
        dev.thinkbench.ui.common.Messages.setLocale(java.util.Locale.ENGLISH);
        long ms = 1_000_000L;
        play(List.of(new ReasoningEvent.Started(0, "m", "none"),
                new ReasoningEvent.RetryWaiting(10 * ms, 3000, "HTTP 429 and asked to wait"),
                new ReasoningEvent.ThinkingDelta(3040 * ms, "a", 1),
                new ReasoningEvent.AnswerDelta(3240 * ms, "4", 1),
                new ReasoningEvent.Finished(3250 * ms, ReasoningEvent.StopReason.END_OF_TURN)), new ArrayList<>());

        assertThat(last.getMetrics().timeToFirstThinkingMs()).as("not the 3 s the server asked to wait")
                .isEqualTo(40);
        assertThat(last.statusTextProperty().get())
                .isEqualTo("Done in 250 ms \u00b7 retried after a 3.0 s wait, not counted in its times");
    }

    @Test
    void thinkingWhoseTokensNoOneCountedYetSaysNoCount() {
        dev.thinkbench.ui.common.Messages.setLocale(java.util.Locale.ENGLISH);
        play(List.of(new ReasoningEvent.Started(1, "m", "effort:low"),
                new ReasoningEvent.ThinkingDelta(2, "I need 18 times 24.", 0)), new ArrayList<>());

        assertThat(last.getMetrics().thinkingTokens().known()).isFalse();
        assertThat(last.statusTextProperty().get()).startsWith("Thinking\u2026 ").doesNotContain("token");
    }

    @Test
    void anEditedTraceReplacesWhatWasShown() {
        List<String> resets = new ArrayList<>();
        List<List<TextChunk>> batches = play(List.of(
                new ReasoningEvent.Started(1, "m", "none"),
                new ReasoningEvent.ThinkingDelta(2, "wrong", 1),
                new ReasoningEvent.Intervention(3, InterventionKind.TRACE_EDITED, "fixed ", 1),
                new ReasoningEvent.ThinkingDelta(4, "more", 1)), resets);

        assertThat(resets).containsExactly("reset");
        assertThat(batches).containsExactly(List.of(new TextChunk(TextChunk.Part.THINKING, "fixed more")));
    }

    @Test
    void aProvidersSummaryOfTheThinkingIsMarkedAsOne() {
        play(List.of(new ReasoningEvent.Started(1, "m", "none"),
                new ReasoningEvent.ThinkingDelta(2, "**Counting** the letters", 0, true),
                new ReasoningEvent.Finished(3, ReasoningEvent.StopReason.END_OF_TURN)), new ArrayList<>());
        assertThat(last.thinkingSummaryProperty().get()).isTrue();

        play(List.of(new ReasoningEvent.Started(1, "m", "none"), new ReasoningEvent.ThinkingDelta(2, "own", 1),
                new ReasoningEvent.Finished(3, ReasoningEvent.StopReason.END_OF_TURN)), new ArrayList<>());
        assertThat(last.thinkingSummaryProperty().get()).isFalse();
    }
}
