package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.Wilson;
import dev.thinkbench.ui.common.Messages;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A screen reader gets the accuracy-against-compute chart as words: per strategy, each budget's accuracy at its mean
 * compute, which the curve only draws (the charts had no accessible text at all).
 */
@ExtendWith(ApplicationExtension.class)
class ChartSummaryTest {

    private TokensChart tokens;

    @Start
    void start(Stage stage) {
        Messages.setLocale(Locale.ENGLISH);
        tokens = new TokensChart();
        stage.setScene(new Scene(new StackPane(tokens.node()), 640, 420));
        stage.show();
    }

    @Test
    void theCurvesReadOutAsEachBudgetsAccuracyAtItsCompute() throws Exception {
        assertThat(read()).isEqualTo("Accuracy vs compute: accuracy against mean compute tokens per run (log scale). "
                + "no results yet");
        List<SummaryRow> rows = List.of(row("fixed", "small", 30, 12.4), row("fixed", "large", 36, 1234.0),
                row("majority", "small", 33, 61.0));
        WaitForAsyncUtils.asyncFx(() -> tokens.show(new SweepFigures(List.of(), rows, List.of(), Map.of()))).get();

        assertThat(read()).isEqualTo("Accuracy vs compute: accuracy against mean compute tokens per run (log scale). "
                + "fixed: small 75% at 12, large 90% at 1,234. majority: small 83% at 61");
    }

    private String read() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> (String) tokens.node()
                .queryAccessibleAttribute(AccessibleAttribute.TEXT)).get();
    }

    private static SummaryRow row(String strategy, String label, int correct, double tokens) {
        return new SummaryRow(label, "tokens:1", strategy, 40, correct, correct / 40.0, new Wilson(0.1, 0.9), tokens,
                100.0, null, 0, 0);
    }
}
