package dev.thinkbench.ui.session;

import dev.thinkbench.ui.compare.ColumnView;
import dev.thinkbench.ui.compare.ColumnsPane;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.thinkbench.testing.Keys.press;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recorded session opened in a 1280 x 720 window (a projector), headless, as a speaker shows it: with the replay bar
 * above them, and in presenter mode at the largest zoom the window allows, the columns fit without a scroll bar of
 * their own and every thinking box is whole. (Before, the replay bar's height came out of the columns: they scrolled,
 * and the thinking box was cut below its last visible line, its border gone.) The divider the columns moved down stays
 * where the speaker drags it.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class ReplayAtProjectorSizeTest {

    @TempDir
    static Path dir;

    private SessionWindow window;

    @Start
    void start(Stage stage) {
        window = new SessionWindow(dir);
        stage.setScene(window.view.createScene(1280, 720));
        stage.show();
    }

    private static Bounds scene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private ColumnsPane pane() {
        return window.view.compareView().columnsPane();
    }

    /** The layout has settled (the divider moves after a pass) with the columns' own vertical bar gone. */
    private void waitForTheColumnsToFit(String when) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !window.columnsScroll());
        } catch (TimeoutException e) {
            // the assertion below says what is wrong
        }
        WaitForAsyncUtils.waitForFxEvents(4);
        assertThat(window.columnsScroll()).as(when + ": the columns fit, no scroll bar of their own").isFalse();
    }

    private void assertThinkingWhole(String when) {
        Bounds viewport = pane().localToScene(pane().getViewportBounds());
        for (ColumnView column : window.columns()) {
            String name = when + ", " + column.viewModel().labelProperty().get();
            Region box = (Region) column.lookup(".thinking-pane");
            Region thinking = (Region) column.lookup(".thinking-area");
            Bounds area = scene(thinking);
            assertThat(area.getMaxY()).as(name + ": the thinking box ends inside its pane, not cut")
                    .isLessThanOrEqualTo(scene(box).getMaxY() + 0.5);
            assertThat(area.getMaxY()).as(name + ": the thinking box in view")
                    .isLessThanOrEqualTo(viewport.getMaxY() + 0.5);
            // squeezed to its least height (a shorter window, a long error), the pane still holds the box whole
            Region title = (Region) box.lookup(".title");
            assertThat(box.minHeight(-1)).as(name + ": the pane's least height holds its title and the box's")
                    .isGreaterThanOrEqualTo(title.getHeight() + thinking.minHeight(-1) - 0.5);
            assertThat(thinking.getHeight()).as(name + ": the thinking keeps its few lines")
                    .isGreaterThanOrEqualTo(thinking.minHeight(-1) - 0.5);
            Region metrics = column.metricsStrip();
            assertThat(scene(metrics).getMaxY()).as(name + ": the numbers in view")
                    .isLessThanOrEqualTo(viewport.getMaxY() + 0.5);
        }
    }

    @Test
    void aReplayedSessionFitsAProjectorWithItsThinkingWhole(FxRobot robot) throws Exception {
        window.runAndFinish(robot);
        Region chartsArea = robot.lookup(".charts-area").queryAs(Region.class);
        double chartsLive = chartsArea.getHeight();
        Path file = dir.resolve("talk.json");
        window.saveWithKeys(robot, file);
        window.openWithKeys(robot, file);
        assertThat(robot.lookup("#replayBar").query().isVisible()).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> window.columns().get(2).answerText().startsWith("Final"));

        waitForTheColumnsToFit("replay");
        assertThinkingWhole("replay");

        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        for (int i = 0; i < 8; i++) {
            press(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        }
        assertThat(window.presenter.presentingProperty().get()).isTrue();
        assertThat(window.presenter.zoomProperty().get()).isEqualTo(window.presenter.maxZoom()).isGreaterThan(100);

        waitForTheColumnsToFit("presenting at " + window.presenter.maxZoom() + " %");
        assertThinkingWhole("presenting at " + window.presenter.maxZoom() + " %");
        assertThat(chartsArea.getHeight()).as("the charts gave the columns only what they lacked")
                .isGreaterThan(0.25 * 720);

        // off the stage and the recording closed: the columns have room again, and the charts get theirs back
        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        waitForTheColumnsToFit("the replay after presenting");
        robot.clickOn("#replayClose");
        assertThat(robot.lookup("#replayBar").query().isVisible()).isFalse();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Math.abs(chartsArea.getHeight() - chartsLive) < 1);
        assertThat(chartsArea.getHeight()).as("the charts as tall as before the replay")
                .isCloseTo(chartsLive, org.assertj.core.data.Offset.offset(1.0));
    }

    /** The vertical split pane the charts sit in, below the columns. */
    private static javafx.scene.control.SplitPane chartsSplit(Region chartsArea) {
        javafx.scene.Parent p = chartsArea.getParent();
        while (!(p instanceof javafx.scene.control.SplitPane split && split.getOrientation() == Orientation.VERTICAL)) {
            p = p.getParent();
        }
        return (javafx.scene.control.SplitPane) p;
    }

    @Test
    void aDividerTheSpeakerDragsDownStaysWhereTheyPutIt(FxRobot robot) throws Exception {
        window.runAndFinish(robot);
        Region chartsArea = robot.lookup(".charts-area").queryAs(Region.class);
        Path file = dir.resolve("drag.json");
        window.saveWithKeys(robot, file);
        window.openWithKeys(robot, file);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> window.columns().get(2).answerText().startsWith("Final"));
        waitForTheColumnsToFit("replay");
        // the divider moved down for the replay bar; the speaker now gives the columns more room still
        javafx.scene.control.SplitPane split = chartsSplit(chartsArea);
        Node divider = split.getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("split-pane-divider")).findFirst().orElseThrow();
        Bounds at = divider.localToScreen(divider.getLayoutBounds());
        double before = chartsArea.getHeight();
        double drag = Math.min(24, before - chartsArea.minHeight(-1) - 2);
        assertThat(drag).as("the charts can give some height").isGreaterThan(8);
        robot.drag(new javafx.geometry.Point2D(at.getCenterX(), at.getCenterY()), javafx.scene.input.MouseButton.PRIMARY)
                .dropTo(new javafx.geometry.Point2D(at.getCenterX(), at.getCenterY() + drag));
        WaitForAsyncUtils.waitForFxEvents(8);

        // (before, what the divider had been moved for the columns was given back over the drag: 113 px of charts
        // dragged to 89 went back to 101)
        assertThat(chartsArea.getHeight()).as("the divider stays where the speaker dragged it")
                .isCloseTo(before - drag, org.assertj.core.data.Offset.offset(2.0));
    }
}
