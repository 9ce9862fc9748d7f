package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.CsvCells;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * A sweep's results as CSV (RFC 4180: fields with commas, quotes or line breaks are quoted; a text a spreadsheet
 * would run as a formula, an answer like {@code =1+1}, gets a leading apostrophe, as in {@link CsvCells}):
 * {@code summary.csv} one row per strategy and budget, {@code runs.csv} one row per run with the results file's
 * fields; the same files from {@code thinkbench report} and the Experiments tab's export. Pure; any thread.
 */
public final class SweepCsv {

    private SweepCsv() {
    }

    public static String summary(List<SummaryRow> rows) {
        // meanComputeTokens: a run's thinking, and for best-of-N every candidate's thinking and the answers not
        // chosen (the axis the charts plot); "meanThinkingTokens" read as the chosen run's thinking alone
        StringBuilder b = new StringBuilder("label,budget,strategy,n,correct,accuracy,wilsonLow,wilsonHigh,"
                + "meanComputeTokens,meanTotalMs,costUsd,failed,ungraded\r\n");
        for (SummaryRow r : rows) {
            b.append(String.join(",", field(r.label()), field(r.budget()), field(r.strategy()),
                    Integer.toString(r.n()), Integer.toString(r.correct()), number(r.accuracy()),
                    number(r.wilson().low()), number(r.wilson().high()), number(r.meanThinkingTokens()),
                    number(r.meanTotalMs()), number(r.costUsd()), Integer.toString(r.failed()),
                    Integer.toString(r.ungraded()))).append("\r\n");
        }
        return b.toString();
    }

    public static String runs(List<SweepRecord> records) {
        StringBuilder b = new StringBuilder("problemId,label,budget,strategy,sample,status,answer,expected,correct,"
                + "thinkingTokens,answerTokens,totalMs,costUsd,endpoint,error,gradedByHand,note\r\n");
        for (SweepRecord r : records) {
            b.append(String.join(",", field(r.problemId()), field(r.label()), field(r.budget()), field(r.strategy()),
                    Integer.toString(r.sample()), field(r.status()), field(r.answer()), field(r.expected()),
                    r.correct() == null ? "" : r.correct().toString(), value(r.thinkingTokens()),
                    value(r.answerTokens()), value(r.totalMs()), number(r.costUsd()), field(r.endpoint()),
                    field(r.error()), Boolean.toString(r.gradeOverridden()), field(r.note()))).append("\r\n");
        }
        return b.toString();
    }

    private static String field(String s) {
        return CsvCells.text(s);
    }

    private static String value(Number n) {
        return n == null ? "" : n.toString();
    }

    private static String number(Double d) {
        return d == null || d.isNaN() || d.isInfinite() ? ""
                : new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
