package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.ScalingMeasures;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.Wilson;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value in the summary or the measures table is never cut: its column widens to it (a user read "100% [61%–10…"
 * in the Accuracy column and "Scaling per doub…" in the measures at 1280x720). A measures column narrows again when
 * its long value goes, so every strategy's column stays in the pane.
 */
@ExtendWith(ApplicationExtension.class)
class WholeTextCellTest {

    private Stage stage;

    @Start
    void start(Stage primary) throws java.io.IOException {
        // a stage of its own: the primary stage is shared with the tests that follow
        stage = new Stage();
        stage.setScene(new Scene(new StackPane(), 1000, 400));
        // cells in a larger font than the default, as a theme's or presenter mode's
        java.nio.file.Path css = java.nio.file.Files.createTempFile("cells", ".css");
        java.nio.file.Files.writeString(css, ".table-cell { -fx-font-size: 17px; -fx-padding: 0 8 0 8; }");
        css.toFile().deleteOnExit();
        stage.getScene().getStylesheets().add(css.toUri().toString());
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> stage.hide());
    }

    private void show(FxRobot robot, Region table, double width) {
        robot.interact(() -> {
            table.setMaxWidth(width);
            ((StackPane) stage.getScene().getRoot()).getChildren().setAll(table);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The texts of the cells as drawn next to the texts they hold, where they differ. */
    private static List<String> cut(Region table) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> table.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getText() != null && !c.getText().isEmpty())
                .map(n -> (TableCell<?, ?>) n)
                .filter(c -> {
                    Node text = c.lookup(".text");
                    return !(text instanceof Text t) || !c.getText().equals(t.getText());
                })
                .map(c -> c.getText() + " drawn as " + ((Text) c.lookup(".text")).getText()).toList()).get();
    }

    @Test
    void anAccuracyWithItsIntervalShowsWhole(FxRobot robot) throws Exception {
        SummaryTable summary = new SummaryTable();
        show(robot, summary.node(), 980);
        robot.interact(() -> summary.show(new SweepFigures(List.of(), List.of(
                new SummaryRow("cap32", "tokens:32", "majority", 6, 6, 1.0, new Wilson(0.61, 1.0), 126.7, 7780.0, 0.0,
                        0, 0)), List.of(), Map.of())));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cut(summary.node())).isEmpty();
        assertThat(WaitForAsyncUtils.asyncFx(() -> summary.node().lookupAll(".table-cell").stream()
                .anyMatch(n -> "100%  [61%\u2013100%]".equals(((TableCell<?, ?>) n).getText()))).get()).isTrue();
    }

    @Test
    void theMeasuresNamesShowWholeInANarrowPane(FxRobot robot) throws Exception {
        MeasuresTable measures = new MeasuresTable();
        show(robot, measures, 480);
        robot.interact(() -> measures.show(new SweepFigures(List.of(), List.of(), List.of(
                new ScalingMeasures("fixed", 0.71, 0.1, 32.8, 1000.0, 1.0, null),
                new ScalingMeasures("majority", null, 0.1, 37.4, 1000.0, 1.0, null),
                new ScalingMeasures("routing", null, null, null, null, 0.38, null)), Map.of())));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(measures.rowNames()).contains("Scaling per doubling");
        assertThat(cut(measures)).isEmpty();
    }

    @Test
    void aMeasuresColumnNarrowsAgainWhenItsLongValueGoes(FxRobot robot) throws Exception {
        // a sweep of three strategies at 1280x720: early on every curve was at 100% ("at 100% (no room left to
        // rise)"), which widened each column; at the end every value was short, yet the third strategy's column
        // stayed beyond the pane's right edge (568 px wide there, 700 in this test's larger font), out of reach
        MeasuresTable measures = new MeasuresTable();
        show(robot, measures, 700);
        robot.interact(() -> measures.show(new SweepFigures(List.of(), List.of(), List.of(
                new ScalingMeasures("fixed", 1.0, 0.0, 0.0, 30.0, 1.0, null),
                new ScalingMeasures("majority", null, 0.0, 0.0, 30.0, 1.0, null),
                new ScalingMeasures("adaptive", null, 0.0, 0.0, 30.0, 1.0, null)), Map.of())));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(measures.valueAt("Saturates at", 2)).isEqualTo("at 100% (no room left to rise)");
        assertThat(cut(measures)).isEmpty();

        robot.interact(() -> measures.show(new SweepFigures(List.of(), List.of(), List.of(
                new ScalingMeasures("fixed", 0.73, 30.2, 2102.0, 30.0, 0.9, null),
                new ScalingMeasures("majority", null, 38.1, 430.0, 200.0, 0.97, null),
                new ScalingMeasures("adaptive", null, 48.4, 2650.0, 30.0, 0.87, null)), Map.of())));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(measures.valueAt("Saturates at", 2)).isEqualTo("still rising");
        assertThat(cut(measures)).isEmpty();
        double[] widths = WaitForAsyncUtils.asyncFx(() -> new double[] {
                measures.getColumns().stream().mapToDouble(c -> c.getWidth()).sum(),
                measures.getWidth() - measures.snappedLeftInset() - measures.snappedRightInset()}).get();
        assertThat(widths[0]).as("the columns' widths, all three strategies in the pane %s wide", widths[1])
                .isLessThanOrEqualTo(widths[1] + 0.5)
                .as("the columns fill the pane, no empty strip at the right").isGreaterThanOrEqualTo(widths[1] - 2);
    }
}
