package dev.thinkbench.ui.compare;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.Usage;
import dev.thinkbench.ui.common.Messages;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost chart's note fits the engine: "free on this machine" only over a local engine's runs; over a hosted model
 * without a price, why no bar shows (as the Experiments tab says it); over hosted runs that failed before any token,
 * never "free".
 */
@ExtendWith(ApplicationExtension.class)
class CostChartNoteTest {

    private static final long MS = 1_000_000L;
    private static final Price OPUS = new Price("claude-opus-4-7", new BigDecimal("5"), new BigDecimal("25"), "USD",
            "list", "");

    private ChartsPane charts;

    @Start
    void start(Stage stage) {
        Messages.setLocale(Locale.ENGLISH);
        charts = new ChartsPane(List.of(), "");
        stage.setScene(new Scene(charts, 1200, 260));
        stage.show();
    }

    @BeforeEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    /** Three columns of one run each at {@code price}, every run ended by {@code end} after its events. */
    private static List<ColumnFigures> figures(Price price, List<ReasoningEvent> events) {
        return List.of("small", "medium", "large").stream().map(label -> {
            RunRecorder r = new RunRecorder(price);
            r.accept(new ReasoningEvent.Started(0, "m", "effort:low"));
            events.forEach(r::accept);
            return ColumnFigures.of(label, r.metrics(100 * MS));
        }).toList();
    }

    @Test
    void hostedRunsThatFailedBeforeAnyTokenAreNotFreeOnThisMachine(FxRobot robot) {
        robot.interact(() -> charts.show(figures(OPUS,
                List.of(new ReasoningEvent.Failed(20 * MS, FailureKind.AUTHENTICATION, "HTTP 401")))));

        assertThat(charts.costNote()).doesNotContain("Free").doesNotContain("this machine");
    }

    @Test
    void aHostedModelWithoutAPriceSaysWhyItsCostChartIsEmpty(FxRobot robot) {
        robot.interact(() -> charts.show(figures(null, List.of(
                new ReasoningEvent.ThinkingDelta(10 * MS, "I need 18 times 24.", 0),
                new ReasoningEvent.AnswerDelta(20 * MS, "432", 0),
                new ReasoningEvent.UsageReported(30 * MS, new Usage(12, 169, 160)),
                new ReasoningEvent.Finished(40 * MS, ReasoningEvent.StopReason.END_OF_TURN)))));

        assertThat(charts.costNote()).isEqualTo(Messages.get("chart.cost.unpriced"))
                .isEqualTo("No run has a known cost: there is no price for this model in assets/pricing.json.");
        assertThat(charts.costPlotShown()).as("a note in place of a plot with no bars").isFalse();

        robot.interact(() -> charts.setForAudience(true));
        assertThat(charts.costNote()).as("the same for a room").isEqualTo(Messages.get("chart.cost.unpriced"));
        robot.interact(() -> charts.setForAudience(false));
    }

    @Test
    void onlyALocalEnginesRunsAreFreeOnThisMachine(FxRobot robot) {
        robot.interact(() -> charts.show(figures(Price.free("local server"), List.of(
                new ReasoningEvent.ThinkingDelta(10 * MS, "x", 1),
                new ReasoningEvent.Finished(40 * MS, ReasoningEvent.StopReason.END_OF_TURN)))));

        assertThat(charts.costNote()).startsWith("Free on this machine");

        robot.interact(() -> charts.show(figures(OPUS, List.of(
                new ReasoningEvent.UsageReported(30 * MS, new Usage(0, 0, 0)),
                new ReasoningEvent.Finished(40 * MS, ReasoningEvent.StopReason.END_OF_TURN)))));
        assertThat(charts.costNote()).as("billed $0 at a price: not free on this machine").isEmpty();
    }
}
