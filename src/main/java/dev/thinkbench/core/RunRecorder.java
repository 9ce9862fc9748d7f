package dev.thinkbench.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds one run's {@link ReasoningEvent}s into a {@link Trace} and {@link RunMetrics}. Events come from the engine's
 * thread and snapshots are taken from any thread; every method is synchronized and cheap.
 */
public final class RunRecorder {

    private Price price;
    private final List<ThinkingSegment> closed = new ArrayList<>();
    private final List<ReasoningEvent.Intervention> interventions = new ArrayList<>();
    private StringBuilder segmentText = new StringBuilder();
    private final StringBuilder answer = new StringBuilder();
    private InterventionKind segmentOpenedBy;
    private String segmentInserted = "";
    private int segmentTokens;
    private long segmentStart = -1;
    private long segmentEnd = -1;

    private RunStatus status = RunStatus.PENDING;
    private FailureKind failureKind;
    private String error;
    private long startNanos = -1;
    private long endNanos = -1;
    private long firstThinkingNanos = -1;
    private long lastThinkingNanos = -1;
    private long firstAnswerNanos = -1;
    private long firstOutputNanos = -1;
    private long lastOutputNanos = -1;
    private int countedThinking;
    private int countedAnswer;
    private boolean thinkingCountUnknown;
    private boolean answerCountUnknown;
    private boolean thinkingSummary;
    /** What a forced answer appended after the thinking, empty while the thinking was not cut. */
    private String forcedText = "";
    private Usage usage = Usage.unknown();
    private int waits;
    private Long modelLoadMs;
    /** The waits before a retry the server asked for, each {start, end} in nanos: no part of the model's times. */
    private final List<long[]> retryWaits = new ArrayList<>();

    /** @param price the price used for the cost, {@link Price#free(String)} for local engines, null if unknown */
    public RunRecorder(Price price) {
        this.price = price;
    }

    /** Folds one event. Never throws on well-formed events; events after the end are ignored. */
    public synchronized void accept(ReasoningEvent event) {
        if (status.terminal()) {
            return;
        }
        switch (event) {
            case ReasoningEvent.Started s -> {
                status = RunStatus.RUNNING;
                startNanos = s.nanos();
                modelLoadMs = s.modelLoadMs();
            }
            case ReasoningEvent.ThinkingDelta d -> onThinking(d);
            case ReasoningEvent.AnswerDelta d -> onAnswer(d);
            case ReasoningEvent.Intervention i -> onIntervention(i);
            case ReasoningEvent.UsageReported u -> usage = merge(usage, u.usage());
            case ReasoningEvent.Finished f -> end(f.nanos(), RunStatus.OK, null, null);
            case ReasoningEvent.Cancelled c -> end(c.nanos(), RunStatus.CANCELLED, null, null);
            case ReasoningEvent.Failed f -> end(f.nanos(), RunStatus.FAILED, f.kind(),
                    SecretScrubber.scrub(f.message()));
            case ReasoningEvent.TokenConfidence t -> {
                // The views colour text by it; the trace and metrics do not change.
            }
            case ReasoningEvent.RetryWaiting w -> {
                // The server's wish, not the model's latency: the times are measured without it (the request is
                // sent again when it is over), and the wait is told apart (RunMetrics#retryWaitMs).
                ensureStarted(w.nanos());
                retryWaits.add(new long[]{w.nanos(), w.nanos() + Math.max(0, w.waitMillis()) * 1_000_000});
            }
        }
    }

    private void onThinking(ReasoningEvent.ThinkingDelta d) {
        ensureStarted(d.nanos());
        if (firstThinkingNanos < 0) {
            firstThinkingNanos = d.nanos();
        }
        lastThinkingNanos = d.nanos();
        output(d.nanos());
        if (segmentStart < 0) {
            segmentStart = d.nanos();
        }
        segmentEnd = d.nanos();
        segmentText.append(d.text());
        segmentTokens += d.tokens();
        countedThinking += d.tokens();
        if (d.summary()) {
            // A summary's length says nothing about how long the model thought: only a reported count is true.
            thinkingSummary = true;
            thinkingCountUnknown = true;
        } else if (d.tokens() == 0 && !d.text().isEmpty()) {
            thinkingCountUnknown = true;
        }
    }

    private void onAnswer(ReasoningEvent.AnswerDelta d) {
        ensureStarted(d.nanos());
        if (firstAnswerNanos < 0) {
            firstAnswerNanos = d.nanos();
        }
        output(d.nanos());
        answer.append(d.text());
        countedAnswer += d.tokens();
        if (d.tokens() == 0 && !d.text().isEmpty()) {
            answerCountUnknown = true;
        }
    }

    private void onIntervention(ReasoningEvent.Intervention i) {
        ensureStarted(i.nanos());
        interventions.add(i);
        switch (i.kind()) {
            case WAIT_INSERTED, TEXT_INSERTED -> {
                if (i.kind() == InterventionKind.WAIT_INSERTED) {
                    waits++;
                }
                closeSegment(i.nanos());
                segmentOpenedBy = i.kind();
                segmentInserted = i.text();
                forcedText = ""; // the thinking goes on
            }
            case TRACE_EDITED -> {
                // The edited trace replaces the thinking, and its size (the event's count) replaces the count.
                countedThinking = i.thinkingTokensSoFar();
                closed.clear();
                closed.add(new ThinkingSegment(null, "", i.text(), i.thinkingTokensSoFar(),
                        startNanos, i.nanos()));
                resetSegment(i.nanos());
                segmentOpenedBy = InterventionKind.TRACE_EDITED;
                segmentInserted = "";
                forcedText = "";
            }
            case ANSWER_FORCED -> forcedText = i.text(); // the answer follows; no new thinking segment opens
            case END_ACCEPTED -> {
                // The answer follows; no new thinking segment opens.
            }
        }
    }

    private void closeSegment(long nanos) {
        if (segmentText.length() > 0 || segmentOpenedBy != null || !closed.isEmpty() || segmentStart >= 0) {
            closed.add(currentSegment());
        }
        resetSegment(nanos);
    }

    private void resetSegment(long nanos) {
        segmentText = new StringBuilder();
        segmentTokens = 0;
        segmentStart = nanos;
        segmentEnd = nanos;
    }

    private ThinkingSegment currentSegment() {
        long start = segmentStart < 0 ? Math.max(startNanos, 0) : segmentStart;
        return new ThinkingSegment(segmentOpenedBy, segmentInserted, segmentText.toString(), segmentTokens,
                start, Math.max(start, segmentEnd));
    }

    private void output(long nanos) {
        if (firstOutputNanos < 0) {
            firstOutputNanos = nanos;
        }
        lastOutputNanos = nanos;
    }

    private void ensureStarted(long nanos) {
        if (startNanos < 0) {
            startNanos = nanos;
            status = RunStatus.RUNNING;
        }
    }

    private void end(long nanos, RunStatus terminal, FailureKind kind, String message) {
        ensureStarted(nanos);
        endNanos = nanos;
        status = terminal;
        failureKind = kind;
        error = message;
    }

    private static Usage merge(Usage old, Usage update) {
        return new Usage(update.promptTokens() != null ? update.promptTokens() : old.promptTokens(),
                update.outputTokens() != null ? update.outputTokens() : old.outputTokens(),
                update.thinkingTokens() != null ? update.thinkingTokens() : old.thinkingTokens(),
                update.cachedPromptTokens() != null ? update.cachedPromptTokens() : old.cachedPromptTokens());
    }

    /** The run's text so far. Copies the text: call it when something changed, not every frame for long traces. */
    public synchronized Trace trace() {
        List<ThinkingSegment> segments = new ArrayList<>(closed);
        if (segmentText.length() > 0 || segmentOpenedBy != null || segments.isEmpty() && segmentStart >= 0) {
            segments.add(currentSegment());
        }
        return new Trace(segments, answer.toString(), status, failureKind, error, thinkingSummary, forcedText);
    }

    /** The price the run is costed at, null when unknown. */
    public synchronized Price price() {
        return price;
    }

    /**
     * Costs the run at {@code newPrice} from now on ({@link #metrics} recomputes the cost from the token counts): a
     * finished local run priced as a hosted model after the fact.
     */
    public synchronized void price(Price newPrice) {
        price = newPrice;
    }

    /** Interventions so far, in order. */
    public synchronized List<ReasoningEvent.Intervention> interventions() {
        return List.copyOf(interventions);
    }

    public synchronized RunStatus status() {
        return status;
    }

    /**
     * The metrics as of {@code nowNanos} (used for the running total time).
     */
    public synchronized RunMetrics metrics(long nowNanos) {
        TokenCount prompt = usage.promptTokens() == null ? TokenCount.unknown()
                : TokenCount.reported(usage.promptTokens());
        TokenCount thinking = thinkingCount();
        TokenCount answerCount = answerCount(thinking);
        Integer output = usage.outputTokens() != null ? usage.outputTokens()
                : thinking.known() && answerCount.known() ? thinking.value() + answerCount.value() : null;
        Money cost = price == null ? Money.unpriced()
                : usage.promptTokens() == null && output != null && !price.isFree()
                        && (status == RunStatus.CANCELLED || status == RunStatus.FAILED)
                ? price.outputCostAtLeast(output) // billed all the same: the least it cost
                : price.cost(usage.promptTokens(), usage.cachedPromptTokens(), output);
        long end = endNanos >= 0 ? endNanos : nowNanos;
        Long total = startNanos < 0 ? null : active(startNanos, end);
        Long ttThinking = firstThinkingNanos < 0 ? null : active(startNanos, firstThinkingNanos);
        Long ttAnswer = firstAnswerNanos < 0 ? null : active(startNanos, firstAnswerNanos);
        Long thinkingMs = null;
        if (firstThinkingNanos >= 0) {
            long thinkingEnd = firstAnswerNanos >= 0 ? firstAnswerNanos
                    : endNanos >= 0 ? Math.max(lastThinkingNanos, endNanos) : nowNanos;
            thinkingMs = active(firstThinkingNanos, thinkingEnd);
        }
        Double tps = null;
        Long generationMs = null;
        if (firstOutputNanos >= 0) {
            long genEnd = endNanos >= 0 ? lastOutputNanos : nowNanos;
            generationMs = active(firstOutputNanos, genEnd);
            double seconds = activeNanos(firstOutputNanos, genEnd) / 1e9;
            if (output != null && seconds > 0.001 && output > 1) {
                tps = (output - 1) / seconds;
            }
        }
        Long retryWait = retryWaits.isEmpty() ? null : millis(waited(Long.MIN_VALUE, end));
        return new RunMetrics(prompt, thinking, answerCount, ttThinking, ttAnswer, thinkingMs, total, tps, cost,
                waits, modelLoadMs, generationMs, output, retryWait);
    }

    /** Milliseconds from {@code from} to {@code to} without the retry waits between them. */
    private long active(long from, long to) {
        return millis(activeNanos(from, to));
    }

    private long activeNanos(long from, long to) {
        return to - from - waited(from, to);
    }

    /** Nanoseconds of retry waits between {@code from} and {@code to}. */
    private long waited(long from, long to) {
        long sum = 0;
        for (long[] w : retryWaits) {
            sum += Math.max(0, Math.min(to, w[1]) - Math.max(from, w[0]));
        }
        return sum;
    }

    private TokenCount thinkingCount() {
        if (usage.thinkingTokens() != null) {
            return TokenCount.reported(usage.thinkingTokens());
        }
        if (thinkingCountUnknown) {
            return TokenCount.unknown();
        }
        if (!counting()) {
            return nothingGenerated() ? TokenCount.reported(0) : TokenCount.unknown();
        }
        return TokenCount.counted(countedThinking);
    }

    /**
     * Whether the engine counts tokens as they stream (a local one: its deltas carry counts). Until a delta carried
     * one, a count of 0 says nothing: a hosted run that failed or was cancelled before any text, or one whose deltas
     * carry no counts, has unknown counts (a dash), not "0 counted".
     */
    private boolean counting() {
        return countedThinking > 0 || countedAnswer > 0;
    }

    /** The engine reported that the run generated nothing at all. */
    private boolean nothingGenerated() {
        return usage.outputTokens() != null && usage.outputTokens() == 0;
    }

    private TokenCount answerCount(TokenCount thinking) {
        if (usage.outputTokens() != null && thinking.known()) {
            int derived = Math.max(0, usage.outputTokens() - thinking.value());
            return thinking.source() == TokenCount.Source.REPORTED ? TokenCount.reported(derived)
                    : TokenCount.counted(derived);
        }
        if (answerCountUnknown) {
            return TokenCount.unknown();
        }
        if (!counting()) {
            return nothingGenerated() ? TokenCount.reported(0) : TokenCount.unknown();
        }
        return TokenCount.counted(countedAnswer);
    }

    private static long millis(long nanos) {
        return Math.max(0, nanos / 1_000_000);
    }
}
