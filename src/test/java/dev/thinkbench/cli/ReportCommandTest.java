package dev.thinkbench.cli;

import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.lab.sweep.SweepRecordJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {

    @TempDir
    Path dir;

    static final CliServices NO_ENGINES = new CliServices() {
        @Override
        public PriceTable prices() {
            return PriceTable.empty();
        }

        @Override
        public EngineRegistry engines() {
            return new EngineRegistry();
        }

        @Override
        public BudgetPresets presets() {
            return new BudgetPresets(Map.of());
        }
    };


    static CliRun run(String... args) {
        return CliRun.of(NO_ENGINES, args);
    }

    /** Two strategies at three budgets over four problems; the majority costs money, one run failed. */
    Path results() throws Exception {
        List<String> lines = new ArrayList<>();
        String[][] budgets = {{"small", "tokens:8", "8"}, {"medium", "tokens:32", "24"}, {"large", "tokens:128", "30"}};
        for (String strategy : List.of("fixed", "majority")) {
            for (int b = 0; b < budgets.length; b++) {
                for (int p = 0; p < 4; p++) {
                    boolean correct = p <= b + (strategy.equals("majority") ? 1 : 0);
                    int tokens = Integer.parseInt(budgets[b][2]) * (strategy.equals("majority") ? 5 : 1);
                    lines.add(SweepRecordJson.line(new SweepRecord("p" + p, budgets[b][0], budgets[b][1], strategy,
                            0, "ok", correct ? "1" : "2", "1", correct, tokens, 2, 10L + tokens,
                            strategy.equals("majority") ? tokens * 1e-6 : 0.0, "e", null)));
                }
            }
        }
        lines.add(SweepRecordJson.line(new SweepRecord("p9", "small", "tokens:8", "fixed", 0, "failed", null, "1",
                null, null, null, null, null, "e", "boom, \"quoted\"")));
        lines.add("{\"oops\":");
        Path file = dir.resolve("results.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void runsThatWereAllFreeGetNoCostChartAndTheReportSaysWhy() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String[] b : new String[][] {{"small", "tokens:8"}, {"large", "tokens:64"}}) {
            for (int p = 0; p < 3; p++) {
                lines.add(SweepRecordJson.line(new SweepRecord("p" + p, b[0], b[1], "fixed", 0, "ok", "1", "1", true,
                        8, 2, 30L, 0.0, "builtin", null)));
            }
        }
        Path file = Files.writeString(dir.resolve("free.jsonl"), String.join("\n", lines) + "\n");
        Path out = dir.resolve("free-report");

        CliRun r = run("report", file.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("accuracy-vs-tokens.png")).exists();
        assertThat(out.resolve("accuracy-vs-cost.png")).as("every point at $0 on a meaningless axis").doesNotExist();
        assertThat(r.out()).contains("wrote summary.csv, runs.csv, accuracy-vs-tokens.png to " + out
                + " (no accuracy-vs-cost.png: every run was free (the built-in engine or your own server))");
    }

    /** Runs of an engine that reports no thinking-token count (Anthropic's), each costing {@code cost}. */
    Path uncountedRuns(Double cost) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String[] b : new String[][] {{"small", "tokens:1024"}, {"large", "tokens:8192"}}) {
            for (int p = 0; p < 3; p++) {
                lines.add(SweepRecordJson.line(new SweepRecord("p" + p, b[0], b[1], "fixed", 0, "ok", "1", "1",
                        p > 0 || b[0].equals("large"), null, 20, 900L, cost, "anthropic", null)));
            }
        }
        return Files.writeString(dir.resolve("uncounted.jsonl"), String.join("\n", lines) + "\n");
    }

    @Test
    void runsWithoutThinkingTokenCountsGetNoTokensChartAndTheReportSaysWhy() throws Exception {
        Path out = dir.resolve("uncounted-report");
        Files.createDirectories(out);
        Files.writeString(out.resolve("accuracy-vs-tokens.png"), "an earlier report's chart, of other runs");

        CliRun r = run("report", uncountedRuns(0.0).toString(), "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("accuracy-vs-tokens.png")).as("a chart without a point").doesNotExist();
        assertThat(r.out()).contains("wrote summary.csv, runs.csv to " + out + " (no accuracy-vs-tokens.png: no run "
                + "has a thinking-token count (the engine reports none); no accuracy-vs-cost.png: every run was free");
    }

    @Test
    void pricedRunsWithoutThinkingTokenCountsAreChartedByCost() throws Exception {
        Path out = dir.resolve("priced-report");

        CliRun r = run("report", uncountedRuns(0.004).toString(), "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote summary.csv, runs.csv, accuracy-vs-cost.png to " + out
                + " (no accuracy-vs-tokens.png: ");
        BufferedImage cost = ImageIO.read(out.resolve("accuracy-vs-cost.png").toFile());
        int firstCurve = 0x1F77B4;
        int drawn = 0;
        for (int y = 0; y < cost.getHeight(); y++) {
            for (int x = 0; x < cost.getWidth(); x++) {
                drawn += (cost.getRGB(x, y) & 0xFFFFFF) == firstCurve ? 1 : 0;
            }
        }
        assertThat(drawn).as("the fixed strategy's points and line, in its colour").isGreaterThan(300);
    }

    @Test
    void writesSummaryAndRunsCsvAndTwoSlideSizedCharts() throws Exception {
        Path out = dir.resolve("report");
        CliRun r = run("report", results().toString(), "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("results.jsonl line 26: ").contains("(skipped)");
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(summary.getFirst()).isEqualTo("label,budget,strategy,n,correct,accuracy,wilsonLow,wilsonHigh,"
                + "meanComputeTokens,meanTotalMs,costUsd,failed,ungraded");
        assertThat(summary).hasSize(7);
        assertThat(summary.get(1)).startsWith("small,tokens:8,fixed,4,1,0.25,").endsWith(",0,1,0");
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertThat(runs).hasSize(26);
        assertThat(runs.getLast()).endsWith(",e,\"boom, \"\"quoted\"\"\",false,");
        for (String chart : List.of("accuracy-vs-tokens.png", "accuracy-vs-cost.png")) {
            BufferedImage image = ImageIO.read(out.resolve(chart).toFile());
            assertThat(image.getWidth()).isEqualTo(1600);
            assertThat(image.getHeight()).isEqualTo(900);
            assertThat(distinctColours(image)).as(chart + " has a drawing in it").isGreaterThan(20);
        }
        assertThat(r.out()).contains("s1 measures").contains("wrote summary.csv, runs.csv");
        assertThat(r.out()).as("curves over tens of tokens: Scaling per 10 tokens, as the window says it")
                .contains("pts/10 tokens").doesNotContain("pts/1k tokens");
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsEscapedInBothCsvFilesAsExportDoes() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            lines.add(SweepRecordJson.line(new SweepRecord("p" + p, "=cap", "tokens:8", "fixed", 0, "ok",
                    "=HYPERLINK(\"http://x\")", "@1", false, 8, 2, 30L, 0.0, "e", null)));
        }
        Path file = Files.writeString(dir.resolve("formulas.jsonl"), String.join("\n", lines) + "\n");
        Path out = dir.resolve("formula-report");

        CliRun r = run("report", file.toString(), "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("runs.csv")).get(1))
                .startsWith("p0,'=cap,tokens:8,fixed,0,ok,\"'=HYPERLINK(\"\"http://x\"\")\",'@1,false,");
        assertThat(Files.readAllLines(out.resolve("summary.csv")).get(1)).startsWith("'=cap,tokens:8,fixed,");
    }

    @Test
    void withTheProblemSetEachStrategyGetsItsCurvesByDifficulty() throws Exception {
        Path problems = dir.resolve("set.jsonl");
        Files.writeString(problems, String.join("\n",
                "{\"id\":\"p0\",\"prompt\":\"a\",\"answer\":\"1\",\"difficulty\":1}",
                "{\"id\":\"p1\",\"prompt\":\"b\",\"answer\":\"1\",\"difficulty\":1}",
                "{\"id\":\"p2\",\"prompt\":\"c\",\"answer\":\"1\",\"difficulty\":3}",
                "{\"id\":\"p3\",\"prompt\":\"d\",\"answer\":\"1\",\"difficulty\":3}") + "\n");
        Path out = dir.resolve("report");
        CliRun r = run("report", results().toString(), "--out", out.toString(), "--problems", problems.toString());

        assertThat(r.code()).as(r.err()).isZero();
        for (String strategy : List.of("fixed", "majority")) {
            String chart = "accuracy-by-difficulty-" + strategy + ".png";
            BufferedImage image = ImageIO.read(out.resolve(chart).toFile());
            assertThat(image.getWidth()).isEqualTo(1600);
            assertThat(distinctColours(image)).as(chart + " has a drawing in it").isGreaterThan(20);
            assertThat(r.out()).contains(chart);
        }
        assertThat(ReportCommand.difficultyChart("best of/5")).isEqualTo("accuracy-by-difficulty-best_of_5.png");

        Path without = dir.resolve("plain");
        run("report", results().toString(), "--out", without.toString());
        try (var files = Files.list(without)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no difficulties, no such chart")
                    .noneMatch(f -> f.startsWith("accuracy-by-difficulty"));
        }
    }

    @Test
    void whenOnlyFailedRunsHaveADifficultyNoEmptyDifficultyChartIsWrittenAndTheReportSaysWhy() throws Exception {
        // p9 (difficulty 2) only failed; p0..p3 were graded but have no difficulty
        Path problems = Files.writeString(dir.resolve("set.jsonl"), String.join("\n",
                "{\"id\":\"p0\",\"prompt\":\"a\",\"answer\":\"1\"}",
                "{\"id\":\"p1\",\"prompt\":\"b\",\"answer\":\"1\"}",
                "{\"id\":\"p2\",\"prompt\":\"c\",\"answer\":\"1\"}",
                "{\"id\":\"p3\",\"prompt\":\"d\",\"answer\":\"1\"}",
                "{\"id\":\"p9\",\"prompt\":\"e\",\"answer\":\"1\",\"difficulty\":2}") + "\n");
        Path out = dir.resolve("report");
        Files.createDirectories(out);
        Files.writeString(out.resolve("accuracy-by-difficulty-fixed.png"), "an old chart");

        CliRun r = run("report", results().toString(), "--out", out.toString(), "--problems", problems.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("accuracy-by-difficulty-fixed.png")).as("an empty chart, or an old one").doesNotExist();
        assertThat(r.out()).contains("no accuracy-by-difficulty-fixed.png: no graded run is of a problem with a "
                + "difficulty");
    }

    @Test
    void aProblemFileThatHoldsNoProblemIsBadInputAsForSweep() throws Exception {
        Path notProblems = Files.writeString(dir.resolve("notes.jsonl"), "just some notes\n");

        CliRun r = run("report", results().toString(), "--out", dir.resolve("r").toString(), "--problems",
                notProblems.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("notes.jsonl line 1: not valid JSON")
                .contains("--problems " + notProblems + " holds no problem that loads");
    }

    @Test
    void aProblemFileWhoseIdsMatchNoResultIsToldWithHowManyMatched() throws Exception {
        Path other = Files.writeString(dir.resolve("other.jsonl"),
                "{\"id\":\"x1\",\"prompt\":\"a\",\"answer\":\"1\",\"difficulty\":1}\n"
                + "{\"id\":\"x2\",\"prompt\":\"b\",\"answer\":\"1\",\"difficulty\":3}\n");
        Path out = dir.resolve("r");

        CliRun none = run("report", results().toString(), "--out", out.toString(), "--problems", other.toString());

        assertThat(none.code()).as(none.err()).isZero();
        assertThat(none.err()).contains("0 of the 5 problem ids in results.jsonl are in --problems other.jsonl: "
                + "the accuracy by difficulty is left out");
        assertThat(none.out()).doesNotContain("accuracy by difficulty").doesNotContain("accuracy-by-difficulty");

        Path some = Files.writeString(dir.resolve("some.jsonl"),
                "{\"id\":\"p0\",\"prompt\":\"a\",\"answer\":\"1\",\"difficulty\":1}\n"
                + "{\"id\":\"p1\",\"prompt\":\"b\",\"answer\":\"1\",\"difficulty\":3}\n");
        CliRun part = run("report", results().toString(), "--out", out.toString(), "--problems", some.toString());
        assertThat(part.code()).as(part.err()).isZero();
        assertThat(part.err()).contains("only 2 of the 5 problem ids in results.jsonl are in --problems some.jsonl");
        assertThat(part.out()).contains("accuracy by difficulty");

        Path plain = Files.writeString(dir.resolve("plain.jsonl"), String.join("\n",
                java.util.stream.IntStream.of(0, 1, 2, 3, 9).mapToObj(i -> "{\"id\":\"p" + i
                        + "\",\"prompt\":\"a\",\"answer\":\"1\"}").toList()) + "\n");
        CliRun noDifficulty = run("report", results().toString(), "--out", out.toString(), "--problems",
                plain.toString());
        assertThat(noDifficulty.code()).isZero();
        assertThat(noDifficulty.err()).contains("the problems in --problems plain.jsonl have no difficulty");
    }

    @Test
    void anEqualComputeBudgetThatIsNotAPositiveNumberOfTokensIsBadInput() throws Exception {
        for (String tokens : List.of("-5,0", "64,0")) {
            CliRun r = run("report", results().toString(), "--out", dir.resolve("r").toString(), "--equal-compute",
                    tokens);

            assertThat(r.code()).as(tokens).isEqualTo(2);
            assertThat(r.err()).contains("--equal-compute must be a positive number of tokens, was ");
            assertThat(r.out()).doesNotContain("compute tokens per problem");
        }
    }

    @Test
    void twoLabelsSideBySideKeepAGapOrOneIsLeftOut() {
        // cap32 right of its point, cap64's point just right of it: the labels touched and read "cap64cap32"
        java.awt.Graphics2D g = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB).createGraphics();
        List<java.awt.geom.Rectangle2D> taken = new ArrayList<>();
        java.awt.geom.Rectangle2D first = SweepCharts.label(g, "cap32", 800, 400, taken);
        // its first place (10 px right of its point) would start 2 px after cap32's end
        java.awt.geom.Rectangle2D second = SweepCharts.label(g, "cap64", first.getMaxX() + 2 - 10, 400, taken);
        if (second != null) {
            double gap = second.getMinX() >= first.getMaxX() ? second.getMinX() - first.getMaxX()
                    : first.getMinX() - second.getMaxX();
            boolean apartVertically = second.getMinY() > first.getMaxY() || first.getMinY() > second.getMaxY();
            assertThat(gap >= 6 || apartVertically).as("%s and %s", first, second).isTrue();
        }
        g.dispose();
    }

    @Test
    void labelsOfPointsOnOneSpotGoToFreePlacesOrAreLeftOut() {
        java.awt.Graphics2D g = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB).createGraphics();
        List<java.awt.geom.Rectangle2D> taken = new ArrayList<>();
        List<java.awt.geom.Rectangle2D> boxes = new ArrayList<>();
        for (String label : List.of("small", "small", "small", "small", "small")) {
            boxes.add(SweepCharts.label(g, label, 800, 400, taken));
        }
        assertThat(boxes.subList(0, 4)).doesNotContainNull().doesNotHaveDuplicates();
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                assertThat(boxes.get(i).intersects(boxes.get(j))).as("labels %d and %d overlap", i, j).isFalse();
            }
        }
        assertThat(boxes.get(4)).as("no free place left: left out").isNull();
        g.dispose();
    }

    @Test
    void aMissingOrEmptyResultsFileIsBadInput() throws Exception {
        CliRun missing = run("report", dir.resolve("none.jsonl").toString(), "--out", dir.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read").contains("Try 'thinkbench report --help'")
                .as("the options were given right: no synopsis under a missing file").doesNotContain("Usage:");
        CliRun noOut = run("report", dir.resolve("none.jsonl").toString());
        assertThat(noOut.err()).as("an option left out: the synopsis shows what is needed").contains("Usage:");
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");
        CliRun nothing = run("report", empty.toString(), "--out", dir.toString());
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains("holds no result");
    }

    @Test
    void aFileThatIsNotResultsTakesAFewWarningsThenSaysHowManyMoreAndThatItHoldsNoResult() throws Exception {
        List<String> readme = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            readme.add("Line " + i + " of a README, not a result");
        }
        Path file = Files.writeString(dir.resolve("README.md"), String.join("\n", readme) + "\n");

        CliRun r = run("report", file.toString(), "--out", dir.resolve("r").toString());

        assertThat(r.code()).isEqualTo(2);
        List<String> lines = r.err().lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("thinkbench: README.md line ")).hasSize(5);
        assertThat(lines).contains("thinkbench: README.md: ... and 35 more lines that are not results (skipped): "
                + "lines 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, ...");
        assertThat(r.err()).contains(file + " holds no result");
    }

    @Test
    void aLastLineCutShortIsSaidLikeTheOtherBadLines() throws Exception {
        String whole = Files.readString(results());
        String cut = whole.substring(0, whole.indexOf("\n{\"oops\":"));
        cut = cut.substring(0, cut.length() - 12); // the failed run's line, cut mid-write: no newline after it
        Path file = Files.writeString(dir.resolve("cut.jsonl"), cut);

        CliRun r = run("report", file.toString(), "--out", dir.resolve("r").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("thinkbench: cut.jsonl line 25 looks cut short, as when a sweep is interrupted "
                + "while writing it (not valid JSON").contains("that run is left out");
    }

    @Test
    void aMissingProblemFileABinaryResultsFileOrAFileForOutAreBadInput() throws Exception {
        CliRun noProblems = run("report", results().toString(), "--out", dir.resolve("rb").toString(),
                "--problems", dir.resolve("nope.jsonl").toString());
        assertThat(noProblems.code()).isEqualTo(2);
        assertThat(noProblems.err()).contains("cannot read --problems").contains("no such file");
        Path binary = Files.write(dir.resolve("rand.jsonl"), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 10});
        CliRun garbage = run("report", binary.toString(), "--out", dir.resolve("rb2").toString());
        assertThat(garbage.code()).isEqualTo(2);
        assertThat(garbage.err()).contains("not UTF-8 text").doesNotContain("Input length");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun outFile = run("report", results().toString(), "--out", file.toString());
        assertThat(outFile.code()).isEqualTo(2);
        assertThat(outFile.err()).contains("--out must be a folder");
    }

    @Test
    void chartsMarkWhereACurveSaturates() throws Exception {
        List<dev.thinkbench.lab.sweep.SummaryRow> rows = dev.thinkbench.lab.sweep.SweepSummary.rows(
                dev.thinkbench.lab.sweep.ResultLog.read(results()).latest());
        BufferedImage plain = SweepCharts.accuracyVsTokens(rows, List.of(), "x");
        BufferedImage marked = SweepCharts.accuracyVsTokens(rows, List.of(new dev.thinkbench.lab.sweep.ScalingMeasures(
                "fixed", null, null, null, null, 1.0, "medium")), "x");
        int differing = 0;
        for (int y = 0; y < plain.getHeight(); y++) {
            for (int x = 0; x < plain.getWidth(); x++) {
                differing += plain.getRGB(x, y) != marked.getRGB(x, y) ? 1 : 0;
            }
        }
        assertThat(differing).isGreaterThan(200);
        assertThat(SweepCharts.niceStep(0.37)).isEqualTo(0.5);
        assertThat(SweepCharts.niceStep(120)).isEqualTo(200);
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
