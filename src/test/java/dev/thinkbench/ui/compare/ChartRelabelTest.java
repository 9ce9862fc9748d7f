package dev.thinkbench.ui.compare;

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
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every chart names the columns it shows: five best-of-N candidates (#1..#5) after five lesson columns of another name
 * (the Tokens chart, stacked, kept "sample 1..5" while the others said #1..#5).
 */
@ExtendWith(ApplicationExtension.class)
class ChartRelabelTest {

    private ChartsPane charts;

    @Start
    void start(Stage stage) {
        charts = new ChartsPane(figures("sample "), "");
        stage.setScene(new Scene(charts, 1200, 260));
        stage.show();
    }

    private static List<ColumnFigures> figures(String prefix) {
        return IntStream.rangeClosed(1, 5).mapToObj(i -> new ColumnFigures(prefix + i, 10 * i, 5, BigDecimal.ZERO,
                100L, 200L, 50L)).toList();
    }

    /** Columns that have not run: no figures yet (best-of-N's fresh candidates). */
    private static List<ColumnFigures> idle(String prefix) {
        return IntStream.rangeClosed(1, 5).mapToObj(i -> new ColumnFigures(prefix + i, null, null, null, null, null,
                null)).toList();
    }

    @Test
    void newColumnNamesReachEveryChartsAxis(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> charts.show(idle("#")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> charts.layout());
        WaitForAsyncUtils.waitForFxEvents();

        for (String chart : List.of("Tokens", "Latency")) {
            assertThat(charts.axisLabels(chart)).as(chart).containsExactly("#1", "#2", "#3", "#4", "#5");
        }
    }

    @Test
    void aColumnWhoseEngineReportsOnlyItsWholeOutputDrawsThatSumUnderAKeyOfItsOwn(FxRobot robot) {
        robot.interact(() -> charts.show(figures("sample ")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(charts.keyShown("Tokens")).as("every column counts its parts: no third key")
                .containsExactly("Thinking", "Answer");

        robot.interact(() -> charts.show(List.of(
                new ColumnFigures("local", 40, 5, BigDecimal.ZERO, 100L, 200L, 50L),
                new ColumnFigures("claude 4k", null, null, new BigDecimal("0.012"), 900L, 4000L, 800L, null, 812))));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(charts.keyShown("Tokens")).containsExactly("Thinking", "Answer", "Thinking + answer");
        assertThat(charts.values("Tokens", "Thinking + answer")).containsExactly(0.0, 812.0);
        assertThat(charts.values("Tokens", "Thinking")).containsExactly(40.0, 0.0);
    }
}
