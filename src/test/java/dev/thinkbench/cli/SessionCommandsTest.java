package dev.thinkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.SecretScrubber;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.lab.session.RecordedColumn;
import dev.thinkbench.lab.session.RunSetup;
import dev.thinkbench.lab.session.Session;
import dev.thinkbench.lab.session.SessionFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** compare --save, replay and export on the command line, over the echo test engine and hand-made sessions. */
class SessionCommandsTest {

    private static final String CANARY = "tb-canary-export-5Hq2Zr8Nw3";

    @TempDir
    Path dir;

    private record Services(EngineRegistry engines) implements CliServices {
        @Override public PriceTable prices() { return PriceTable.empty(); }
        @Override public BudgetPresets presets() {
            return new BudgetPresets(Map.of("echo", List.of(
                    new BudgetPresets.Preset("small", new Budget.None(), "off"))));
        }
    }


    private static CliRun run(String... args) {
        EngineRegistry registry = new EngineRegistry().register(new EngineRegistry.Entry("echo", "Echo",
                "http://127.0.0.1:1", config -> new CompareCommandTest.EchoTestEngine()));
        return CliRun.of(new Services(registry), args);
    }

    @Test
    void aSavedComparisonReplaysAtOnceExactlyAsComparePrintedIt() throws Exception {
        Path file = dir.resolve("talk.json");
        CliRun live = run("compare", "--engine", "echo", "--model", "m", "--prompt", "2+2?", "--format", "json",
                "--budget", "off=none", "--budget", "big=tokens:50", "--budget", "cut=tokens:13", "--save",
                file.toString());
        assertThat(live.code()).isEqualTo(1); // the cut column failed
        assertThat(live.err()).contains("session saved to " + file);

        Session saved = new SessionFile().read(file);
        assertThat(saved.setup().engineId()).isEqualTo("echo");
        assertThat(saved.setup().model()).isEqualTo("m");
        assertThat(saved.columns()).extracting(RecordedColumn::label).containsExactly("off", "big", "cut");

        CliRun replayed = run("replay", file.toString(), "--speed", "0", "--format", "json");
        assertThat(replayed.code()).isEqualTo(1);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(replayed.out())).isEqualTo(json.readTree(live.out()));

        CliRun table = run("replay", file.toString(), "--speed", "5");
        assertThat(table.out()).contains("big", "answer to 2+2?", "error: stream cut");
    }

    @Test
    void unreadableSessionsExitWithTwoAndStayUntouched() throws Exception {
        Path good = dir.resolve("good.json");
        new SessionFile().write(good, session("none"));
        byte[] whole = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.json"), Arrays.copyOf(whole, whole.length - 40));
        Path corrupt = Files.writeString(dir.resolve("corrupt.json"), "PK\u0003\u0004 not json at all");
        Path newer = Files.writeString(dir.resolve("newer.json"),
                new String(whole, StandardCharsets.UTF_8).replace("\"version\" : 1", "\"version\" : 2"));
        for (Path bad : List.of(truncated, corrupt, newer)) {
            byte[] before = Files.readAllBytes(bad);
            Files.setLastModifiedTime(bad, FileTime.fromMillis(1_000_000_000_000L));
            for (String[] args : List.of(new String[]{"replay", bad.toString()},
                    new String[]{"export", bad.toString(), "--csv", dir.resolve("x.csv").toString()})) {
                CliRun r = run(args);
                assertThat(r.code()).as(bad + " " + args[0]).isEqualTo(2);
                assertThat(r.err()).contains(bad.toString(), "left as it is");
                assertThat(r.out()).isEmpty();
            }
            assertThat(Files.readAllBytes(bad)).isEqualTo(before);
            assertThat(Files.getLastModifiedTime(bad)).isEqualTo(FileTime.fromMillis(1_000_000_000_000L));
        }
        assertThat(run("replay", truncated.toString()).err()).contains("cut short");
        assertThat(run("replay", newer.toString()).err()).contains("newer Thinkbench");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void badArgumentsExitWithTwo() throws Exception {
        Path file = dir.resolve("s.json");
        new SessionFile().write(file, session("none"));
        assertThat(run("replay", file.toString(), "--speed", "3").err())
                .contains("thinkbench: --speed must be 1, 2, 5 or 0 (at once), was 3");
        assertThat(run("replay", file.toString(), "--speed", "3").code()).isEqualTo(2);
        assertThat(run("export", file.toString()).code()).isEqualTo(2);
        assertThat(run("compare", "--engine", "echo", "--model", "m", "--prompt", "q", "--save", dir.toString())
                .err()).contains("is a folder");
    }

    @Test
    void exportWritesCsvHtmlMarkdownAndSlideSizedChartsWithoutTheKey() throws Exception {
        SecretScrubber.register(CANARY);
        Path file = dir.resolve("s.json");
        new SessionFile().write(file, session("Final Answer: 11"));
        Path out = dir.resolve("out");

        CliRun r = run("export", file.toString(), "--csv", out.resolve("m.csv").toString(), "--html",
                out.resolve("r.html").toString(), "--md", out.resolve("r.md").toString(), "--png-dir",
                out.resolve("png").toString());

        assertThat(r.code()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("m.csv"));
        assertThat(csv.getFirst()).startsWith("engine,model,column,budget,status,verdict,prompt_tokens");
        assertThat(csv.get(1)).startsWith("echo,m,large,tokens:50,ok,correct,20,12,counted,3,");
        assertThat(csv.get(2)).startsWith("echo,m,'=cut,none,failed,no answer,");
        String html = Files.readString(out.resolve("r.html"));
        // checked piece by piece: a failure message with the whole page (an embedded PNG) would be unreadable
        for (String part : List.of("<!DOCTYPE html>", "data:image/png;base64,", ">correct<",
                "How many &lt;people&gt;?", "Final Answer: 11", "from $OPENAI_API_KEY (not saved)")) {
            assertThat(html.contains(part)).as(part).isTrue();
        }
        for (String outside : List.of("<script", "src=\"http", "href=\"http", "<link")) {
            assertThat(html.contains(outside)).as(outside).isFalse();
        }
        String md = Files.readString(out.resolve("r.md"));
        assertThat(md).contains("## Metrics", "| large |", "![Tokens, cost and latency](../out/png/charts.png)"
                .replace("../out/", ""));
        for (String name : List.of("charts.png", "tokens.png", "cost.png", "latency.png")) {
            BufferedImage png = ImageIO.read(out.resolve("png").resolve(name).toFile());
            assertThat(png.getWidth()).isEqualTo(1920);
            assertThat(png.getHeight()).isEqualTo(1080);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(CANARY);
            }
        }
    }

    @Test
    void aSessionHoldingOnlyASweepExportsItsSummaryAndAnUnreadableSweepRowIsTold() throws Exception {
        SecretScrubber.register(CANARY);
        List<dev.thinkbench.lab.sweep.SweepRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            records.add(new dev.thinkbench.lab.sweep.SweepRecord("p" + i, "small", "none", "fixed", 0, "ok", "4", "4",
                    i < 3, 10, 2, 200L, null, "builtin", null));
            records.add(new dev.thinkbench.lab.sweep.SweepRecord("p" + i, "large", "effort:high", "fixed", 0, "ok",
                    "4", "4", true, 80, 2, 900L, null, "builtin", null));
        }
        records.add(new dev.thinkbench.lab.sweep.SweepRecord("p9", "large", "effort:high", "fixed", 0, "failed",
                null, "4", null, null, null, 50L, null, "builtin", "HTTP 401 for key " + CANARY));
        RunSetup setup = new RunSetup("", "", "builtin", "Built-in", "micro", null, null, null, null, null);
        Session sweepOnly = new Session(Instant.parse("2026-01-02T03:04:05Z"), "", setup, List.of(), null,
                dev.thinkbench.lab.session.SweepResults.of("/data/sweeps/x/results.jsonl", records));
        Path file = dir.resolve("sweep.json");
        new SessionFile().write(file, sweepOnly);
        Path out = dir.resolve("sweep-out");

        CliRun r = run("export", file.toString(), "--html", out.resolve("r.html").toString(), "--md",
                out.resolve("r.md").toString());

        assertThat(r.code()).as(r.err()).isZero();
        String html = Files.readString(out.resolve("r.html"));
        assertThat(html).contains("<h1>Thinkbench sweep</h1>", "<h2>Sweep</h2>", "<td>small</td>", "75%",
                "<td>large</td>", "100%", "9 results kept in the session (from /data/sweeps/x/results.jsonl)",
                "alt=\"Accuracy vs tokens\" src=\"data:image/png;base64,", "<td>Budgets</td><td>small = none, "
                        + "large = effort:high</td>").doesNotContain(CANARY).doesNotContain("<h2>Prompt</h2>");
        String md = Files.readString(out.resolve("r.md"));
        assertThat(md).startsWith("# Thinkbench sweep").contains("## Sweep", "| fixed | small | 4 | 3 | 75% |",
                "| fixed | large |").doesNotContain(CANARY).doesNotContain("## Metrics");

        Files.writeString(file, Files.readString(file).replace("\"strategy\" : \"fixed\"", "\"strategy\" : 3"));
        CliRun bad = run("export", file.toString(), "--html", out.resolve("again.html").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("cannot be exported: sweep row 1 is not a sweep result");
        assertThat(out.resolve("again.html")).doesNotExist();
    }

    /** A session made by hand: a column answering {@code answer}, and a failing one whose label looks like a formula. */
    private static Session session(String answer) {
        long ms = 1_000_000;
        List<ReasoningEvent> ok = List.of(new ReasoningEvent.Started(0, "m", "tokens:50"),
                new ReasoningEvent.ThinkingDelta(5 * ms, "47+18=65 ", 6),
                new ReasoningEvent.ThinkingDelta(9 * ms, "key " + CANARY, 6),
                new ReasoningEvent.AnswerDelta(12 * ms, answer, 3),
                new ReasoningEvent.UsageReported(13 * ms, new dev.thinkbench.core.Usage(20, null, null)),
                new ReasoningEvent.Finished(14 * ms, ReasoningEvent.StopReason.END_OF_TURN));
        List<ReasoningEvent> failed = List.of(new ReasoningEvent.Started(0, "m", "none"),
                new ReasoningEvent.Failed(3 * ms, FailureKind.AUTHENTICATION, "HTTP 401 for key " + CANARY));
        RunSetup setup = new RunSetup("How many <people>?", "", "echo", "Echo", "m", "http://127.0.0.1:1",
                "OPENAI_API_KEY", Sampling.defaults(), null, "11");
        return new Session(Instant.parse("2026-01-02T03:04:05Z"), "", setup,
                List.of(new RecordedColumn("large", "tokens:50", null, null, ok),
                        new RecordedColumn("=cut", "none", null, null, failed)), null, null);
    }
}
