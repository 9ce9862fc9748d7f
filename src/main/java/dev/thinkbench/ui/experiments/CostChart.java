package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.SweepSummary;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Accuracy against the mean cost of a run (USD), one curve per strategy with its intervals. Says so when no run has a
 * known cost, or when every run was free (a local engine). UI thread only.
 */
final class CostChart implements FigureView {

    private final NumberAxis x = new NumberAxis();
    private final IntervalChart chart = new IntervalChart(x, "Accuracy vs cost");
    private final Label note = new Label();
    private final StackPane pane = new StackPane(chart, note);

    CostChart() {
        x.setLabel("mean cost per run (USD)");
        x.setForceZeroInRange(true);
        x.setMinorTickVisible(false);
        chart.setId("costChart");
        note.getStyleClass().add("chart-note");
        note.setMouseTransparent(true);
        note.setWrapText(true);
        note.setMaxWidth(360);
    }

    @Override
    public String title() {
        return "Cost";
    }

    @Override
    public String fileName() {
        return "accuracy-vs-cost.png";
    }

    @Override
    public Region node() {
        return pane;
    }

    @Override
    public void show(SweepFigures figures) {
        List<ChartSeries.Spec> specs = new ArrayList<>();
        double max = 0;
        for (List<SummaryRow> curve : SweepSummary.curves(figures.rows()).values()) {
            List<SummaryRow> priced = new ArrayList<>(curve.stream().filter(r -> r.costUsd() != null).toList());
            if (priced.isEmpty()) {
                continue;
            }
            priced.sort(Comparator.comparingDouble(ChartSeries::costPerRun));
            for (SummaryRow r : priced) {
                max = Math.max(max, ChartSeries.costPerRun(r));
            }
            specs.add(new ChartSeries.Spec(priced.getFirst().strategy(), priced.stream()
                    .map(r -> new ChartSeries.Point(ChartSeries.costPerRun(r), 100 * r.accuracy(),
                            new ChartPoint(r, false))).toList()));
        }
        ChartSeries.show(chart, specs);
        note.setText(figures.rows().isEmpty() ? "" : specs.isEmpty()
                ? "No run has a known cost: there is no price for this model in assets/pricing.json."
                : max == 0 ? "Every run was free (a local engine): all points sit at $0." : "");
        note.setVisible(!note.getText().isEmpty());
    }

    @Override
    public FigureView fresh() {
        return new CostChart();
    }
}
