package dev.thinkbench.lab.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.InterventionKind;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.TokenProbability;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.forcing.AnswerRecord;
import dev.thinkbench.forcing.BranchView;
import dev.thinkbench.forcing.StepRecord;
import dev.thinkbench.forcing.StepperState;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Sessions built by hand for tests: every event type, a skipped and an idle column, Stepper branches, sweep rows. */
public final class SessionSamples {

    static final long MS = 1_000_000L;

    private SessionSamples() {
    }

    static RunSetup setup() {
        return new RunSetup("What is 6 x 7?", "Be brief.", "openai-compat", "OpenAI-compatible", "qwen3-8b",
                "http://127.0.0.1:8080/v1", "OPENAI_API_KEY", new Sampling(0.6, 0.95, 42L, 256), "chatml-think",
                "42");
    }

    /** One of every event type, in an order a run could have. */
    static List<ReasoningEvent> everyEventType() {
        return List.of(
                new ReasoningEvent.Started(0, "qwen3-8b", "force:min=0,max=64,waits=1,wait=Wait", 1200L),
                new ReasoningEvent.RetryWaiting(2 * MS, 1500, "HTTP 429: slow down"),
                new ReasoningEvent.TokenConfidence(1600 * MS, true, List.of(new TokenProbability("Six", 0.93),
                        new TokenProbability(" sevens", 0.25, List.of(new TokenProbability.Alternative(" times", 0.5),
                                new TokenProbability.Alternative(" x", 0.125))))),
                new ReasoningEvent.ThinkingDelta(1600 * MS, "Six sevens", 2),
                new ReasoningEvent.ThinkingDelta(1610 * MS, " are 42.", 3),
                new ReasoningEvent.Intervention(1620 * MS, InterventionKind.WAIT_INSERTED, "Wait", 5,
                        "the model tried to stop at 5 tokens"),
                new ReasoningEvent.ThinkingDelta(1630 * MS, " Yes, 42.", 3),
                new ReasoningEvent.Intervention(1640 * MS, InterventionKind.ANSWER_FORCED, "</think>\nFinal Answer:",
                        8),
                new ReasoningEvent.AnswerDelta(1650 * MS, " 42", 1),
                new ReasoningEvent.UsageReported(1660 * MS, new Usage(20, 9, null, 6)),
                new ReasoningEvent.Finished(1670 * MS, ReasoningEvent.StopReason.END_OF_TURN));
    }

    static List<ReasoningEvent> failed() {
        return List.of(new ReasoningEvent.Started(0, "qwen3-8b", "effort:high"),
                new ReasoningEvent.ThinkingDelta(5 * MS, "Hmm", 1, true),
                new ReasoningEvent.Intervention(6 * MS, InterventionKind.TEXT_INSERTED, " Let me check.", 1),
                new ReasoningEvent.Intervention(7 * MS, InterventionKind.TRACE_EDITED, "Edited.", 2),
                new ReasoningEvent.Intervention(8 * MS, InterventionKind.END_ACCEPTED, "", 2),
                new ReasoningEvent.Failed(20 * MS, FailureKind.STREAM_CUT, "the stream ended early",
                        java.time.Duration.ofSeconds(3)));
    }

    static List<ReasoningEvent> cancelled() {
        return List.of(new ReasoningEvent.Started(0, "qwen3-8b", "none"),
                new ReasoningEvent.UsageReported(3 * MS, new Usage(null, null, 4)),
                new ReasoningEvent.Cancelled(4 * MS));
    }

    static BranchView branch(int id, Integer parent) {
        StepRecord think = new StepRecord(StepRecord.Phase.THINKING, null, "", "Six sevens", 2, 64, 30, 30,
                CompletionResult.Stop.STOP_STRING, "model ended thinking", 0, 10 * MS, List.of(
                        new TokenProbability("Six", 0.9), new TokenProbability(" sevens", 0.4,
                                List.of(new TokenProbability.Alternative(" eights", 0.35))),
                        new TokenProbability("</think>", 0.7)));
        StepRecord waited = new StepRecord(StepRecord.Phase.THINKING, InterventionKind.WAIT_INSERTED, "Wait",
                " are 42.", 3, 64, 35, 2, CompletionResult.Stop.EOS, "", 11 * MS, 20 * MS);
        StepRecord answer = new StepRecord(StepRecord.Phase.ANSWER, InterventionKind.END_ACCEPTED, "", "42", 1, 32,
                null, null, null, "", 21 * MS, 22 * MS);
        return new BranchView(id, "branch " + id, parent, parent == null ? 0 : 2, StepperState.DONE, "answered",
                List.of(think, waited, answer), "Six sevensWait are 42.", 5,
                List.of(new AnswerRecord("41", InterventionKind.ANSWER_FORCED, 2, 1, true),
                        new AnswerRecord("42", InterventionKind.END_ACCEPTED, 5, 2, false)),
                everyEventType());
    }

    public static Session full() {
        Price price = new Price("qwen3-8b", new BigDecimal("0.15"), new BigDecimal("0.6"), "USD",
                "assets/pricing.json", "2025-06-01", new BigDecimal("0.015"));
        List<RecordedColumn> columns = List.of(
                new RecordedColumn("small", "force:min=0,max=64,waits=1,wait=Wait", price, null, everyEventType()),
                new RecordedColumn("medium", "effort:high", null, null, failed()),
                new RecordedColumn("large", "none", Price.free("local"), null, cancelled()),
                RecordedColumn.skipped("huge", "tokens:9000", "this engine has no token budgets"),
                RecordedColumn.idle("later", "effort:low"));
        StepperRecord stepper = new StepperRecord("What is 6 x 7?", "", "chatml-think", "42", 2,
                List.of(branch(1, null), branch(2, 1)));
        SweepResults sweep;
        try {
            ObjectMapper json = new ObjectMapper();
            sweep = new SweepResults("runs/sweep.jsonl", List.of(
                    json.readTree("{\"problemId\":\"p1\",\"label\":\"small\",\"budget\":\"none\",\"strategy\":"
                            + "\"fixed\",\"status\":\"ok\",\"answer\":\"4\",\"expected\":\"4\",\"correct\":true,"
                            + "\"thinkingTokens\":12,\"totalMs\":300}"),
                    json.readTree("{\"problemId\":\"p2\",\"label\":\"small\",\"budget\":\"none\",\"strategy\":"
                            + "\"fixed\",\"status\":\"ok\",\"answer\":\"7\",\"expected\":\"8\",\"correct\":false,"
                            + "\"thinkingTokens\":20,\"totalMs\":500}")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new Session(Instant.parse("2026-03-01T10:15:30Z"), "Recorded by a test", setup(), columns, stepper,
                sweep);
    }
}
