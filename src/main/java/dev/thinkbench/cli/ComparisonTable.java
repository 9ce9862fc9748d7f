package dev.thinkbench.cli;

import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.Grade;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.Trace;

import java.util.List;

/** A plain-text table of a finished comparison, one row per column, then each column's answer. */
final class ComparisonTable {

    private ComparisonTable() {
    }

    static String render(List<ColumnResult> runs) {
        return render(runs, ComparisonPrinter.Extras.NONE);
    }

    /** The table; with an expected answer each answer is marked right or wrong, with a priced-as estimate noted. */
    static String render(List<ColumnResult> runs, ComparisonPrinter.Extras extras) {
        StringBuilder b = new StringBuilder();
        String header = String.format("%-10s %-28s %-9s %9s %9s %9s %9s %9s %9s %10s%n", "column", "budget",
                "status", "prompt", "thinking", "answer", "ttft ms", "total ms", "tok/s", "cost");
        b.append(header).append("-".repeat(header.length() - 1)).append('\n');
        for (ColumnResult run : runs) {
            RunMetrics m = run.metrics();
            b.append(String.format("%-10s %-28s %-9s %9s %9s %9s %9s %9s %9s %10s%n", clip(run.label(), 10),
                    clip(SweepTable.shortSpec(run.budget()), 28), run.status().wireName(), m.promptTokens().display(),
                    thinking(run, m),
                    nothing(run, m.answerTokens()) ? "\u2013" : m.answerTokens().display(),
                    dash(m.timeToFirstThinkingMs() != null ? m.timeToFirstThinkingMs() : m.timeToFirstAnswerMs()),
                    dash(m.totalMs()), m.tokensPerSecond() == null ? "\u2013"
                            : String.format("%.1f", m.tokensPerSecond()), m.cost().display()));
        }
        b.append("(* counted here from the stream; otherwise reported by the server)\n");
        if (runs.stream().anyMatch(r -> r.metrics().unsplitOutputTokens() != null)) {
            b.append("(<=N: the server reports only the whole output, N tokens of thinking and answer together)\n");
        }
        if (extras.pricedAs() != null) {
            b.append("(cost of free runs: ").append(extras.pricedAs().source()).append(")\n");
        }
        for (ColumnResult run : runs) {
            Trace t = run.trace();
            b.append('\n').append("== ").append(run.label()).append(" ==").append(verdict(run, extras)).append('\n');
            if (run.error() != null) {
                b.append("error: ").append(run.error()).append('\n');
            }
            if (t.thinkingSummary()) {
                b.append("(the thinking shown is the provider's summary; the model thought more)\n");
            }
            b.append(t.answer().isBlank() ? "(no answer)" : t.answer().strip()).append('\n');
        }
        return b.toString();
    }

    private static String verdict(ColumnResult run, ComparisonPrinter.Extras extras) {
        if (extras.expected() == null || run.status() != RunStatus.OK) {
            return "";
        }
        Grade g = AnswerGrader.grade(run.trace().answer(), extras.expected());
        return switch (g.verdict()) {
            case CORRECT -> " right: " + g.extracted();
            case WRONG -> " wrong: " + (g.extracted() == null ? "no answer found" : g.extracted()) + " (expected "
                    + g.expected() + ")";
            case UNGRADABLE -> "";
        };
    }

    /** A run that did not end well and counted none of these tokens: a dash, not a measured 0. */
    private static boolean nothing(ColumnResult run, dev.thinkbench.core.TokenCount count) {
        return run.status() != RunStatus.OK && count.display().equals("0");
    }

    /** The thinking tokens; where only the whole output is reported (Anthropic), at most that: "<=812". */
    private static String thinking(ColumnResult run, RunMetrics m) {
        if (m.unsplitOutputTokens() != null) {
            return "<=" + m.unsplitOutputTokens();
        }
        return nothing(run, m.thinkingTokens()) ? "\u2013" : m.thinkingTokens().display() + mark(m);
    }

    private static String mark(RunMetrics m) {
        return m.thinkingTokens().source() == dev.thinkbench.core.TokenCount.Source.COUNTED ? "*" : "";
    }

    private static String dash(Long v) {
        return v == null ? "\u2013" : String.format("%,d", v);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
    }
}
