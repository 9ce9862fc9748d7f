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
        WaitForAsyncUtils.asyncFx(() -> tokens.show(new SweepFigures(List.of(), rows, List.of(), Map.of()))).get();
        WaitForAsyncUtils.waitForFxEvents();

        List<Bounds> shown = new ArrayList<>();
        for (Node n : tokens.node().lookupAll(".point-label")) {
            if (n.isVisible() && n instanceof Text t && !t.getText().isEmpty()) {
                shown.add(t.getBoundsInParent());
            }
        }
        assertThat(shown).as("most budgets keep their label").hasSizeGreaterThan(5);
        for (int i = 0; i < shown.size(); i++) {
            for (int j = i + 1; j < shown.size(); j++) {
                assertThat(shown.get(i).intersects(shown.get(j))).as("labels %d and %d overlap", i, j).isFalse();
            }
        }
    }
}
