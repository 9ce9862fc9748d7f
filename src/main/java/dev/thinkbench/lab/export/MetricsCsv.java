package dev.thinkbench.lab.export;

import dev.thinkbench.core.CsvCells;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.SecretScrubber;
import dev.thinkbench.core.TokenCount;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A comparison's numbers as CSV (RFC 4180, a header line, one line per column that ran; unknown numbers empty, never
 * 0). A text cell a spreadsheet would run as a formula gets a leading apostrophe ({@link CsvCells}). Stateless; any
 * thread.
 */
public final class MetricsCsv {

    /** The header, in order. */
    public static final List<String> HEADER = List.of("engine", "model", "column", "budget", "status", "verdict",
            "prompt_tokens", "thinking_tokens", "thinking_tokens_source", "answer_tokens",
            "output_tokens", "time_to_first_thinking_ms", "time_to_first_answer_ms", "thinking_ms", "total_ms", "tokens_per_second",
            "cost_usd", "waits", "error");

    private MetricsCsv() {
    }

    public static String write(ComparisonReport report) {
        StringBuilder b = new StringBuilder();
        line(b, HEADER);
        for (ComparisonReport.Column c : report.ran()) {
            RunMetrics m = c.metrics();
            List<String> cells = new ArrayList<>();
            cells.add(text(report.setup().engineId()));
            cells.add(text(report.setup().model()));
            cells.add(text(c.label()));
            cells.add(text(c.budget()));
            cells.add(c.status().wireName());
            cells.add(c.verdict().words());
            cells.add(number(m.promptTokens().value()));
            cells.add(number(m.thinkingTokens().value()));
            cells.add(source(m.thinkingTokens()));
            cells.add(number(m.answerTokens().value()));
            cells.add(number(m.outputTokens()));
            cells.add(number(m.timeToFirstThinkingMs()));
            cells.add(number(m.timeToFirstAnswerMs()));
            cells.add(number(m.thinkingMs()));
            cells.add(number(m.totalMs()));
            cells.add(m.tokensPerSecond() == null ? "" : String.format(Locale.ROOT, "%.1f", m.tokensPerSecond()));
            cells.add(m.cost().known() ? m.cost().amount().toPlainString() : "");
            cells.add(String.valueOf(m.waits()));
            cells.add(text(c.error()));
            line(b, cells);
        }
        return b.toString();
    }

    static String source(TokenCount c) {
        return switch (c.source()) {
            case REPORTED -> "reported";
            case COUNTED -> "counted";
            case UNKNOWN -> "";
        };
    }

    private static String number(Number n) {
        return n == null ? "" : String.valueOf(n);
    }

    /** Masked, and kept from being read as a formula. */
    private static String text(String s) {
        return CsvCells.notAFormula(SecretScrubber.scrub(s == null ? "" : s));
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(CsvCells.quoted(cells.get(i)));
        }
        b.append("\r\n");
    }
}
