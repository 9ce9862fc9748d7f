package dev.thinkbench.lab.export;

import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.Trace;
import dev.thinkbench.lab.session.BestOfNRecord;
import dev.thinkbench.lab.session.RecordedColumn;
import dev.thinkbench.lab.session.RunSetup;
import dev.thinkbench.lab.session.Session;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.lab.sweep.SweepSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A comparison as reports show it: what was asked of which model with which settings, when, and per column its
 * answer, verdict (where the right answer is known), thinking and numbers, folded from the recorded events by the
 * same recorder as the live view; and an Experiments sweep's summary when the session holds one. Immutable; any
 * thread.
 */
public record ComparisonReport(Instant recordedAt, String note, RunSetup setup, List<Column> columns,
                               SweepSummaryPart sweep, BestOfNPart bestOfN) {

    public ComparisonReport {
        columns = List.copyOf(columns);
    }

    /** A report of budget columns (no best-of-N round). */
    public ComparisonReport(Instant recordedAt, String note, RunSetup setup, List<Column> columns,
                            SweepSummaryPart sweep) {
        this(recordedAt, note, setup, columns, sweep, null);
    }

    /**
     * The best-of-N round the columns were the candidates of: how the pick was made, the votes, and each candidate
     * with its seed, answer, score and whether it was picked. English; any thread.
     *
     * @param selection how people call the selection ({@code majority vote})
     * @param seeds the candidates' seeds in words ({@code 42 to 46}), empty when none was set
     * @param votes the answers counted, most first ({@code 432 ×3 · 442 ×2}), empty when none was read
     * @param picked the label of the candidate picked, empty when none was
     * @param why why it was picked, or why none was; empty when not known
     */
    public record BestOfNPart(String selection, String judgeModel, String seeds, String votes, String picked,
                              String why, List<CandidateRow> candidates) {

        public BestOfNPart {
            candidates = List.copyOf(candidates);
            judgeModel = judgeModel == null ? "" : judgeModel;
            picked = picked == null ? "" : picked;
            why = why == null ? "" : why;
        }

        /**
         * One candidate.
         *
         * @param seed null when no seed was set
         * @param answer its answer as the grader reads it, empty when none was read
         * @param score the verifier's score, null when none
         */
        public record CandidateRow(String label, Long seed, String answer, Double score, boolean picked) {
        }

        static BestOfNPart of(BestOfNRecord r, List<Column> columns, String expected) {
            List<CandidateRow> rows = new ArrayList<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, String> shown = new LinkedHashMap<>();
            for (BestOfNRecord.Candidate c : r.candidates()) {
                String answer = columns.stream()
                        .filter(col -> col.label().equals(c.label()) && col.status() == RunStatus.OK)
                        .map(col -> AnswerGrader.grade(col.answer(), expected).extracted())
                        .filter(java.util.Objects::nonNull).findFirst().orElse("");
                rows.add(new CandidateRow(c.label(), c.seed(), answer, c.score(), c.label().equals(r.picked())));
                if (!answer.isEmpty()) {
                    String key = String.valueOf(AnswerGrader.canonical(answer));
                    counts.merge(key, 1, Integer::sum);
                    shown.putIfAbsent(key, answer);
                }
            }
            String votes = counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .map(e -> shown.get(e.getKey()) + " \u00d7" + e.getValue()).collect(Collectors.joining(" \u00b7 "));
            return new BestOfNPart(r.selection().words(), r.judgeModel(), r.seedWords(), votes, r.picked(),
                    r.why() == null ? "" : r.why().english(), rows);
        }
    }

    /**
     * An Experiments sweep kept in the session, summarised as the sweep's report does: one row per budget and
     * strategy, and the settings it ran with, read from its results (a session's Compare settings are not the
     * sweep's).
     *
     * @param runs how many results the session holds
     * @param resultsFile the sweep's results file as saved, empty when not named
     * @param model the model its runs were made with, empty when its results do not say
     * @param settings name and value pairs: model, engine, sampling, budgets, strategies, problems
     */
    public record SweepSummaryPart(int runs, String resultsFile, List<SummaryRow> rows, String model,
                                   List<List<String>> settings) {

        public SweepSummaryPart {
            rows = List.copyOf(rows);
            resultsFile = resultsFile == null ? "" : resultsFile;
            model = model == null ? "" : model;
            settings = settings.stream().map(List::copyOf).toList();
        }

        /** The summary of {@code records}, kept from the results file {@code resultsFile}. */
        public static SweepSummaryPart of(String resultsFile, List<SweepRecord> records) {
            SweepSettings s = SweepSettings.of(records, resultsFile);
            return new SweepSummaryPart(records.size(), resultsFile, SweepSummary.rows(records), s.model(),
                    s.rows());
        }
    }

    /**
     * One column.
     *
     * @param status null for a column that did not run
     * @param skipped why it did not run, empty when it did (or was never run)
     * @param error the failure message, empty unless it failed
     */
    public record Column(String label, String budget, RunStatus status, String skipped, String error,
                         String thinking, String answer, Verdict verdict, RunMetrics metrics) {
    }

    /** The report of {@code session}'s comparison. */
    public static ComparisonReport of(Session session) {
        List<Column> columns = session.columns().stream().map(c -> column(c, session.setup())).toList();
        SweepSummaryPart sweep = null;
        if (session.sweep() != null && !session.sweep().rows().isEmpty()) {
            List<SweepRecord> records = session.sweep().records();
            sweep = SweepSummaryPart.of(session.sweep().resultsFile(), records);
        }
        BestOfNPart bestOfN = session.bestOfN() == null ? null
                : BestOfNPart.of(session.bestOfN(), columns, session.setup().expectedAnswer());
        return new ComparisonReport(session.savedAt(), session.note(), session.setup(), columns, sweep, bestOfN);
    }

    private static Column column(RecordedColumn c, RunSetup setup) {
        if (!c.ran()) {
            return new Column(c.label(), c.budget(), null, c.skipped() == null ? "" : c.skipped(), "", "", "",
                    Verdict.UNKNOWN, RunMetrics.empty());
        }
        RunRecorder recorder = c.recorder();
        Trace trace = recorder.trace();
        String error = trace.error() == null ? "" : trace.error();
        Verdict verdict = trace.status() == RunStatus.OK ? Verdict.of(trace.answer(), setup.expectedAnswer())
                : setup.expectedAnswer() == null ? Verdict.UNKNOWN : Verdict.NO_ANSWER;
        return new Column(c.label(), c.budget(), trace.status(), "", error, trace.thinking(), trace.answer(),
                verdict, recorder.metrics(c.events().getLast().nanos()));
    }

    /**
     * The model and the engine it ran on, for titles: {@code qwen3-8b · Ollama}; for a report of a sweep alone, the
     * sweep's model.
     */
    public String heading() {
        if (!hasComparison() && sweep != null && !sweep.model().isBlank()) {
            return sweep.model();
        }
        String engine = setup.engineName().isBlank() ? setup.engineId() : setup.engineName();
        return setup.model() + (engine.isBlank() ? "" : " \u00b7 " + engine);
    }

    /** Whether a Compare column ran: without one the report is of its sweep alone. */
    public boolean hasComparison() {
        return !ran().isEmpty();
    }

    /** The report's title: a comparison, a sweep, or both. */
    public String title() {
        if (sweep == null) {
            return "Thinkbench comparison";
        }
        return hasComparison() ? "Thinkbench comparison and sweep" : "Thinkbench sweep";
    }

    /** The columns that ran. */
    public List<Column> ran() {
        return columns.stream().filter(c -> c.status() != null).toList();
    }
}
