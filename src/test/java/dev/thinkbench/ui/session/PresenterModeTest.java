package dev.thinkbench.ui.session;

import dev.thinkbench.ui.compare.ColumnView;
import dev.thinkbench.ui.compare.ColumnsPane;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.thinkbench.testing.Keys.press;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Presenter mode and the zoom on a 1280 x 720 window (a projector), headless: three finished columns keep their
 * thinking, answer and numbers whole and in view, the settings chrome is gone, and the keys work from anywhere.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class PresenterModeTest {

    @TempDir
    static Path dir;

    private SessionWindow window;

    @Start
    void start(Stage stage) {
        window = new SessionWindow(dir);
        stage.setScene(window.view.createScene(1280, 720));
        stage.show();
    }

    private List<ColumnView> columns() {
        return window.columns();
    }

    private void runAndFinish(FxRobot robot) throws TimeoutException {
        window.runAndFinish(robot);
    }

    private static Bounds scene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    /** {@code inner} lies wholly inside {@code outer} (to a pixel). */
    private static void assertInside(String what, Bounds inner, Bounds outer) {
        assertThat(inner.getMinX()).as(what + " left").isGreaterThanOrEqualTo(outer.getMinX() - 1);
        assertThat(inner.getMinY()).as(what + " top").isGreaterThanOrEqualTo(outer.getMinY() - 1);
        assertThat(inner.getMaxX()).as(what + " right").isLessThanOrEqualTo(outer.getMaxX() + 1);
        assertThat(inner.getMaxY()).as(what + " bottom").isLessThanOrEqualTo(outer.getMaxY() + 1);
    }

    @Test
    void atProjectorSizeThreeColumnsShowThinkingAnswerAndMetricsWhole(FxRobot robot) throws TimeoutException {
        runAndFinish(robot);

        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);

        assertThat(window.presenter.presentingProperty().get()).isTrue();
        assertThat(window.presenter.zoomProperty().get()).isEqualTo(100); // 720 pixels: the layout's own size
        Node topBar = robot.lookup(".top-bar").query();
        assertThat(topBar.isVisible() && scene(topBar).getHeight() > 1).as("top bar shown").isFalse();
        assertThat(window.view.compareView().promptPane().getScene()).as("prompt panel").isNull();
        Region chartsArea = robot.lookup(".charts-area").queryAs(Region.class);
        org.testfx.util.WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> chartsArea.getHeight() > 0.3 * 720);
        assertThat(chartsArea.getHeight()).as("the charts a third of the height, not a short window's strip")
                .isGreaterThan(0.3 * 720);
        Label banner = robot.lookup("#promptBanner").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertInside("prompt banner", scene(banner), window.view.getScene().getRoot().getLayoutBounds());

        ColumnsPane pane = window.view.compareView().columnsPane();
        Bounds viewport = pane.localToScene(pane.getViewportBounds());
        Bounds windowBounds = new javafx.geometry.BoundingBox(0, 0, 1280, 720);
        assertInside("columns viewport", viewport, windowBounds);
        assertThat(columns()).hasSize(3);
        for (ColumnView column : columns()) {
            String name = column.viewModel().labelProperty().get();
            Region thinking = (Region) column.lookup(".thinking-area");
            Region answer = (Region) column.lookup(".answer-text");
            Region metrics = column.metricsStrip();
            Node title = column.lookup(".column-label");
            for (Node part : List.of(title, thinking, answer, metrics)) {
                assertThat(part.isVisible()).as(name + " " + part.getStyleClass()).isTrue();
                assertInside(name + " " + part.getStyleClass(), scene(part), viewport);
            }
            // legible: the thinking shows several lines, the answer at least two, the numbers all their rows
            assertThat(thinking.getHeight()).as(name + " thinking height").isGreaterThanOrEqualTo(100);
            assertThat(answer.getHeight()).as(name + " answer height").isGreaterThanOrEqualTo(40);
            assertThat(metrics.getHeight()).as(name + " metrics height")
                    .isGreaterThanOrEqualTo(metrics.prefHeight(metrics.getWidth()) - 1);
            assertThat(column.metricsStrip().valueOf("Prompt")).isEqualTo("137");
        }
        assertThat(columns().get(2).answerText()).startsWith("Final Answer: 11");
        Node leave = robot.lookup("#leavePresenterButton").query();
        assertThat(leave.isVisible()).as("a way out on screen").isTrue();
        assertInside("the way out", scene(leave), windowBounds);

        robot.clickOn(leave);

        assertThat(window.presenter.presentingProperty().get()).isFalse();
        assertThat(leave.isVisible()).isFalse();
        assertThat(window.view.compareView().promptPane().getScene()).isNotNull();
        assertThat(scene(robot.lookup(".top-bar").query()).getHeight()).isGreaterThan(30);
    }

    @Test
    void zoomScalesTextAndLayoutAndStopsWhereTheWindowsHeightRunsOut(FxRobot robot) {
        Label value = robot.from(columns().getFirst()).lookup(".stat-value").queryAs(Label.class);
        double base = value.getFont().getSize();
        double baseWidth = columns().getFirst().getMinWidth() > 0 ? columns().getFirst().getMinWidth()
                : columns().getFirst().minWidth(-1);
        // a window this tall leaves the 100 % layout 600 px up to this zoom
        int max = window.presenter.maxZoom();
        assertThat(max).isGreaterThan(100);

        for (int i = 0; i < 12; i++) {
            press(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        }

        assertThat(window.presenter.zoomProperty().get()).isEqualTo(max);
        double z = max / 100.0;
        assertThat(value.getFont().getSize()).isCloseTo(base * z, org.assertj.core.data.Offset.offset(0.15));
        assertThat(columns().getFirst().minWidth(-1)).isCloseTo(baseWidth * z,
                org.assertj.core.data.Offset.offset(1.0));
        assertThat(robot.from(robot.lookup("#themeToggle").queryAs(Node.class)).lookup(".tb-icon")
                .queryAs(org.kordamp.ikonli.javafx.FontIcon.class).getIconSize())
                .isCloseTo((int) (15 * z), org.assertj.core.data.Offset.offset(1)); // 15 px at 100 %, whole pixels
        assertThat(robot.lookup(".presenter-toast").queryAs(Label.class).getText())
                .startsWith("Zoom " + max + "%: the largest this window's height allows");

        press(robot, KeyCode.CONTROL, KeyCode.DIGIT0);
        assertThat(window.presenter.zoomProperty().get()).isEqualTo(100);
        assertThat(value.getFont().getSize()).isCloseTo(base, org.assertj.core.data.Offset.offset(0.15));

        press(robot, KeyCode.CONTROL, KeyCode.MINUS);
        assertThat(window.presenter.zoomProperty().get()).isEqualTo(100);
    }

    /**
     * The one-line hint (on entering presenter mode, after a save) sits in the strip the charts leave free at the
     * bottom, beside the way out: before, it was lifted onto the charts and covered their axis labels.
     */
    @Test
    void theHintCoversNoChartNorColumn(FxRobot robot) throws TimeoutException {
        runAndFinish(robot);
        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        Region chartsArea = robot.lookup(".charts-area").queryAs(Region.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chartsArea.getHeight() > 0.3 * 720);
        WaitForAsyncUtils.waitForFxEvents(4);

        robot.interact(() -> window.presenting.tellWhilePresenting("Saved talk.json"));

        Label hint = robot.lookup(".presenter-toast").queryAs(Label.class);
        assertThat(hint.isVisible()).isTrue();
        Bounds drawn = scene(hint);
        assertInside("the hint", drawn, new javafx.geometry.BoundingBox(0, 0, 1280, 720));
        List<Node> charts = List.copyOf(chartsArea.lookupAll(".chart"));
        assertThat(charts).isNotEmpty();
        for (Node chart : charts) {
            assertThat(drawn.intersects(scene(chart))).as("the hint over the chart %s", chart.getStyleClass())
                    .isFalse();
        }
        ColumnsPane pane = window.view.compareView().columnsPane();
        assertThat(drawn.intersects(pane.localToScene(pane.getViewportBounds()))).as("the hint over the columns")
                .isFalse();
    }

    @Test
    void highContrastLaysItsStylesheetOverTheTheme(FxRobot robot) {
        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H);

        assertThat(window.view.getScene().getStylesheets())
                .contains(dev.thinkbench.ui.present.PresenterControls.HIGH_CONTRAST);
        Region column = columns().getFirst();
        assertThat(column.getBackground().getFills().getFirst().getFill())
                .isEqualTo(javafx.scene.paint.Color.BLACK);

        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H);

        assertThat(window.view.getScene().getStylesheets())
                .doesNotContain(dev.thinkbench.ui.present.PresenterControls.HIGH_CONTRAST);
    }
}
