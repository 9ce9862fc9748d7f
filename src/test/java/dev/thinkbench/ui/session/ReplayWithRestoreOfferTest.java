package dev.thinkbench.ui.session;

import dev.thinkbench.lab.session.Autosaves;
import dev.thinkbench.lab.session.RunSetup;
import dev.thinkbench.lab.session.Session;
import dev.thinkbench.lab.session.SessionFile;
import dev.thinkbench.ui.compare.ChartsPane;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recorded session replayed in a 1280 x 720 window while the offer to restore a crash's autosave shows above the
 * columns: the columns keep their least height, and the charts below are either folded away or at least their
 * readable least height, their axis numbers apart (before, they shrank to a strip whose numbers lay over each
 * other). Once the offer is declined they come back whole.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class ReplayWithRestoreOfferTest {

    @TempDir
    static Path dir;

    private SessionWindow window;

    @Start
    void start(Stage stage) throws IOException {
        Path folder = dir.resolve("sessions");
        // an autosave a crashed Thinkbench (process 7, gone) left behind
        new Autosaves(folder, 7, pid -> false, new SessionFile()).write(new Session(Instant.EPOCH, "",
                new RunSetup("p", "", "", "", "", null, null, null, null, null), List.of(), null, null));
        window = new SessionWindow(dir, SessionWindow::script,
                new Autosaves(folder, 8, pid -> pid == 8, new SessionFile()));
        stage.setScene(window.view.createScene(1280, 720));
        stage.show();
    }

    /** The visible tick numbers of each chart's value axis, by their bounds in the scene. */
    private static List<List<Bounds>> tickNumbers(ChartsPane charts) {
        List<List<Bounds>> all = new ArrayList<>();
        for (Node axis : charts.lookupAll(".axis")) {
            if (axis instanceof NumberAxis && axis.isVisible() && axis.getParent().isVisible()) {
                List<Bounds> ticks = new ArrayList<>();
                for (Node t : axis.lookupAll("Text")) {
                    if (t instanceof Text text && text.isVisible() && text.getText() != null
                            && !text.getText().isBlank()) {
                        ticks.add(text.localToScene(text.getBoundsInLocal()));
                    }
                }
                all.add(ticks);
            }
        }
        return all;
    }

    private void assertChartsReadableOrFolded(String when) {
        ChartsPane charts = window.view.compareView().chartsPane();
        Region area = (Region) window.view.lookup(".charts-area");
        double height = area.isVisible() && area.getScene() != null ? charts.getHeight() : 0;
        assertThat(height < 1 || height >= charts.readableHeight() - 0.5)
                .as(when + ": the charts are folded away or readable, not a " + height + "-px strip "
                        + "(readable from " + charts.readableHeight() + " px)").isTrue();
        if (height >= 1) {
            for (List<Bounds> ticks : tickNumbers(charts)) {
                // (lower, the axis keeps only its 0, or its numbers all lie at one height over a plot of nothing)
                assertThat(ticks.size()).as(when + ": a scale, not a lone number, where an axis has numbers")
                        .isNotEqualTo(1);
                for (int i = 0; i < ticks.size(); i++) {
                    for (int j = i + 1; j < ticks.size(); j++) {
                        assertThat(ticks.get(i).intersects(ticks.get(j)))
                                .as(when + ": axis numbers apart: " + ticks.get(i) + " and " + ticks.get(j)).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void theChartsAreReadableOrFoldedWhileTheOfferAndTheReplayShareTheHeader(FxRobot robot) throws Exception {
        window.runAndFinish(robot);
        Region area = robot.lookup(".charts-area").queryAs(Region.class);
        double chartsLive = area.getHeight();
        Path file = dir.resolve("talk.json");
        window.saveWithKeys(robot, file);
        robot.interact(window.sessions::checkForLeftBehind);
        assertThat(robot.lookup("#restoreOffer").query().isVisible()).isTrue();
        window.openWithKeys(robot, file);
        assertThat(robot.lookup("#replayBar").query().isVisible()).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> window.columns().get(2).answerText().startsWith("Final"));
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !window.columnsScroll());
        } catch (java.util.concurrent.TimeoutException e) {
            // the assertion below says what is wrong
        }
        WaitForAsyncUtils.waitForFxEvents(8);
        assertThat(window.columnsScroll()).as("the columns fit, no scroll bar of their own").isFalse();
        assertChartsReadableOrFolded("the offer over a replay");
        assertThat(area.getHeight()).as("no room for readable charts here: they are folded away").isLessThan(1);

        robot.clickOn("#discardAutosave");
        WaitForAsyncUtils.waitForFxEvents(8);
        assertChartsReadableOrFolded("the offer declined");
        assertThat(area.getHeight()).as("the charts back once they can be read")
                .isGreaterThanOrEqualTo(window.view.compareView().chartsPane().readableHeight());
        robot.clickOn("#replayClose");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Math.abs(area.getHeight() - chartsLive) < 1);
        assertChartsReadableOrFolded("the replay closed");
        assertThat(area.getHeight()).as("the charts as tall as before the replay")
                .isCloseTo(chartsLive, org.assertj.core.data.Offset.offset(1.0));
    }
}
