package dev.thinkbench.lab.export;

import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.SecretScrubber;
import dev.thinkbench.core.TokenCount;
import dev.thinkbench.lab.session.RunSetup;
import dev.thinkbench.lab.sweep.SummaryRow;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words and numbers both reports print, in one place: settings as label/value pairs, the metrics table's cells,
 * the status line of a column. Every text from a session is masked for secrets again here. Stateless; any thread.
 */
final class ReportText {

    static final String DASH = "\u2013";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final List<String> METRIC_HEADERS = List.of("Column", "Budget", "Status", "Verdict", "Thinking tokens",
            "Answer tokens", "First token", "Total time", "Tokens/s", "Cost", "Waits");

    static final List<String> SWEEP_HEADERS = List.of("Strategy", "Budget", "Runs", "Correct", "Accuracy",
            "95% interval", "Mean compute (tokens)", "Mean time", "Cost", "Failed");

    private ReportText() {
    }

    static String safe(String s) {
        return s == null ? "" : SecretScrubber.scrub(s);
    }

    /** Model and settings, in the order a reader looks for them; absent values left out. */
    static List<String[]> settings(ComparisonReport r) {
        RunSetup s = r.setup();
        List<String[]> rows = new ArrayList<>();
        add(rows, "Model", s.model());
        add(rows, "Engine", s.engineName().isBlank() ? s.engineId() : s.engineName() + " (" + s.engineId() + ")");
        add(rows, "Server", s.baseUrl());
        add(rows, "API key", s.apiKeyEnv() == null ? null : "from $" + s.apiKeyEnv() + " (not saved)");
        add(rows, "Temperature", s.sampling().temperature() == null ? "engine default"
                : String.valueOf(s.sampling().temperature()));
        add(rows, "Top-p", s.sampling().topP() == null ? null : String.valueOf(s.sampling().topP()));
        // best-of-N ran each candidate with a seed of its own (the shared one plus its number)
        boolean ownSeeds = r.bestOfN() != null && !r.bestOfN().seeds().isEmpty();
        add(rows, "Seed", ownSeeds ? r.bestOfN().seeds() + " (one per candidate)"
                : s.sampling().seed() == null ? "none" : String.valueOf(s.sampling().seed()));
        add(rows, "Answer cap", s.sampling().maxAnswerTokens() == null ? null
                : s.sampling().maxAnswerTokens() + " tokens");
        add(rows, "Chat template", s.template());
        add(rows, "Expected answer", s.expectedAnswer());
        add(rows, "Recorded", DATE.format(r.recordedAt()));
        return rows;
    }

    private static void add(List<String[]> rows, String label, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(new String[]{label, safe(value)});
        }
    }

    static List<String> metricCells(ComparisonReport.Column c) {
        RunMetrics m = c.metrics();
        return List.of(safe(c.label()), safe(c.budget()), c.status().wireName(),
                c.verdict().words().isEmpty() ? DASH : c.verdict().words(), thinking(m),
                tokens(m.answerTokens()), millis(ChartImages.firstToken(m)), millis(m.totalMs()),
                m.tokensPerSecond() == null ? DASH : String.format(Locale.ROOT, "%.1f", m.tokensPerSecond()),
                m.cost().display(), String.valueOf(m.waits()));
    }

    /** The thinking tokens; where only the whole output is reported (Anthropic), at most that, said so. */
    static String thinking(RunMetrics m) {
        Integer unsplit = m.unsplitOutputTokens();
        return unsplit == null ? tokens(m.thinkingTokens()) : "\u2264 " + unsplit + " (whole output)";
    }

    /** The thinking's size in words for its heading: "40* tokens", or "at most 812 tokens" (only the sum known). */
    static String thinkingTokens(RunMetrics m) {
        Integer unsplit = m.unsplitOutputTokens();
        return unsplit == null ? tokens(m.thinkingTokens()) + " tokens" : "at most " + unsplit + " tokens";
    }

    static String tokens(TokenCount c) {
        String source = MetricsCsv.source(c);
        return c.display() + (source.equals("counted") ? "*" : "");
    }

    static String millis(Long ms) {
        if (ms == null) {
            return DASH;
        }
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }

    /** {@code done}, {@code failed: why}, {@code not run: why}. */
    static String status(ComparisonReport.Column c) {
        if (c.status() == null) {
            return c.skipped().isEmpty() ? "not run" : "not run: " + safe(c.skipped());
        }
        return switch (c.status()) {
            case OK -> "done";
            case FAILED -> "failed" + (c.error().isEmpty() ? "" : ": " + safe(c.error()));
            case CANCELLED -> "cancelled";
            default -> c.status().wireName();
        };
    }

    static final List<String> CANDIDATE_HEADERS = List.of("Candidate", "Seed", "Answer", "Score", "Picked");

    /** One candidate of a best-of-N round. */
    static List<String> candidateCells(ComparisonReport.BestOfNPart.CandidateRow c) {
        return List.of(safe(c.label()), c.seed() == null ? DASH : String.valueOf(c.seed()),
                c.answer().isEmpty() ? "(no answer)" : safe(c.answer()),
                c.score() == null ? DASH : String.format(Locale.ROOT, "%.0f", c.score()), c.picked() ? "picked" : "");
    }

    /**
     * The round in one sentence: {@code 5 candidates at effort:low, seeds 42 to 46; picked by majority vote: #1 (3 of
     * 5 votes for 432).}
     */
    static String bestOfNSentence(ComparisonReport.BestOfNPart b, String budget) {
        StringBuilder s = new StringBuilder().append(b.candidates().size()).append(" candidates");
        if (budget != null && !budget.isBlank()) {
            s.append(" at ").append(budget);
        }
        if (!b.seeds().isEmpty()) {
            s.append(", seeds ").append(b.seeds());
        }
        s.append("; ");
        if (b.picked().isEmpty()) {
            s.append("nothing picked by ").append(b.selection()).append(b.why().isEmpty() ? "" : ": " + b.why());
        } else {
            s.append("picked by ").append(b.selection());
            if (!b.judgeModel().isEmpty()) {
                s.append(" (judge ").append(b.judgeModel()).append(')');
            }
            s.append(": ").append(b.picked()).append(b.why().isEmpty() ? "" : " (" + b.why() + ")");
        }
        return safe(s.append('.').toString());
    }

    /** One summary row of a sweep: accuracy with its Wilson interval, mean thinking tokens and time, cost. */
    static List<String> sweepCells(SummaryRow r) {
        return List.of(safe(r.strategy()), safe(r.label()), String.valueOf(r.n()), String.valueOf(r.correct()),
                percent(r.accuracy()), r.wilson() == null ? DASH : percent(r.wilson().low()) + " \u2013 "
                        + percent(r.wilson().high()),
                r.meanThinkingTokens() == null ? DASH : String.format(Locale.ROOT, "%.0f", r.meanThinkingTokens()),
                r.meanTotalMs() == null ? DASH : millis(Math.round(r.meanTotalMs())),
                r.costUsd() == null ? DASH : String.format(Locale.ROOT, "$%.4f", r.costUsd()),
                String.valueOf(r.failed()));
    }

    private static String percent(Double share) {
        return share == null ? DASH : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /** The sentence under a sweep's table. */
    static String sweepNote(ComparisonReport.SweepSummaryPart s) {
        return s.runs() + " results kept in the session" + (s.resultsFile().isBlank() ? ""
                : " (from " + safe(s.resultsFile()) + ")") + "; accuracy over graded runs, Wilson 95% interval.";
    }
}
