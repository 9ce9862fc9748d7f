package dev.thinkbench.ui.session;

import dev.thinkbench.lab.export.ComparisonReport;
import dev.thinkbench.lab.export.HtmlReport;
import dev.thinkbench.lab.export.MarkdownReport;
import dev.thinkbench.lab.export.MetricsCsv;
import dev.thinkbench.lab.session.AtomicFiles;
import dev.thinkbench.lab.session.Session;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.compare.ColumnFigures;
import dev.thinkbench.ui.compare.CompareViewModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports from the window: the charts as a slide-sized PNG (in the window's look or for print), the metrics as CSV,
 * and the comparison and the Experiments tab's sweep as a self-contained HTML or a Markdown report (its chart images
 * written beside it). The content
 * is the workbench as a session would save it, so a replayed session exports as recorded. Each file is written whole
 * or not at all; every text is masked for secrets. FX thread (the chart slide is drawn there); the files are small.
 */
public final class WindowExports {

    private final SessionViewModel sessions;

    public WindowExports(SessionViewModel sessions) {
        this.sessions = sessions;
    }

    /** True when there is a comparison to export (charts, metrics): a column that ran. */
    public boolean hasComparison() {
        return sessions.compare().columns().stream().anyMatch(c -> c.live().shownRun() != null);
    }

    /** True when there is something to report: a column that ran, or a sweep with results. */
    public boolean hasReport() {
        return hasComparison() || sessions.snapshot().sweep() != null;
    }

    private ComparisonReport report() {
        return ComparisonReport.of(sessions.snapshot());
    }

    private byte[] slide(ChartSlides.Look look) {
        CompareViewModel compare = sessions.compare();
        Session s = sessions.snapshot();
        List<ColumnFigures> figures = compare.columns().stream()
                .map(c -> ColumnFigures.of(c.labelProperty().get(), c.live().getMetrics())).toList();
        return ChartSlides.png(figures, compare.costNoteProperty().get(), slideTitle(),
                ComparisonReport.of(s).heading() + "  \u00b7  \u201c"
                        + s.setup().prompt().replaceAll("\\s+", " ").strip() + "\u201d", look);
    }

    /** The chart slide's title, in the window's language as the charts under it are. */
    static String slideTitle() {
        return Messages.get("session.export.slide.title");
    }

    /** Writes the charts as one 1920 x 1080 PNG. */
    public void chartsPng(Path file, ChartSlides.Look look) throws IOException {
        write(file, slide(look));
    }

    public void csv(Path file) throws IOException {
        write(file, MetricsCsv.write(report()).getBytes(StandardCharsets.UTF_8));
    }

    /** One HTML file with the print-look chart slide embedded, and the sweep's charts where there is a sweep. */
    public void html(Path file) throws IOException {
        Map<String, byte[]> charts = new LinkedHashMap<>();
        if (hasComparison()) {
            charts.put("charts.png", slide(ChartSlides.Look.print()));
        }
        write(file, HtmlReport.write(report(), charts, sessions.sweepChartPngs()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The Markdown report, its chart slide as {@code NAME-charts.png} beside it, and the sweep's charts as
     * {@code NAME-sweep-1.png}... where there is a sweep.
     */
    public void markdown(Path file) throws IOException {
        String stem = file.getFileName().toString().replaceFirst("\\.md$", "");
        Map<String, String> charts = new LinkedHashMap<>();
        if (hasComparison()) {
            String name = stem + "-charts.png";
            write(file.resolveSibling(name), slide(ChartSlides.Look.print()));
            charts.put("Tokens, cost and latency", name);
        }
        Map<String, String> sweepCharts = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, byte[]> png : sessions.sweepChartPngs().entrySet()) {
            String name = stem + "-sweep-" + (++i) + ".png";
            write(file.resolveSibling(name), png.getValue());
            sweepCharts.put(png.getKey(), name);
        }
        write(file, MarkdownReport.write(report(), charts, sweepCharts).getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new IOException("Could not write " + file + " (" + AtomicFiles.reason(e) + ")", e);
        }
    }
}
