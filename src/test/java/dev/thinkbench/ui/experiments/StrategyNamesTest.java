package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.strategy.Strategies;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.Wilson;
import dev.thinkbench.testing.OnFx;
import dev.thinkbench.ui.common.Messages;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strategies go by their name in the window's language ("다수결" in Korean) on screen, by the name {@code --strategy}
 * takes everywhere else; a chart keeps its curves when the same strategies come back.
 */
@ExtendWith(ApplicationExtension.class)
class StrategyNamesTest {

    private TokensChart tokens;

    @Start
    void start(Stage stage) {
        tokens = new TokensChart();
        stage.setScene(new Scene(new StackPane(tokens.node()), 640, 400));
        stage.show();
    }

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static ChartSeries.Spec curve(String strategy) {
        SummaryRow r = new SummaryRow("small", "tokens:8", strategy, 4, 2, 0.5, new Wilson(0.1, 0.9), 8.0, 100.0,
                null, 0, 0);
        return new ChartSeries.Spec(strategy, List.of(new ChartSeries.Point(8, 50, new ChartPoint(r, false))));
    }

    @Test
    void everyStrategyHasANameAndAnExplanationInEachLanguageAndTheConverterMapsNamesBack() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.KOREAN)) {
            Messages.setLocale(locale);
            for (String name : Strategies.NAMES) {
                assertThat(Messages.get("strategy.name." + name)).as("%s in %s", name, locale)
                        .doesNotStartWith("strategy.");
                assertThat(Messages.get("strategy.about." + name)).as("%s in %s", name, locale)
                        .doesNotStartWith("strategy.");
                assertThat(StrategyNames.CONVERTER.fromString(StrategyNames.CONVERTER.toString(name)))
                        .isEqualTo(name);
            }
            assertThat(StrategyNames.about().lines()).hasSize(Strategies.NAMES.size());
        }
        Messages.setLocale(Locale.KOREAN);
        assertThat(StrategyNames.shown("majority")).isEqualTo("다수결");
        assertThat(StrategyNames.shown("adaptive")).isEqualTo("적응형");
        assertThat(StrategyNames.shown("from-a-newer-file")).isEqualTo("from-a-newer-file");
        Messages.setLocale(Locale.ENGLISH);
        assertThat(StrategyNames.shown("majority")).isEqualTo("majority");
    }

    @Test
    void aKoreanChartNamesItsCurvesInKoreanAndKeepsThemWhenTheSameStrategiesReturn() throws Exception {
        Messages.setLocale(Locale.KOREAN);
        IntervalChart chart = tokens.chart();
        XYChart.Series<Number, Number> first = OnFx.call(() -> {
            ChartSeries.show(chart, List.of(curve("fixed"), curve("majority")));
            return chart.getData().getLast();
        });
        assertThat(chart.getData()).extracting(XYChart.Series::getName).containsExactly("고정 예산", "다수결");

        OnFx.call(() -> {
            ChartSeries.show(chart, List.of(curve("fixed"), curve("majority")));
            return null;
        });
        assertThat(chart.getData().getLast()).as("the same curve, its points set in place").isSameAs(first);
        assertThat(ChartSeries.describe(curve("verifier").points().getFirst().info().row()))
                .startsWith(Messages.get("sweep.point.at", "검증기", "small", "tokens:8"));
    }
}
