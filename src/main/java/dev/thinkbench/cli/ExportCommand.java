package dev.thinkbench.cli;

import dev.thinkbench.lab.export.ChartImages;
import dev.thinkbench.lab.export.ComparisonReport;
import dev.thinkbench.lab.export.HtmlReport;
import dev.thinkbench.lab.export.MarkdownReport;
import dev.thinkbench.lab.export.MetricsCsv;
import dev.thinkbench.lab.session.AtomicFiles;
import dev.thinkbench.lab.session.Session;
import dev.thinkbench.lab.session.SessionFile;
import dev.thinkbench.lab.session.SessionFileException;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.lab.sweep.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code thinkbench export FILE}: a saved session's comparison (and the summary of a sweep it holds) as metrics CSV,
 * a self-contained HTML report (charts embedded), a Markdown report and slide-sized PNG charts (1920 x 1080, light
 * print style). Each file is written whole
 * or not at all. Exit code 0 when every file was written, 1 when one could not be, 2 for bad arguments or a session
 * file that cannot be read, which is left as it is.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a saved session's comparison as CSV, HTML, Markdown and PNG charts.",
        footer = {"", "Examples:",
                "  thinkbench export demo.json --csv metrics.csv --html report.html \\",
                "      --md report.md --png-dir charts/"})
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A session file (compare --save, or Save in the window)")
    private Path file;

    @Option(names = "--csv", paramLabel = "OUT.csv", description = "Metrics, one line per column")
    private Path csv;

    @Option(names = "--html", paramLabel = "OUT.html",
            description = "A report in one file: prompt, answers with verdicts, metrics, charts, model and settings")
    private Path html;

    @Option(names = "--md", paramLabel = "OUT.md", description = "The same report in Markdown (charts linked from "
            + "--png-dir when given)")
    private Path markdown;

    @Option(names = "--png-dir", paramLabel = "DIR",
            description = "Charts as 1920x1080 PNGs: charts.png (all three), tokens.png, cost.png, latency.png")
    private Path pngDir;

    @Override
    public Integer call() {
        if (csv == null && html == null && markdown == null && pngDir == null) {
            throw Arguments.usage(spec, "say what to write: --csv, --html, --md and/or --png-dir");
        }
        Session session;
        try {
            session = new SessionFile().read(file);
        } catch (SessionFileException e) {
            return fail(e.getMessage(), 2);
        }
        boolean sweep = session.sweep() != null && !session.sweep().rows().isEmpty();
        if (session.columns().stream().noneMatch(c -> c.ran()) && !sweep) {
            return fail("the session " + file + " holds no recorded comparison or sweep to export", 2);
        }
        ComparisonReport report;
        try {
            report = ComparisonReport.of(session);
        } catch (IllegalArgumentException e) {
            return fail("the session " + file + " cannot be exported: " + e.getMessage(), 2);
        }
        try {
            boolean ran = !report.ran().isEmpty();
            Map<String, byte[]> charts = (html != null || pngDir != null) && ran ? ChartImages.render(report)
                    : Map.of();
            if (csv != null) {
                write(csv, MetricsCsv.write(report).getBytes(StandardCharsets.UTF_8));
            }
            if (pngDir != null) {
                for (Map.Entry<String, byte[]> png : charts.entrySet()) {
                    write(pngDir.resolve(png.getKey()), png.getValue());
                }
            }
            Map<String, byte[]> sweepCharts = (html != null || pngDir != null) && sweep
                    ? sweepCharts(session) : Map.of();
            if (pngDir != null) {
                for (Map.Entry<String, byte[]> png : sweepCharts.entrySet()) {
                    write(pngDir.resolve(SWEEP_FILES.get(png.getKey())), png.getValue());
                }
            }
            if (html != null) {
                write(html, HtmlReport.write(report, charts.isEmpty() ? Map.of()
                        : Map.of("charts.png", charts.get("charts.png")), sweepCharts)
                        .getBytes(StandardCharsets.UTF_8));
            }
            if (markdown != null) {
                write(markdown, MarkdownReport.write(report, ran ? chartLinks() : Map.of(), sweepLinks(sweepCharts))
                        .getBytes(StandardCharsets.UTF_8));
            }
            return 0;
        } catch (IOException e) {
            return fail(e.getMessage(), 1);
        }
    }

    /** The file each sweep chart is written to under --png-dir, by caption. */
    private static final Map<String, String> SWEEP_FILES = Map.of("Accuracy vs tokens", "sweep-accuracy-vs-tokens.png",
            "Accuracy vs cost", "sweep-accuracy-vs-cost.png");

    /**
     * The sweep's charts as the sweep report draws them (accuracy against mean compute, and against cost where the
     * runs cost something), by caption; those with nothing to show are left out.
     */
    private static Map<String, byte[]> sweepCharts(Session session) {
        List<SweepRecord> records = session.sweep().records();
        List<SummaryRow> rows = SweepSummary.rows(records);
        String subtitle = records.size() + " runs";
        Map<String, byte[]> pngs = new LinkedHashMap<>();
        if (SweepCharts.nothingToChartByTokens(rows).isEmpty()) {
            pngs.put("Accuracy vs tokens", ChartImages.png(SweepCharts.accuracyVsTokens(rows, SweepSummary.measures(records),
                    subtitle)));
        }
        if (SweepCharts.nothingToChartByCost(rows).isEmpty()) {
            pngs.put("Accuracy vs cost", ChartImages.png(SweepCharts.accuracyVsCost(rows, subtitle)));
        }
        return pngs;
    }

    /** The sweep charts' paths as seen from the Markdown file, when the PNGs are written too. */
    private Map<String, String> sweepLinks(Map<String, byte[]> sweepCharts) {
        Map<String, String> links = new LinkedHashMap<>();
        if (pngDir != null) {
            Path from = markdown.toAbsolutePath().getParent();
            for (String caption : sweepCharts.keySet()) {
                Path png = pngDir.toAbsolutePath().resolve(SWEEP_FILES.get(caption));
                links.put(caption, from.relativize(png).toString().replace('\\', '/'));
            }
        }
        return links;
    }

    /** The slide's path as seen from the Markdown file, when the PNGs are written too. */
    private Map<String, String> chartLinks() {
        Map<String, String> links = new LinkedHashMap<>();
        if (pngDir != null) {
            Path from = markdown.toAbsolutePath().getParent();
            Path slide = pngDir.toAbsolutePath().resolve("charts.png");
            links.put("Tokens, cost and latency", from.relativize(slide).toString().replace('\\', '/'));
        }
        return links;
    }

    private void write(Path target, byte[] bytes) throws IOException {
        try {
            AtomicFiles.write(target, bytes);
        } catch (IOException e) {
            throw new IOException("could not write " + target + " (" + AtomicFiles.reason(e) + ")", e);
        }
        spec.commandLine().getErr().println("thinkbench: wrote " + target);
    }

    private int fail(String message, int code) {
        spec.commandLine().getErr().println("thinkbench: " + message);
        spec.commandLine().getErr().flush();
        return code;
    }
}
