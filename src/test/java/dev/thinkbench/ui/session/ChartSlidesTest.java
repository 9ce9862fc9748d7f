package dev.thinkbench.ui.session;

import dev.thinkbench.ui.compare.ColumnFigures;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A slide of free runs: the cost chart's note says they were free, in its own place, clear of the latency chart. */
@ExtendWith(ApplicationExtension.class)
class ChartSlidesTest {

    @Start
    void start(Stage stage) {
        // the slide is laid out off-screen, on no stage
    }

    @Test
    void theFreeNoteOfASlideIsForTheRoomAndClearOfTheLatencyChart(FxRobot robot) {
        List<ColumnFigures> free = List.of(
                new ColumnFigures("small", 8, 7, BigDecimal.ZERO, 30L, 40L, 10L),
                new ColumnFigures("medium", 25, 7, BigDecimal.ZERO, 30L, 160L, 10L),
                new ColumnFigures("large", 400, 7, BigDecimal.ZERO, 30L, 1500L, 10L));
        Scene[] slide = {null};
        robot.interact(() -> slide[0] = ChartSlides.laidOut(free, "", "Budgets", "micro model",
                ChartSlides.Look.print()));

        Label note = slide[0].getRoot().lookupAll(".chart-note").stream().filter(Node::isVisible)
                .map(Label.class::cast).findFirst().orElseThrow();
        assertThat(note.getText()).isEqualTo("Free: these runs ran on this machine");
        Node latency = slide[0].getRoot().lookup(".latency-chart");
        Bounds noteBounds = note.localToScene(note.getBoundsInLocal());
        Bounds latencyBounds = latency.localToScene(latency.getBoundsInLocal());
        assertThat(noteBounds.getMaxX()).as("the note ends before the latency chart begins")
                .isLessThanOrEqualTo(latencyBounds.getMinX());
    }

    @Test
    void aSlideOfAModelWithoutAPriceSaysWhyItsCostChartIsEmpty(FxRobot robot) {
        dev.thinkbench.core.RunRecorder r = new dev.thinkbench.core.RunRecorder(null);
        r.accept(new dev.thinkbench.core.ReasoningEvent.AnswerDelta(1_000_000, "432", 0));
        r.accept(new dev.thinkbench.core.ReasoningEvent.UsageReported(2_000_000,
                new dev.thinkbench.core.Usage(12, 169, 160)));
        r.accept(new dev.thinkbench.core.ReasoningEvent.Finished(3_000_000,
                dev.thinkbench.core.ReasoningEvent.StopReason.END_OF_TURN));
        List<ColumnFigures> unpriced = List.of(ColumnFigures.of("#1", r.metrics(4_000_000)),
                ColumnFigures.of("#2", r.metrics(4_000_000)));
        Scene[] slide = {null};
        robot.interact(() -> slide[0] = ChartSlides.laidOut(unpriced, "", "Budgets", "deepseek-v4-flash",
                ChartSlides.Look.print()));

        Label note = slide[0].getRoot().lookupAll(".chart-note").stream().filter(Node::isVisible)
                .map(Label.class::cast).findFirst().orElseThrow();
        assertThat(note.getText()).isEqualTo(
                "No run has a known cost: there is no price for this model in assets/pricing.json.");
    }
}
