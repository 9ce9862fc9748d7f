package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.ui.common.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One strategy's accuracy against thinking tokens per difficulty level (log axis), so it shows that easy problems
 * saturate early and hard ones keep rising; the strategy is chosen above the chart. UI thread only.
 */
final class DifficultyChart implements FigureView {

    private final IntervalChart chart = new IntervalChart(new LogAxis(TokensChart.axisLabel()),
            Messages.get("sweep.chart.difficulty.title"));
    private final ComboBox<String> strategy = new ComboBox<>();
    private final Label empty = new Label(Messages.get("sweep.chart.difficulty.none"));
    private final VBox pane;
    private SweepFigures shown = SweepFigures.EMPTY;

    DifficultyChart() {
        chart.setId("difficultyChart");
        chart.setPointLabels(false);
        strategy.setId("difficultyStrategy");
        strategy.setConverter(StrategyNames.CONVERTER);
        strategy.valueProperty().addListener((obs, old, now) -> draw());
        empty.getStyleClass().add("chart-note");
        Label pick = new Label(Messages.get("sweep.chart.difficulty.strategy"));
        HBox bar = new HBox(8, pick, strategy, empty);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 0, 10));
        VBox.setVgrow(chart, Priority.ALWAYS);
        pane = new VBox(bar, chart);
    }

    @Override
    public String title() {
        return Messages.get("sweep.chart.difficulty.tab");
    }

    /** The strategy an exported copy is for, named in its file; null for the view on screen. */
    private String exportedStrategy;

    @Override
    public String fileName() {
        return exportedStrategy == null ? "accuracy-by-difficulty.png"
                : dev.thinkbench.lab.export.FigureFiles.byDifficulty(exportedStrategy);
    }

    /** The chart, titled with its strategy (the box that chose it stays on screen). */
    @Override
    public Region exportNode() {
        String chosen = strategy.getValue();
        if (chosen != null) {
            chart.setTitle(Messages.get("sweep.chart.difficulty.title") + " \u00b7 " + StrategyNames.shown(chosen));
        }
        return chart;
    }

    /** One image per strategy of the sweep (the screen shows one at a time). */
    @Override
    public List<FigureView> exportViews(SweepFigures figures) {
        List<FigureView> copies = new ArrayList<>();
        for (String s : figures.rows().stream().map(SummaryRow::strategy).distinct().toList()) {
            DifficultyChart copy = (DifficultyChart) fresh();
            copy.strategy.setValue(s);
            copy.exportedStrategy = s;
            copies.add(copy);
        }
        return copies.isEmpty() ? List.of(fresh()) : copies;
    }

    @Override
    public Region node() {
        return pane;
    }

    @Override
    public void show(SweepFigures figures) {
        shown = figures;
        List<String> names = figures.rows().stream().map(SummaryRow::strategy).distinct().toList();
        if (!strategy.getItems().equals(names)) {
            String keep = strategy.getValue();
            strategy.getItems().setAll(names);
            strategy.setValue(names.contains(keep) ? keep : names.isEmpty() ? null : names.getFirst());
        }
        draw();
    }

    private void draw() {
        String chosen = strategy.getValue();
        List<ChartSeries.Spec> specs = new ArrayList<>();
        for (Map.Entry<Integer, List<SummaryRow>> e : shown.byDifficulty().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            List<SummaryRow> rows = e.getValue().stream().filter(r -> r.strategy().equals(chosen)).toList();
            TokensChart.curves(rows, List.of(), r -> Messages.get("sweep.chart.difficulty.series", e.getKey()))
                    .forEach(specs::add);
        }
        ChartSeries.show(chart, specs);
        empty.setVisible(!shown.rows().isEmpty() && shown.byDifficulty().isEmpty());
    }

    @Override
    public FigureView fresh() {
        DifficultyChart copy = new DifficultyChart();
        copy.strategy.getItems().setAll(strategy.getItems());
        copy.strategy.setValue(strategy.getValue());
        return copy;
    }
}
