package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.SweepSummary;
import dev.thinkbench.ui.common.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The equal-compute view: pick a thinking-token budget per problem (a power of two on the slider) and see each
 * strategy's best accuracy among its points that spend no more ({@link SweepSummary#equalCompute}), as bars with the
 * point each bar comes from. UI thread only.
 */
final class EqualComputeView implements FigureView {

    private final Slider budget = new Slider(0, 15, 6);
    private final Label budgetText = new Label();
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), IntervalChart.accuracyAxis());
    private final Label detail = new Label();
    private final VBox pane;
    private SweepFigures shown = SweepFigures.EMPTY;

    EqualComputeView() {
        budget.setId("equalComputeBudget");
        budget.setMajorTickUnit(1);
        budget.setMinorTickCount(0);
        budget.setSnapToTicks(true);
        budget.setBlockIncrement(1);
        budget.setPrefWidth(260);
        budget.valueProperty().addListener((obs, old, now) -> draw());
        budgetText.setId("equalComputeText");
        budgetText.setMinWidth(Region.USE_PREF_SIZE);
        chart.setId("equalComputeChart");
        chart.setTitle(Messages.get("sweep.chart.equal.title"));
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.getXAxis().setLabel(Messages.get("sweep.chart.equal.axis"));
        detail.getStyleClass().add("chart-note");
        detail.setWrapText(true);
        HBox bar = new HBox(10, new Label(Messages.get("sweep.chart.equal.budget")), budget, budgetText);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 0, 10));
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox.setMargin(detail, new Insets(0, 10, 6, 10));
        pane = new VBox(bar, chart, detail);
    }

    @Override
    public String title() {
        return Messages.get("sweep.chart.equal.tab");
    }

    @Override
    public String fileName() {
        return "accuracy-at-equal-compute.png";
    }

    @Override
    public Region node() {
        return pane;
    }

    @Override
    public void show(SweepFigures figures) {
        shown = figures;
        draw();
    }

    /** The budget picked, in thinking tokens per problem. */
    int tokens() {
        return 1 << (int) Math.round(budget.getValue());
    }

    /** Sets the budget to 2^{@code exponent} tokens. */
    void setExponent(int exponent) {
        budget.setValue(exponent);
    }

    private void draw() {
        int tokens = tokens();
        budgetText.setText(String.format(Locale.ROOT, "%,d", tokens));
        List<SweepSummary.EqualCompute> at = SweepSummary.equalCompute(shown.rows(), tokens);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        List<String> words = new ArrayList<>();
        for (SweepSummary.EqualCompute e : at) {
            SummaryRow p = e.point();
            series.getData().add(new XYChart.Data<>(e.strategy(), p == null ? 0 : 100 * p.accuracy()));
            words.add(p == null ? Messages.get("sweep.chart.equal.none", e.strategy(), tokens)
                    : Messages.get("sweep.chart.equal.point", e.strategy(), IntervalChart.percent(p.accuracy()),
                    p.label(), String.format(Locale.ROOT, "%.0f", p.meanThinkingTokens())));
        }
        chart.getData().setAll(List.of(series));
        detail.setText(words.stream().collect(Collectors.joining(" \u00b7 ")));
    }

    @Override
    public FigureView fresh() {
        EqualComputeView copy = new EqualComputeView();
        copy.budget.setValue(budget.getValue());
        return copy;
    }

    Label detail() {
        return detail;
    }
}
