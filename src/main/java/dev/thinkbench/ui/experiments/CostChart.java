package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.SweepSummary;
import dev.thinkbench.ui.common.Messages;
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
    private final IntervalChart chart = new IntervalChart(x, Messages.get("sweep.chart.cost.title"));
    private final Label note = new Label();
    private final StackPane pane = new StackPane(chart, note);

    CostChart() {
        x.setLabel(Messages.get("sweep.chart.cost.axis"));
        x.setForceZeroInRange(true);
        x.setMinorTickVisible(false);
        chart.setId("costChart");
        note.getStyleClass().add("chart-note");
        note.setMouseTransparent(true);
        note.setWrapText(true);
        note.setMaxWidth(360);
        // shown only when every point sits at $0 (or there is none): the right of the plot is empty, the left is not
        StackPane.setAlignment(note, javafx.geometry.Pos.CENTER_RIGHT);
        StackPane.setMargin(note, new javafx.geometry.Insets(0, 24, 0, 0));
    }

    @Override
    public String title() {
        return Messages.get("sweep.chart.cost.tab");
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
                ? Messages.get("chart.cost.unpriced") : max == 0 ? Messages.get("sweep.chart.cost.free") : "");
        note.setVisible(!note.getText().isEmpty());
    }

    @Override
    public boolean worthExporting() {
        return !note.isVisible(); // the note says every run was free, or none was priced
    }

    @Override
    public FigureView fresh() {
        return new CostChart();
    }
}
