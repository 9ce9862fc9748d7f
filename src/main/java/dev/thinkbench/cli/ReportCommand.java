package dev.thinkbench.cli;

import dev.thinkbench.core.problemset.LoadIssue;
import dev.thinkbench.core.problemset.ProblemLoad;
import dev.thinkbench.core.problemset.ProblemSetReader;
import dev.thinkbench.lab.sweep.ResultLog;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.SweepCsv;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.lab.sweep.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code thinkbench report results.jsonl --out DIR}: the summary table of a sweep's results file, and in DIR
 * {@code summary.csv}, {@code runs.csv}, {@code accuracy-vs-tokens.png} (unless no graded run has a thinking-token
 * count) and {@code accuracy-vs-cost.png} (unless no graded run has a cost other than zero), and with
 * {@code --problems} one {@code accuracy-by-difficulty-<strategy>.png} per strategy; a chart left out is said why.
 * Unreadable lines are reported (the first few, then how many more) and skipped; a --problems file whose ids are not
 * the results' is said on stderr. Exit code 0, or 2 when the results or --problems cannot be read, the results hold no
 * result, --problems holds no problem, or --out is not a folder.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Summarise a sweep's results file as tables (CSV) and charts (PNG).",
        footer = {"", "Examples:",
                "  thinkbench report results.jsonl --out report/",
                "  thinkbench report results.jsonl --out report/ \\",
                "      --problems samples/problems/micro-heldout.jsonl --equal-compute 64,256"})
final class ReportCommand implements Callable<Integer> {

    static final String SUMMARY = "summary.csv";
    static final String RUNS = "runs.csv";
    static final String TOKENS_CHART = "accuracy-vs-tokens.png";
    static final String COST_CHART = "accuracy-vs-cost.png";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS", description = "A results file written by sweep --out")
    private Path results;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the CSV and PNG files")
    private Path out;

    @Option(names = "--problems", paramLabel = "FILE",
            description = "The problem set, to add accuracy by difficulty to the table and a chart of the curves by "
                    + "difficulty per strategy")
    private Path problems;

    @Option(names = "--equal-compute", paramLabel = "TOKENS", split = ",",
            description = "Also show each strategy's accuracy at these compute tokens per problem (thinking; "
                    + "best-of-N: every candidate's)")
    private List<Integer> equalCompute = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Arguments.positiveTokens(spec, "--equal-compute", equalCompute);
        PrintWriter err = spec.commandLine().getErr();
        ResultLog.Contents contents;
        try {
            contents = ResultLog.read(results);
        } catch (IOException e) {
            throw Arguments.error(spec, "cannot read " + results + ": " + dev.thinkbench.core.FileProblems.reason(e));
        }
        SkippedLines.report(err, results.getFileName().toString(), contents.issues(), "results",
                ReportCommand::skipped);
        List<SweepRecord> records = contents.latest();
        if (records.isEmpty()) {
            throw Arguments.error(spec, results + " holds no result");
        }
        Map<String, Integer> difficulty = difficulties(err, records);
        List<SummaryRow> rows = SweepSummary.rows(records);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw Arguments.error(spec, "--out must be a folder: " + out + " is a file");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw Arguments.error(spec, "cannot make the folder " + out + " ("
                    + dev.thinkbench.core.FileProblems.reason(e) + ")");
        }
        String wrote = writeFiles(records, rows, difficulty);

        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(SweepTable.render(records, difficulty::get, equalCompute));
        stdout.println("\n" + wrote);
        stdout.flush();
        return 0;
    }

    /**
     * Writes the CSV files and the charts that have something to show into --out.
     *
     * @return what was written, and why a chart was not: for the last line of the output
     */
    private String writeFiles(List<SweepRecord> records, List<SummaryRow> rows, Map<String, Integer> difficulty)
            throws IOException {
        Files.writeString(out.resolve(SUMMARY), SweepCsv.summary(rows), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(RUNS), SweepCsv.runs(records), StandardCharsets.UTF_8);
        String subtitle = results.getFileName() + " \u00b7 " + records.size() + " runs";
        List<String> written = new ArrayList<>(List.of(SUMMARY, RUNS));
        // a chart without a point, or of points that all sit at $0, says nothing: the reason instead
        List<String> notWritten = new ArrayList<>();
        java.util.Optional<String> noTokensChart = SweepCharts.nothingToChartByTokens(rows);
        if (noTokensChart.isEmpty()) {
            ImageIO.write(SweepCharts.accuracyVsTokens(rows, SweepSummary.measures(records), subtitle), "png",
                    out.resolve(TOKENS_CHART).toFile());
            written.add(TOKENS_CHART);
        } else {
            Files.deleteIfExists(out.resolve(TOKENS_CHART)); // an earlier report's, of other runs
            notWritten.add("no " + TOKENS_CHART + ": " + noTokensChart.get());
        }
        java.util.Optional<String> noCostChart = SweepCharts.nothingToChartByCost(rows);
        if (noCostChart.isEmpty()) {
            ImageIO.write(SweepCharts.accuracyVsCost(rows, subtitle), "png", out.resolve(COST_CHART).toFile());
            written.add(COST_CHART);
        } else {
            Files.deleteIfExists(out.resolve(COST_CHART));
            notWritten.add("no " + COST_CHART + ": " + noCostChart.get());
        }
        Map<Integer, List<SummaryRow>> byDifficulty = SweepSummary.byDifficulty(records, difficulty::get);
        if (!byDifficulty.isEmpty()) {
            // the curves are those of the tokens chart: none without thinking-token counts
            for (String strategy : SweepSummary.curves(rows).keySet()) {
                String file = difficultyChart(strategy);
                if (byDifficulty.values().stream().noneMatch(d -> SweepSummary.curves(d).containsKey(strategy))) {
                    // the problems with a difficulty only failed (or were not graded): the chart would be empty
                    Files.deleteIfExists(out.resolve(file));
                    notWritten.add("no " + file + ": no graded run is of a problem with a difficulty");
                    continue;
                }
                ImageIO.write(SweepCharts.accuracyByDifficulty(byDifficulty, strategy, subtitle), "png",
                        out.resolve(file).toFile());
                written.add(file);
            }
        }
        return "wrote " + String.join(", ", written) + " to " + out
                + (notWritten.isEmpty() ? "" : " (" + String.join("; ", notWritten) + ")");
    }

    /**
     * A skipped line of the results, in words: a last line cut off mid-write is a run the report leaves out (the
     * results file's own wording, "that run will be done again", speaks of resuming).
     */
    private static String skipped(LoadIssue issue) {
        if (issue.reason() != LoadIssue.Reason.CUT_OFF) {
            return issue.toString();
        }
        return "line " + issue.line() + " looks cut short, as when a sweep is interrupted while writing it ("
                + issue.arguments().getFirst() + "): that run is left out, and the same sweep run again with this "
                + "file as --out does it again";
    }

    /** {@code accuracy-by-difficulty-<strategy>.png}, the strategy's name kept to letters, digits and dashes. */
    static String difficultyChart(String strategy) {
        return dev.thinkbench.lab.export.FigureFiles.byDifficulty(strategy);
    }

    /**
     * The difficulty of each problem of --problems by id, empty without it. A file that holds no problem is bad
     * input (as for sweep); one whose ids are not the results' is said on stderr, since the accuracy by difficulty is
     * then left out.
     */
    private Map<String, Integer> difficulties(PrintWriter err, List<SweepRecord> records) {
        Map<String, Integer> byId = new HashMap<>();
        if (problems == null) {
            return byId;
        }
        ProblemLoad load;
        try {
            load = ProblemSetReader.read(problems);
        } catch (IOException e) {
            // as sweep does: a mistyped path is a bad argument, not charts quietly left out
            throw Arguments.error(spec, "cannot read --problems " + problems + " ("
                    + dev.thinkbench.core.FileProblems.reason(e) + ")");
        }
        SkippedLines.report(err, problems.getFileName().toString(), load.issues(), "problems");
        if (load.problems().isEmpty()) {
            throw Arguments.error(spec, "--problems " + problems + " holds no problem that loads, so there is no "
                    + "difficulty to report by; give the problem set the sweep ran, or leave --problems out");
        }
        load.problems().forEach(p -> byId.put(p.id(), p.difficulty()));
        List<String> ids = records.stream().map(SweepRecord::problemId).distinct().toList();
        long found = ids.stream().filter(byId::containsKey).count();
        String missing = "the accuracy by difficulty is left out; give --problems the problem set the sweep ran";
        if (found == 0) {
            err.println("thinkbench: 0 of the " + ids.size() + " problem ids in " + results.getFileName()
                    + " are in --problems " + problems.getFileName() + ": " + missing);
        } else if (found < ids.size()) {
            err.println("thinkbench: only " + found + " of the " + ids.size() + " problem ids in "
                    + results.getFileName() + (found == 1 ? " is" : " are") + " in --problems "
                    + problems.getFileName() + ": the accuracy by difficulty counts the runs of those");
        } else if (ids.stream().noneMatch(id -> byId.get(id) != null)) {
            err.println("thinkbench: the problems in --problems " + problems.getFileName() + " have no difficulty: "
                    + missing);
        }
        err.flush();
        return byId;
    }
}
