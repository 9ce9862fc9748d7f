package dev.thinkbench.ui.experiments;

import atlantafx.base.theme.Styles;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.Wilson;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import dev.thinkbench.testing.OnFx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The equal-compute view takes any typed budget, not only the slider's powers of two, and refuses what is not one. */
@ExtendWith(ApplicationExtension.class)
class EqualComputeViewTest {

    private EqualComputeView view;

    @Start
    void start(Stage stage) {
        view = new EqualComputeView();
        stage.setScene(new Scene(new StackPane(view.node()), 800, 500));
        stage.show();
    }

    private static SummaryRow row(String label, double tokens, int correct) {
        return new SummaryRow(label, "tokens:" + label, "fixed", 4, correct, correct / 4.0, new Wilson(0.1, 0.9),
                tokens, 100.0, null, 0, 0);
    }

    @Test
    void aTypedBudgetCountsAsTypedAndTheSliderStillStepsByPowersOfTwo(FxRobot robot) throws Exception {
        OnFx.call(() -> {
            view.show(new SweepFigures(List.of(), List.of(row("a", 100, 1), row("b", 290, 3), row("c", 700, 4)),
                    List.of(), Map.of()));
            return null;
        });
        TextField field = robot.lookup("#equalComputeText").queryAs(TextField.class);
        Slider slider = robot.lookup("#equalComputeBudget").queryAs(Slider.class);
        assertThat(view.tokens()).isEqualTo(64);
        assertThat(view.detail().getText()).contains("no point spends 64 tokens");

        OnFx.call(() -> {
            field.setText("300");
            field.getOnAction().handle(null);
            return null;
        });
        assertThat(view.tokens()).as("not rounded to 256 or 512").isEqualTo(300);
        assertThat(view.detail().getText()).contains("75% at b (290 tokens)");
        assertThat(slider.getValue()).isBetween(8.0, 8.3);

        OnFx.call(() -> {
            field.setText("lots");
            field.getOnAction().handle(null);
            return null;
        });
        assertThat(view.tokens()).isEqualTo(300);
        assertThat(field.getPseudoClassStates()).contains(Styles.STATE_DANGER);

        OnFx.call(() -> {
            slider.setValue(10);
            return null;
        });
        assertThat(view.tokens()).isEqualTo(1024);
        assertThat(field.getText()).isEqualTo("1,024");
        assertThat(field.getPseudoClassStates()).doesNotContain(Styles.STATE_DANGER);
        assertThat(((EqualComputeView) view.fresh()).tokens()).as("a copy for export keeps the budget")
                .isEqualTo(1024);
    }

    private static SummaryRow row(String strategy, String label, double tokens, int correct) {
        return new SummaryRow(label, "tokens:" + label, strategy, 4, correct, correct / 4.0, new Wilson(0.1, 0.9),
                tokens, 100.0, null, 0, 0);
    }

    @Test
    void eachStrategysBarTakesItsCurvesColour() throws Exception {
        OnFx.call(() -> {
            view.plan(List.of("majority", "fixed", "adaptive"));
            view.show(new SweepFigures(List.of(), List.of(row("fixed", "a", 40, 2), row("adaptive", "a", 30, 3),
                    row("majority", "a", 50, 4)), List.of(), Map.of()));
            return null;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        List<String> strategies = OnFx.call(() -> view.detail().getText()).lines().toList();
        assertThat(strategies).isNotEmpty();
        // in the order the bars are drawn (the curves' order within the summary), each in its plan place's colour
        List<String> colours = OnFx.call(view::barColours);
        List<String> order = OnFx.call(() -> ((javafx.scene.chart.BarChart<?, ?>) view.node().lookup(".chart"))
                .getData().getFirst().getData().stream().map(d -> (String) d.getXValue()).toList());
        java.util.Map<String, String> expected = Map.of(StrategyNames.shown("majority"), "-fx-bar-fill: -color-chart-1;",
                StrategyNames.shown("fixed"), "-fx-bar-fill: -color-chart-2;", StrategyNames.shown("adaptive"),
                "-fx-bar-fill: -color-chart-3;");
        for (int i = 0; i < order.size(); i++) {
            assertThat(colours.get(i)).as(order.get(i)).isEqualTo(expected.get(order.get(i)));
        }
        assertThat(order).hasSize(3);
    }

    @Test
    void inANarrowPaneTheBudgetsWordsStayWholeAndTheSliderGivesWay(FxRobot robot) throws Exception {
        OnFx.call(() -> {
            view.node().setMaxWidth(440);
            return null;
        });
        javafx.scene.control.Label words = robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class)
                .stream().filter(l -> l.getText() != null && l.getText().startsWith("Compute tokens per problem"))
                .findFirst().orElseThrow();
        javafx.scene.text.Text shown = OnFx.call(() -> (javafx.scene.text.Text) words.lookup(".text"));
        assertThat(shown.getText()).isEqualTo(words.getText());
        TextField field = robot.lookup("#equalComputeText").queryAs(TextField.class);
        assertThat(field.getWidth()).isGreaterThanOrEqualTo(field.prefWidth(-1) - 0.5);
    }

    @Test
    void inANarrowPaneEveryStrategysNumberIsShownWhole(FxRobot robot) throws Exception {
        OnFx.call(() -> {
            view.node().setMaxWidth(440);
            view.node().setMaxHeight(240); // a short window's tab: the chart wants the room
            view.plan(List.of("fixed", "majority", "adaptive"));
            view.show(new SweepFigures(List.of(), List.of(row("cap8", 8, 1), row("cap128", 35, 4),
                    new SummaryRow("cap8", "tokens:8", "majority", 4, 1, 0.25, new Wilson(0.1, 0.9), 56.0, 100.0,
                            null, 0, 0),
                    new SummaryRow("cap8", "tokens:8", "adaptive", 4, 3, 0.75, new Wilson(0.1, 0.9), 20.0, 100.0,
                            null, 0, 0)), List.of(), Map.of()));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label detail = OnFx.call(view::detail);
        javafx.scene.text.Text shown = OnFx.call(() -> (javafx.scene.text.Text) detail.lookup(".text"));
        assertThat(detail.getText()).contains("adaptive");
        assertThat(shown.getText()).as("the last strategy's number too, on another line if need be")
                .isEqualTo(detail.getText());
    }
}
