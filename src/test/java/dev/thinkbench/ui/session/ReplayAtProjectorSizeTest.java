package dev.thinkbench.ui.session;

import dev.thinkbench.ui.compare.ColumnView;
import dev.thinkbench.ui.compare.ColumnsPane;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recorded session opened in a 1280 x 720 window (a projector), headless, as a speaker shows it: with the replay bar
 * above them, and in presenter mode at the largest zoom the window allows, the columns fit without a scroll bar of
 * their own and every thinking box is whole. (Before, the replay bar's height came out of the columns: they scrolled,
 * and the thinking box was cut below its last visible line, its border gone.)
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

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Bounds scene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private ColumnsPane pane() {
        return window.view.compareView().columnsPane();
    }

    private boolean verticalBarShown() {
        // the pane's own bars (the text areas inside have theirs)
        return pane().getChildrenUnmodifiable().stream().anyMatch(n -> n instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.VERTICAL && bar.isVisible());
    }

    /** The layout has settled (the divider moves after a pass) with the columns' own vertical bar gone. */
    private void waitForTheColumnsToFit(String when) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !verticalBarShown());
        } catch (TimeoutException e) {
            // the assertion below says what is wrong
        }
        WaitForAsyncUtils.waitForFxEvents(4);
        assertThat(verticalBarShown()).as(when + ": the columns fit, no scroll bar of their own").isFalse();
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
        window.answers.add(file);
        press(robot, KeyCode.CONTROL, KeyCode.S);
        window.answers.add(file);
        press(robot, KeyCode.CONTROL, KeyCode.O);
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
}
