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

    private static int brightness(int rgb) {
        return (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
    }
}
