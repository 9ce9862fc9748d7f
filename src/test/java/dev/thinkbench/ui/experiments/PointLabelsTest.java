package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.Wilson;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The curve's budget labels never draw over one another: a label with no free spot beside its point is left out. */
@ExtendWith(ApplicationExtension.class)
class PointLabelsTest {

    private TokensChart tokens;

    @Start
    void start(Stage stage) {
        tokens = new TokensChart();
        stage.setScene(new Scene(new StackPane(tokens.node()), 420, 360));
        stage.show();
    }

    @Test
    void sixteenBudgetsInANarrowChartLeaveNoTwoLabelsOverlapping() throws Exception {
        List<SummaryRow> rows = new ArrayList<>();
        for (int e = 0; e < 16; e++) {
            int cap = 1 << e;
            // accuracy rises then saturates: the late points sit on one level, side by side
            int correct = Math.min(40, 4 + 3 * e);
            rows.add(new SummaryRow("cap " + cap, "tokens:" + cap, "fixed", 40, correct, correct / 40.0,
                    new Wilson(0.1, 0.9), cap * 0.9, 100.0, null, 0, 0));
        }
        assertThat(assertNoOverlap(rows, List.of())).as("most budgets keep their label").hasSizeGreaterThan(5);
    }

    @Test
    void pointsOnOneSpotShareALabelPlacedWholeBesideItsNeighbours() throws Exception {
        // the micro model's curve: past 64 the budgets buy nothing, and the last points fall on one spot
        List<SummaryRow> rows = List.of(row("none", 0.5, 1), row("cap8", 8, 7), row("cap16", 15, 13),
                row("cap32", 22, 23), row("cap64", 28, 36), row("cap128", 32, 39), row("cap256", 32, 39));
        List<String> texts = assertNoOverlap(rows, List.of(new dev.thinkbench.lab.sweep.ScalingMeasures("fixed", 1.0,
                1.0, 1.0, 31.5, 97.5, "cap64")));
        assertThat(texts).contains("cap128, cap256", "cap64", "saturates");
    }

    @Test
    void aLabelStaysClearOfAnotherCurvesPoint() throws Exception {
        // fixed's "small" beside its point, where adaptive's point sits just right of it (a user's chart: the label
        // ran over the other curve's marker)
        List<SummaryRow> rows = List.of(row("small", 8, 7), row("medium", 20, 20),
                new SummaryRow("small", "tokens:1", "adaptive", 40, 7, 7 / 40.0, new Wilson(0.1, 0.9), 10.5, 100.0,
                        null, 0, 0),
                new SummaryRow("medium", "tokens:1", "adaptive", 40, 20, 0.5, new Wilson(0.1, 0.9), 26.0, 100.0,
                        null, 0, 0));
        WaitForAsyncUtils.asyncFx(() -> tokens.show(new SweepFigures(List.of(), rows, List.of(), Map.of()))).get();
        WaitForAsyncUtils.waitForFxEvents();
        List<Bounds> markers = WaitForAsyncUtils.asyncFx(() -> tokens.chart().getData().getLast().getData().stream()
                .map(d -> d.getNode().getBoundsInParent()).toList()).get();
        List<Bounds> labels = WaitForAsyncUtils.asyncFx(() -> tokens.node().lookupAll(".point-label").stream()
                .filter(Node::isVisible).map(Node::getBoundsInParent).toList()).get();
        assertThat(labels).as("labels shown").isNotEmpty();
        for (Bounds label : labels) {
            for (Bounds marker : markers) {
                assertThat(label.intersects(marker)).as("label %s over marker %s", label, marker).isFalse();
            }
        }
    }

    @Test
    void eachStrategyHasItsOwnClearlyDistinctColourAsInTheReport() throws Exception {
        List<SummaryRow> rows = List.of(row("small", 8, 7),
                new SummaryRow("small", "tokens:1", "majority", 40, 9, 9 / 40.0, new Wilson(0.1, 0.9), 40.0, 100.0,
                        null, 0, 0));
        WaitForAsyncUtils.asyncFx(() -> tokens.show(new SweepFigures(List.of(), rows, List.of(), Map.of()))).get();
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.paint.Paint> strokes = WaitForAsyncUtils.asyncFx(() -> tokens.chart().getData().stream()
                .map(s -> ((javafx.scene.shape.Path) s.getNode()).getStroke()).toList()).get();
        assertThat(strokes).containsExactly(javafx.scene.paint.Color.web(
                dev.thinkbench.lab.sweep.StrategyPalette.hex("fixed")), javafx.scene.paint.Color.web(
                dev.thinkbench.lab.sweep.StrategyPalette.hex("majority")));
        // fixed and majority read as red-orange and orange: now far apart in hue
        javafx.scene.paint.Color fixed = (javafx.scene.paint.Color) strokes.get(0);
        javafx.scene.paint.Color majority = (javafx.scene.paint.Color) strokes.get(1);
        double hueApart = Math.abs(fixed.getHue() - majority.getHue());
        assertThat(Math.min(hueApart, 360 - hueApart)).isGreaterThan(60);
        List<String> legend = WaitForAsyncUtils.asyncFx(() -> tokens.node().lookupAll(".chart-legend-item").stream()
                .map(n -> ((javafx.scene.control.Label) n).getGraphic().getStyle()).toList()).get();
        assertThat(legend).allMatch(style -> style.contains(dev.thinkbench.lab.sweep.StrategyPalette.hex("fixed"))
                || style.contains(dev.thinkbench.lab.sweep.StrategyPalette.hex("majority")));
    }

    private static SummaryRow row(String label, double tokens, int correct) {
        return new SummaryRow(label, "tokens:1", "fixed", 40, correct, correct / 40.0, new Wilson(0.1, 0.9), tokens,
                100.0, null, 0, 0);
    }

    /** Shows {@code rows} and checks that no two shown labels or notes overlap; returns the texts shown. */
    private List<String> assertNoOverlap(List<SummaryRow> rows, List<dev.thinkbench.lab.sweep.ScalingMeasures> measures)
            throws Exception {
        WaitForAsyncUtils.asyncFx(() -> tokens.show(new SweepFigures(List.of(), rows, measures, Map.of()))).get();
        WaitForAsyncUtils.waitForFxEvents();

        List<String> texts = new ArrayList<>();
        List<Bounds> shown = new ArrayList<>();
        List<Node> texts0 = new ArrayList<>(tokens.node().lookupAll(".point-label"));
        texts0.addAll(tokens.node().lookupAll(".saturation-note"));
        for (Node n : texts0) {
            if (n.isVisible() && n instanceof Text t && !t.getText().isEmpty()) {
                shown.add(t.getBoundsInParent());
                texts.add(t.getText());
            }
        }
        for (int i = 0; i < shown.size(); i++) {
            for (int j = i + 1; j < shown.size(); j++) {
                assertThat(shown.get(i).intersects(shown.get(j))).as("labels %s and %s overlap", texts.get(i),
                        texts.get(j)).isFalse();
            }
        }
        return texts;
    }
}
