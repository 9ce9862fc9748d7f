package dev.thinkbench.lab.export;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A comparison as one self-contained HTML page: styles inline, charts embedded as PNG data URIs, no script and no
 * outside request, so it opens anywhere offline and prints on light paper. Every text is escaped and masked for
 * secrets. Stateless; any thread.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font-family:Inter,system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;max-width:1200px;\
            margin:2rem auto;padding:0 1.5rem;line-height:1.5}
            h1{font-size:1.8rem;margin-bottom:.2rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #d1d9e0}
            .muted{color:#59636e}table{border-collapse:collapse;margin:.8rem 0}
            th,td{border:1px solid #d1d9e0;padding:.3rem .6rem;text-align:left;vertical-align:top}
            th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
            pre{white-space:pre-wrap;word-wrap:break-word;background:#f6f8fa;border:1px solid #d1d9e0;\
            border-radius:6px;padding:.7rem;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem}
            .prompt{font-size:1.1rem}.badge{display:inline-block;border-radius:999px;padding:0 .6rem;font-size:.85rem;\
            font-weight:600;background:#eef1f4}.correct{background:#dafbe1;color:#116329}\
            .wrong,.failed{background:#ffebe9;color:#a40e26}
            .thinking{color:#59636e}img{max-width:100%;border:1px solid #d1d9e0;border-radius:6px}
            footer{margin-top:3rem;font-size:.85rem;color:#59636e}
            """;

    private HtmlReport() {
    }

    /**
     * @param charts PNG images by file name, embedded in order (e.g. the slide {@code charts.png}); may be empty
     */
    public static String write(ComparisonReport r, Map<String, byte[]> charts) {
        return write(r, charts, Map.of());
    }

    /**
     * @param charts the comparison's PNG images by file name, embedded in order; may be empty
     * @param sweepCharts the sweep's PNG images by caption (its accuracy-vs-compute curve...); may be empty
     */
    public static String write(ComparisonReport r, Map<String, byte[]> charts, Map<String, byte[]> sweepCharts) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(r.title() + " \u00b7 " + r.heading())).append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n");
        b.append("<h1>").append(esc(r.title())).append("</h1>\n<p class=\"muted\">").append(esc(r.heading()))
                .append(" \u00b7 ").append(esc(ReportText.DATE.format(r.recordedAt()))).append("</p>\n");
        if (!r.note().isBlank()) {
            b.append("<p>").append(esc(r.note())).append("</p>\n");
        }
        if (r.hasComparison()) {
            comparison(b, r, charts);
        }
        if (r.sweep() != null) {
            b.append("<h2>Sweep</h2>\n");
            table(b, ReportText.SWEEP_HEADERS, r.sweep().rows().stream().map(ReportText::sweepCells).toList(), 2);
            b.append("<p class=\"muted\">").append(esc(ReportText.sweepNote(r.sweep()))).append("</p>\n");
            images(b, sweepCharts);
            b.append("<h3>Sweep settings</h3>\n");
            table(b, List.of("Setting", "Value"), r.sweep().settings(), 99);
        }
        if (r.hasComparison()) {
            b.append("<h2>Model and settings</h2>\n");
            table(b, List.of("Setting", "Value"), ReportText.settings(r).stream().map(List::of).toList(), 99);
        }
        b.append("<footer>Made with Thinkbench from a recorded session.</footer>\n</body>\n</html>\n");
        return b.toString();
    }

    /** The prompt, each column's answer and thinking, the metrics and the comparison's charts. */
    private static void comparison(StringBuilder b, ComparisonReport r, Map<String, byte[]> charts) {
        b.append("<h2>Prompt</h2>\n<pre class=\"prompt\">").append(esc(r.setup().prompt())).append("</pre>\n");
        if (!r.setup().system().isBlank()) {
            b.append("<p class=\"muted\">System prompt</p>\n<pre>").append(esc(r.setup().system()))
                    .append("</pre>\n");
        }
        b.append("<h2>Answers</h2>\n");
        for (ComparisonReport.Column c : r.columns()) {
            column(b, c);
        }
        if (r.bestOfN() != null) {
            ComparisonReport.BestOfNPart n = r.bestOfN();
            b.append("<h2>Best-of-N</h2>\n<p>").append(esc(ReportText.bestOfNSentence(n,
                    MarkdownReport.budget(r)))).append("</p>\n");
            if (!n.votes().isEmpty()) {
                b.append("<p>Votes: ").append(esc(n.votes())).append("</p>\n");
            }
            table(b, ReportText.CANDIDATE_HEADERS, n.candidates().stream().map(ReportText::candidateCells).toList(), 1);
        }
        b.append("<h2>Metrics</h2>\n");
        table(b, ReportText.METRIC_HEADERS, r.ran().stream().map(ReportText::metricCells).toList(), 4);
        b.append("<p class=\"muted\">* counted here from the stream; other counts as the server reported them. ")
                .append("Times as recorded.</p>\n");
        if (!charts.isEmpty()) {
            b.append("<h2>Charts</h2>\n");
            images(b, charts);
        }
    }

    private static void images(StringBuilder b, Map<String, byte[]> charts) {
        charts.forEach((name, png) -> b.append("<p><img alt=\"").append(esc(name))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\"></p>\n"));
    }

    private static void column(StringBuilder b, ComparisonReport.Column c) {
        b.append("<h3>").append(esc(c.label())).append(" <span class=\"muted\">").append(esc(c.budget()))
                .append("</span>");
        String status = ReportText.status(c);
        String kind = c.status() == null ? "" : c.status().wireName();
        b.append(" <span class=\"badge ").append(kind).append("\">").append(esc(status.split(":")[0]))
                .append("</span>");
        if (!c.verdict().words().isEmpty()) {
            b.append(" <span class=\"badge ").append(c.verdict().name().toLowerCase(java.util.Locale.ROOT))
                    .append("\">").append(esc(c.verdict().words())).append("</span>");
        }
        b.append("</h3>\n");
        if (status.contains(": ")) {
            b.append("<p class=\"muted\">").append(esc(status.substring(status.indexOf(": ") + 2))).append("</p>\n");
        }
        if (c.status() != null) {
            b.append("<pre>").append(c.answer().isBlank() ? "(no answer)" : esc(c.answer().strip()))
                    .append("</pre>\n");
        }
        if (!c.thinking().isBlank()) {
            b.append("<details><summary>Thinking (").append(esc(ReportText.thinkingTokens(c.metrics())))
                    .append(")</summary>\n<pre class=\"thinking\">").append(esc(c.thinking().strip()))
                    .append("</pre></details>\n");
        }
    }

    private static void table(StringBuilder b, List<String> headers, List<List<String>> rows, int firstNumber) {
        b.append("<table>\n<tr>");
        headers.forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
        b.append("</tr>\n");
        for (List<String> row : rows) {
            b.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                b.append(i >= firstNumber ? "<td class=\"num\">" : "<td>").append(esc(row.get(i))).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    /** Escaped for HTML text and attribute values, after masking secrets. */
    static String esc(String s) {
        String masked = ReportText.safe(s);
        StringBuilder b = new StringBuilder(masked.length() + 16);
        for (int i = 0; i < masked.length(); i++) {
            char ch = masked.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
