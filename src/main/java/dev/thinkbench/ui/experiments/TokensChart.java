package dev.thinkbench.ui.experiments;

import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.lab.sweep.ScalingMeasures;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.lab.sweep.SweepSummary;
import dev.thinkbench.ui.common.Messages;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy against mean compute tokens per run (the thinking; for best-of-N every candidate's) on a log axis, one
 * curve per strategy with 95% Wilson intervals, each point labelled with its budget and the saturation point ringed.
 * UI thread only.
 */
final class TokensChart implements FigureView {

    private final IntervalChart chart = new IntervalChart(new LogAxis(axisLabel()),
            Messages.get("sweep.chart.tokens.title"));

    /**
     * The tokens axis's label, short enough for a chart beside the table in a 1280-wide window; best-of-N counts every
     * candidate's tokens.
     */
    static String axisLabel() {
        return Messages.get("sweep.chart.tokens.axis");
    }

    @Override
    public String title() {
        return Messages.get("sweep.chart.tokens.tab");
    }

    @Override
    public String fileName() {
        return "accuracy-vs-tokens.png";
    }

    @Override
    public Region node() {
        return chart;
    }

    /** The strategies of the sweep set up: each has its curve (empty until it has results), in plan order. */
    private List<String> planned = List.of();

    TokensChart() {
        chart.setId("tokensChart");
        Tooltip.install(chart.getXAxis(), Icons.tip(Messages.get("sweep.summary.meanTokens.help")));
    }

    @Override
    public void plan(List<String> strategies) {
        planned = List.copyOf(strategies);
    }

    @Override
    public void show(SweepFigures figures) {
        List<ChartSeries.Spec> curves = curves(figures.rows(), figures.measures(), SummaryRow::strategy);
        if (planned.isEmpty()) {
            ChartSeries.show(chart, curves);
            return;
        }
        // the planned curves first, in plan order, so the series made before the sweep started are the ones filled
        Map<String, ChartSeries.Spec> byName = new LinkedHashMap<>();
        curves.forEach(c -> byName.put(c.name(), c));
        List<ChartSeries.Spec> ordered = new ArrayList<>();
        planned.forEach(s -> ordered.add(byName.getOrDefault(s, new ChartSeries.Spec(s, List.of()))));
        byName.forEach((name, c) -> {
            if (!planned.contains(name)) {
                ordered.add(c);
            }
        });
        ChartSeries.show(chart, ordered);
    }

    /** One series per strategy (named by {@code name}), by mean tokens, the saturation point marked. */
    static List<ChartSeries.Spec> curves(List<SummaryRow> rows, List<ScalingMeasures> measures,
                                         java.util.function.Function<SummaryRow, String> name) {
        Map<String, String> saturation = new HashMap<>();
        measures.forEach(m -> saturation.put(m.strategy(), m.saturationLabel()));
        List<ChartSeries.Spec> specs = new ArrayList<>();
        SweepSummary.curves(rows).forEach((strategy, curve) -> {
            List<ChartSeries.Point> points = curve.stream().map(r -> new ChartSeries.Point(r.meanThinkingTokens(),
                    100 * r.accuracy(), new ChartPoint(r, r.label().equals(saturation.get(strategy))))).toList();
            specs.add(new ChartSeries.Spec(name.apply(curve.getFirst()), points));
        });
        return specs;
    }

    @Override
    public FigureView fresh() {
        return new TokensChart();
    }

    IntervalChart chart() {
        return chart;
    }
}
