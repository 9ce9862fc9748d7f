package dev.thinkbench.lab.export;

import java.util.List;
import java.util.Map;

/**
 * A comparison as a Markdown report (GitHub-flavoured: tables, and the thinking folded in {@code <details>}): the same
 * content as {@link HtmlReport}, charts linked as image files beside it. Every text is masked for secrets; text in
 * tables is escaped. Stateless; any thread.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** @param charts image paths relative to the report, by caption; may be empty */
    public static String write(ComparisonReport r, Map<String, String> charts) {
        return write(r, charts, Map.of());
    }

    /**
     * @param charts the comparison's image paths relative to the report, by caption; may be empty
     * @param sweepCharts the sweep's image paths relative to the report, by caption; may be empty
     */
    public static String write(ComparisonReport r, Map<String, String> charts, Map<String, String> sweepCharts) {
        StringBuilder b = new StringBuilder(8_192);
        b.append("# ").append(r.title()).append("\n\n").append(inline(r.heading())).append(" \u00b7 ")
                .append(ReportText.DATE.format(r.recordedAt())).append("\n\n");
        if (!r.note().isBlank()) {
            b.append(inline(r.note())).append("\n\n");
        }
        if (r.hasComparison()) {
            comparison(b, r, charts);
        }
        if (r.sweep() != null) {
            b.append("## Sweep\n\n");
            table(b, ReportText.SWEEP_HEADERS, r.sweep().rows().stream().map(ReportText::sweepCells).toList());
            b.append('\n').append(inline(ReportText.sweepNote(r.sweep()))).append("\n\n");
            images(b, sweepCharts);
            b.append("### Sweep settings\n\n");
            table(b, List.of("Setting", "Value"), r.sweep().settings());
            b.append('\n');
        }
        if (r.hasComparison()) {
            b.append("## Model and settings\n\n");
            table(b, List.of("Setting", "Value"), ReportText.settings(r).stream().map(List::of).toList());
            b.append('\n');
        }
        b.append("Made with Thinkbench from a recorded session.\n");
        return b.toString();
    }

    /** The prompt, each column's answer and thinking, the metrics and the comparison's charts. */
    private static void comparison(StringBuilder b, ComparisonReport r, Map<String, String> charts) {
        b.append("## Prompt\n\n").append(fence(r.setup().prompt()));
        if (!r.setup().system().isBlank()) {
            b.append("System prompt:\n\n").append(fence(r.setup().system()));
        }
        b.append("## Answers\n\n");
        for (ComparisonReport.Column c : r.columns()) {
            b.append("### ").append(inline(c.label())).append(" (`").append(c.budget().replace("`", "'"))
                    .append("`) \u2014 ").append(inline(ReportText.status(c)));
            if (!c.verdict().words().isEmpty()) {
                b.append(" \u2014 **").append(c.verdict().words()).append("**");
            }
            b.append("\n\n");
            if (c.status() != null) {
                b.append(fence(c.answer().isBlank() ? "(no answer)" : c.answer().strip()));
            }
            if (!c.thinking().isBlank()) {
                b.append("<details><summary>Thinking (").append(ReportText.thinkingTokens(c.metrics()))
                        .append(")</summary>\n\n").append(fence(c.thinking().strip())).append("</details>\n\n");
            }
        }
        if (r.bestOfN() != null) {
            ComparisonReport.BestOfNPart n = r.bestOfN();
            b.append("## Best-of-N\n\n").append(inline(ReportText.bestOfNSentence(n, budget(r)))).append("\n\n");
            if (!n.votes().isEmpty()) {
                b.append("Votes: ").append(inline(n.votes())).append("\n\n");
            }
            table(b, ReportText.CANDIDATE_HEADERS, n.candidates().stream().map(ReportText::candidateCells).toList());
            b.append('\n');
        }
        b.append("## Metrics\n\n");
        table(b, ReportText.METRIC_HEADERS, r.ran().stream().map(ReportText::metricCells).toList());
        b.append("\n\\* counted here from the stream; other counts as the server reported them. Times as recorded.\n\n");
        if (!charts.isEmpty()) {
            b.append("## Charts\n\n");
            images(b, charts);
        }
    }

    /** The budget every candidate ran at, when they share one. */
    static String budget(ComparisonReport r) {
        List<String> budgets = r.columns().stream().map(ComparisonReport.Column::budget).distinct().toList();
        return budgets.size() == 1 ? budgets.getFirst() : "";
    }

    private static void images(StringBuilder b, Map<String, String> charts) {
        charts.forEach((caption, path) -> b.append("![").append(inline(caption)).append("](")
                .append(path.replace(" ", "%20").replace(")", "%29")).append(")\n\n"));
    }

    private static void table(StringBuilder b, List<String> headers, List<List<String>> rows) {
        b.append('|');
        headers.forEach(h -> b.append(' ').append(cell(h)).append(" |"));
        b.append("\n|");
        headers.forEach(h -> b.append(" --- |"));
        b.append('\n');
        for (List<String> row : rows) {
            b.append('|');
            row.forEach(c -> b.append(' ').append(cell(c)).append(" |"));
            b.append('\n');
        }
    }

    private static String cell(String s) {
        return inline(s).replace("|", "\\|");
    }

    /** One line, masked, with the characters Markdown would read as markup escaped. */
    static String inline(String s) {
        String masked = ReportText.safe(s).replaceAll("\\s+", " ").strip();
        StringBuilder b = new StringBuilder(masked.length() + 8);
        for (char ch : masked.toCharArray()) {
            if ("\\`*_[]<>#!".indexOf(ch) >= 0) {
                b.append('\\');
            }
            b.append(ch);
        }
        return b.toString();
    }

    /** A fenced block long enough that no run of backticks in the text closes it. */
    static String fence(String text) {
        String masked = ReportText.safe(text);
        int longest = 0;
        int run = 0;
        for (char ch : masked.toCharArray()) {
            run = ch == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String f = "`".repeat(Math.max(3, longest + 1));
        return f + "text\n" + masked + (masked.endsWith("\n") ? "" : "\n") + f + "\n\n";
    }
}
