package dev.thinkbench.ui.compare;

import dev.thinkbench.core.Price;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.Usage;
import dev.thinkbench.ui.common.Messages;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A screen reader gets each Compare chart as words: its heading and every column's values, which the bars only draw
 * (the charts had no accessible text at all).
 */
@ExtendWith(ApplicationExtension.class)
class ChartSummaryTest {

    private static final long MS = 1_000_000L;

    private ChartsPane charts;

    @Start
    void start(Stage stage) {
        Messages.setLocale(Locale.ENGLISH);
        charts = new ChartsPane(List.of(), "");
        stage.setScene(new Scene(charts, 1200, 260));
        stage.show();
    }

    @Test
    void eachChartReadsOutItsColumnsValues(FxRobot robot) throws Exception {
        Price price = new Price("m", new BigDecimal("1"), new BigDecimal("2"), "USD", "list", "");
        List<ColumnFigures> figures = List.of(column("small", price, 40), column("large", price, 160));
        robot.interact(() -> charts.show(figures));

        String tokens = read(".tokens-chart");
        assertThat(tokens).startsWith("Tokens: ").contains("small: Thinking 40, Answer 3",
                "large: Thinking 160, Answer 3");
        assertThat(read(".cost-chart")).startsWith("Cost (USD): small: 0.0000").contains("; large: 0.000");
        assertThat(read(".latency-chart")).startsWith("Latency (s): small: ").contains("Thinking ");
    }

    @Test
    void aChartWithNoColumnSaysSo(FxRobot robot) throws Exception {
        robot.interact(() -> charts.show(List.of()));
        assertThat(read(".tokens-chart")).isEqualTo("Tokens: nothing yet");
    }

    private String read(String selector) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node chart = charts.lookup(selector);
            return (String) chart.queryAccessibleAttribute(AccessibleAttribute.TEXT);
        }).get();
    }

    private static ColumnFigures column(String label, Price price, int thinking) {
        RunRecorder r = new RunRecorder(price);
        r.accept(new ReasoningEvent.Started(0, "m", "tokens:" + thinking));
        r.accept(new ReasoningEvent.ThinkingDelta(10 * MS, "I need 18 times 24.", 0));
        r.accept(new ReasoningEvent.AnswerDelta(20 * MS, "432", 0));
        r.accept(new ReasoningEvent.UsageReported(30 * MS, new Usage(12, thinking + 3, thinking)));
        r.accept(new ReasoningEvent.Finished(40 * MS, ReasoningEvent.StopReason.END_OF_TURN));
        return ColumnFigures.of(label, r.metrics(100 * MS));
    }
}
