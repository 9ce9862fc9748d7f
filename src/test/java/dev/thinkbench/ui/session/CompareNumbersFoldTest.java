package dev.thinkbench.ui.session;

import dev.thinkbench.ui.compare.ColumnView;
import dev.thinkbench.ui.compare.ColumnsPane;
import javafx.scene.control.Button;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Compare columns in a 1280 x 720 window (a common laptop), headless: they show their key numbers only, so the
 * thinking keeps several lines and nothing needs scrolling; one click shows every number in every column, and the
 * choice holds when the columns grow. (Before, all eleven numbers left the thinking three lines and pushed the rest
 * below the fold.)
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class CompareNumbersFoldTest {

    @TempDir
    static Path dir;

    private SessionWindow window;

    @Start
    void start(Stage stage) {
        window = new SessionWindow(dir);
        stage.setScene(window.view.createScene(1280, 720));
        stage.show();
    }

    private ColumnsPane pane() {
        return window.view.compareView().columnsPane();
    }

    private List<ColumnView> columns() {
        return pane().columnViews();
    }

    private void runAndFinish(FxRobot robot) throws TimeoutException {
        window.runAndFinish(robot);
    }

    /** Drags the divider above the charts down, as a user would to give the columns the window's height. */
    private void giveTheColumnsRoom() {
        window.view.compareView().lookupAll(".split-pane").stream()
                .map(javafx.scene.control.SplitPane.class::cast)
                .filter(split -> split.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                .forEach(split -> split.setDividerPositions(0.97));
    }

    @Test
    void aShortWindowShowsTheKeyNumbersAndOneClickShowsThemAllInEveryColumn(FxRobot robot) throws Exception {
        runAndFinish(robot);
        for (ColumnView column : columns()) {
            var metrics = column.metricsStrip();
            assertThat(List.of("Thinking", "Total", "Cost")).allMatch(metrics::shows);
            assertThat(List.of("TTFT think", "Prompt", "Model load")).noneMatch(metrics::shows);
            assertThat(metrics.valueOf("Prompt")).as("folded away, still kept").isEqualTo("137");
            Region thinking = (Region) column.lookup(".thinking-area");
            assertThat(thinking.getHeight()).as("the thinking keeps five lines and more")
                    .isGreaterThanOrEqualTo(5 * 15.0);
        }
        assertThat(window.columnsScroll()).as("the columns fit the window").isFalse();
        Button toggle = (Button) columns().getFirst().lookup(".numbers-toggle");
        assertThat(toggle.getText()).isEqualTo("All numbers");

        robot.clickOn(toggle);
        WaitForAsyncUtils.waitForFxEvents();
        for (ColumnView column : columns()) {
            assertThat(List.of("Thinking", "Total", "Cost", "TTFT think", "Prompt", "Model load", "Generation"))
                    .allMatch(column.metricsStrip()::shows);
        }
        assertThat(toggle.getText()).isEqualTo("Fewer numbers");

        robot.interact(this::giveTheColumnsRoom);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane().numbers().allShownProperty().get()).isTrue();
        robot.clickOn(toggle);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(columns()).as("the user's choice holds in the taller columns")
                .allMatch(c -> !c.metricsStrip().shows("TTFT think"));
        assertThat(toggle.getText()).isEqualTo("All numbers");
    }

    @Test
    void theCountOfSamplesAnswersStandsAboveTheColumnsAndTheChartsKeepTheirHeight(FxRobot robot) throws Exception {
        robot.interact(() -> window.view.viewModel().compare().restoreColumns(List.of("a=effort:low", "b=effort:low",
                "c=effort:low")));
        WaitForAsyncUtils.waitForFxEvents();
        Region charts = window.view.compareView().chartsPane();
        double chartsBefore = charts.getHeight();
        runAndFinish(robot);

        javafx.scene.control.Label tally = robot.lookup("#answerTally").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, tally::isVisible);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tally.getText()).startsWith("3 samples:");
        double tallyBottom = tally.localToScene(tally.getLayoutBounds()).getMaxY();
        assertThat(tallyBottom).as("above the columns")
                .isLessThanOrEqualTo(pane().localToScene(pane().getLayoutBounds()).getMinY() + 1);
        assertThat(charts.getHeight()).as("the charts keep their height").isEqualTo(chartsBefore);
    }

    @Test
    void columnsGivenRoomShowEveryNumber(FxRobot robot) throws Exception {
        robot.interact(this::giveTheColumnsRoom);
        runAndFinish(robot);
        assertThat(pane().numbers().allShownProperty().get()).isTrue();
        for (ColumnView column : columns()) {
            assertThat(List.of("Thinking", "TTFT think", "TTFT answer", "Output tok/s", "Generation"))
                    .allMatch(column.metricsStrip()::shows);
        }
    }
}
