package dev.thinkbench.ui.session;

import dev.thinkbench.core.SecretScrubber;
import dev.thinkbench.ui.compare.ColumnState;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports from the window after a run: slide-sized chart PNGs (snapshots, in two looks), CSV, HTML, Markdown. */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class WindowExportsTest {

    private static final String CANARY = "tb-canary-window-export-9Vq3";

    @TempDir
    static Path dir;

    private SessionWindow window;

    @Start
    void start(Stage stage) {
        window = new SessionWindow(dir);
        stage.setScene(window.view.createScene(1280, 800));
        stage.show();
    }

    @Test
    void everyExportIsWrittenWholeWithoutTheKey(FxRobot robot) throws Exception {
        SecretScrubber.register(CANARY);
        robot.interact(() -> window.view.viewModel().compare().prompt().systemProperty()
                .set("Never say " + CANARY));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.view.viewModel().compare().canRunProperty().get());
        robot.interact(() -> window.view.viewModel().compare().run());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.view.compareView().columnsPane().columnViews()
                .stream().allMatch(c -> c.viewModel().live().getState() == ColumnState.DONE));
        WindowExports exports = new WindowExports(window.sessions);
        assertThat(exports.hasComparison()).isTrue();
        Path out = dir.resolve("exports");

        robot.interact(() -> {
            try {
                exports.chartsPng(out.resolve("light.png"), ChartSlides.Look.print());
                exports.chartsPng(out.resolve("contrast.png"), ChartSlides.Look.HIGH_CONTRAST);
                exports.csv(out.resolve("m.csv"));
                exports.html(out.resolve("r.html"));
                exports.markdown(out.resolve("r.md"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        BufferedImage light = ImageIO.read(out.resolve("light.png").toFile());
        BufferedImage contrast = ImageIO.read(out.resolve("contrast.png").toFile());
        assertThat(light.getWidth()).isEqualTo(1920);
        assertThat(light.getHeight()).isEqualTo(1080);
        assertThat(brightness(light.getRGB(5, 5))).as("light background").isGreaterThan(200);
        assertThat(brightness(contrast.getRGB(5, 5))).as("high-contrast background").isLessThan(30);
        List<String> csv = Files.readAllLines(out.resolve("m.csv"));
        assertThat(csv).hasSize(4);
        assertThat(csv.get(3)).startsWith("scripted,m1,large,effort:high,ok,correct,137,40,reported");
        String html = Files.readString(out.resolve("r.html"));
        assertThat(html.contains("data:image/png;base64,")).isTrue();
        assertThat(html.contains("Final Answer: 11")).isTrue();
        assertThat(Files.readString(out.resolve("r.md"))).contains("![Tokens, cost and latency](r-charts.png)");
        assertThat(out.resolve("r-charts.png")).exists();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1).contains(CANARY)).as(f.toString())
                        .isFalse();
            }
        }
    }

    /** An Experiments tab holding a finished sweep, for tests: its results and one chart. */
    private static final class SweepShownTestDouble implements SweepSessions {
        final List<dev.thinkbench.lab.sweep.SweepRecord> records = List.of(
                record("p1", "small", "none", false, 0), record("p1", "large", "tokens:64", true, 40),
                record("p2", "small", "none", true, 0), record("p2", "large", "tokens:64", true, 52));

        private static dev.thinkbench.lab.sweep.SweepRecord record(String problem, String label, String budget,
                                                                   boolean correct, int thinking) {
            return new dev.thinkbench.lab.sweep.SweepRecord(problem, label, budget, "fixed", 0, "ok", "4", "4",
                    correct, thinking, 3, 120L, null, "builtin", null, false, "",
                    "micro-reasoner.gguf, temperature 0.8, seed 7");
        }

        @Override
        public java.util.Map<String, byte[]> chartPngs() {
            try {
                java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
                ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);
                return java.util.Map.of("Accuracy vs tokens", png.toByteArray());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public dev.thinkbench.lab.session.SweepResults record() {
            return dev.thinkbench.lab.session.SweepResults.of("/data/sweeps/s/results.jsonl", records);
        }

        @Override
        public int unwrittenResults() {
            return 0;
        }

        @Override
        public String underWay() {
            return null;
        }

        @Override
        public void clear() {
        }

        @Override
        public void show(dev.thinkbench.lab.session.SweepResults results) {
        }
    }

    @Test
    void aSweepAloneIsReportedWithItsOwnSettingsAndCharts(FxRobot robot) throws Exception {
        robot.interact(() -> window.sessions.setSweeps(new SweepShownTestDouble()));
        WindowExports exports = new WindowExports(window.sessions);
        assertThat(exports.hasComparison()).as("no Compare column ran").isFalse();
        assertThat(exports.hasReport()).as("but a sweep is there to report").isTrue();
        Path out = dir.resolve("sweep-exports");

        robot.interact(() -> {
            try {
                exports.html(out.resolve("s.html"));
                exports.markdown(out.resolve("s.md"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        String html = Files.readString(out.resolve("s.html"));
        assertThat(html).contains("<h1>Thinkbench sweep</h1>", "micro-reasoner.gguf \u00b7 ", "<h2>Sweep</h2>",
                        "<td>Temperature</td><td>0.8</td>", "<td>Seed</td><td>7</td>",
                        "<td>Budgets</td><td>small = none, large = tokens:64</td>", "alt=\"Accuracy vs tokens\"")
                .as("nothing of the Compare tab, which did not run").doesNotContain("<h2>Prompt</h2>", "<h2>Metrics</h2>",
                        "Expected answer");
        String md = Files.readString(out.resolve("s.md"));
        assertThat(md).startsWith("# Thinkbench sweep").contains("![Accuracy vs tokens](s-sweep-1.png)",
                "| Temperature | 0.8 |").doesNotContain("## Prompt");
        assertThat(out.resolve("s-sweep-1.png")).exists();
        assertThat(out.resolve("s-charts.png")).as("no comparison slide").doesNotExist();
    }

    private static int brightness(int rgb) {
        return (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
    }
}
