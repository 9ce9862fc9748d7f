package dev.thinkbench.ui.experiments;

import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.lab.sweep.StrategyPalette;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.ui.common.Formats;
import dev.thinkbench.ui.common.Messages;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts figures into an XY chart as named series of points, reusing the chart's series and points while the curves are
 * the same (results arriving: values set in place, a new budget's point added to its curve), so a growing chart does
 * not rebuild its nodes four times a second; a point's tooltip text is made again only when its numbers changed. Each point
 * gets a tooltip with its budget, accuracy, interval, n, tokens and cost, made when the pointer first comes over it.
 * UI thread only.
 */
final class ChartSeries {

    private static final String TIP = "thinkbench.tip";
    /** Under {@link #TIP} while a point's tooltip waits for the pointer. */
    private static final Object HOVER = new Object();

    /** One series to show. */
    record Spec(String name, List<Point> points) {
    }

    /** One point: where it goes and what it stands for. */
    record Point(double x, double y, ChartPoint info) {
    }

    private ChartSeries() {
    }

    static void show(XYChart<Number, Number> chart, List<Spec> specs) {
        List<XYChart.Series<Number, Number>> current = chart.getData();
        boolean same = current.size() == specs.size();
        for (int i = 0; same && i < specs.size(); i++) {
            same = StrategyNames.shown(specs.get(i).name()).equals(current.get(i).getName());
        }
        if (same) {
            // the same curves: their points are set in place, a point a new budget brings is added to its curve
            for (int i = 0; i < specs.size(); i++) {
                update(current.get(i).getData(), specs.get(i).points());
            }
            paint(chart, specs);
            chart.requestLayout();
            return;
        }
        List<XYChart.Series<Number, Number>> fresh = new ArrayList<>();
        for (Spec s : specs) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(StrategyNames.shown(s.name()));
            for (Point p : s.points()) {
                series.getData().add(new XYChart.Data<>(p.x(), p.y(), p.info()));
            }
            fresh.add(series);
        }
        chart.getData().setAll(fresh);
        fresh.forEach(s -> s.getData().forEach(ChartSeries::tip));
        paint(chart, specs);
    }

    /**
     * Gives each strategy's curve its own colour ({@link StrategyPalette}, as {@code thinkbench report} draws it): its
     * line, its points and its legend mark; other curves (one per difficulty) keep the theme's colours by order.
     */
    private static void paint(XYChart<Number, Number> chart, List<Spec> specs) {
        List<XYChart.Series<Number, Number>> series = chart.getData();
        for (int i = 0; i < specs.size() && i < series.size(); i++) {
            String name = specs.get(i).name();
            if (!StrategyPalette.isStrategy(name)) {
                continue;
            }
            String colour = StrategyPalette.hex(name);
            XYChart.Series<Number, Number> s = series.get(i);
            if (s.getNode() != null) {
                s.getNode().setStyle("-fx-stroke: " + colour + ";");
            }
            String mark = "-fx-background-color: " + colour + ", -color-bg-default;";
            for (XYChart.Data<Number, Number> d : s.getData()) {
                if (d.getNode() != null) {
                    d.getNode().setStyle(mark);
                }
            }
            for (Node item : chart.lookupAll(".chart-legend-item")) {
                if (item instanceof javafx.scene.control.Label l && s.getName().equals(l.getText())
                        && l.getGraphic() != null) {
                    l.getGraphic().setStyle(mark);
                }
            }
        }
    }

    private static void update(List<XYChart.Data<Number, Number>> data, List<Point> points) {
        int kept = Math.min(data.size(), points.size());
        for (int j = 0; j < kept; j++) {
            XYChart.Data<Number, Number> d = data.get(j);
            Point p = points.get(j);
            if (d.getXValue().doubleValue() != p.x()) {
                d.setXValue(p.x());
            }
            if (d.getYValue().doubleValue() != p.y()) {
                d.setYValue(p.y());
            }
            if (!p.info().equals(d.getExtraValue())) {
                d.setExtraValue(p.info());
                tip(d);
            }
        }
        if (data.size() > points.size()) {
            data.subList(points.size(), data.size()).clear();
        }
        for (int j = kept; j < points.size(); j++) {
            Point p = points.get(j);
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.x(), p.y(), p.info());
            data.add(d);
            tip(d);
        }
    }

    /**
     * Gives a point its tooltip: made when the pointer first comes over the point (a tooltip is a popup window with
     * its own scene, costly to make, and most points' are never shown), and kept up to date once made.
     */
    private static void tip(XYChart.Data<Number, Number> d) {
        Node node = d.getNode();
        if (node == null || !(d.getExtraValue() instanceof ChartPoint)) {
            return;
        }
        Object existing = node.getProperties().get(TIP);
        if (existing instanceof Tooltip t) {
            String text = tipText(d);
            if (!text.equals(t.getText())) {
                t.setText(text);
            }
        } else if (existing == null) {
            node.getProperties().put(TIP, HOVER);
            node.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                if (node.getProperties().get(TIP) == HOVER && d.getExtraValue() instanceof ChartPoint) {
                    Tooltip t = Icons.tip(tipText(d));
                    Tooltip.install(node, t);
                    node.getProperties().put(TIP, t);
                }
            });
        }
    }

    /** The tooltip text of a point, or empty when it stands for nothing. */
    static String tipText(XYChart.Data<Number, Number> d) {
        return d.getExtraValue() instanceof ChartPoint p
                ? describe(p.row()) + (p.saturation() ? "\n" + Messages.get("sweep.point.saturates") : "") : "";
    }

    /** The tooltip of a point once the pointer has been over it, null before. */
    static Tooltip tooltip(XYChart.Data<Number, Number> d) {
        return d.getNode() != null && d.getNode().getProperties().get(TIP) instanceof Tooltip t ? t : null;
    }

    /** A summary row for a tooltip. */
    static String describe(SummaryRow r) {
        String tokens = r.meanThinkingTokens() == null ? Formats.DASH
                : String.format(Locale.ROOT, "%.1f", r.meanThinkingTokens());
        String time = r.meanTotalMs() == null ? Formats.DASH : Formats.millis(Math.round(r.meanTotalMs()));
        return Messages.get("sweep.point.at", StrategyNames.shown(r.strategy()), r.label(), r.budget()) + "\n"
                + Messages.get("sweep.point.accuracy", IntervalChart.percent(r.accuracy()),
                IntervalChart.percent(r.wilson().low()), IntervalChart.percent(r.wilson().high()), r.correct(), r.n())
                + "\n" + (r.costUsd() == null ? Messages.get("sweep.point.means", tokens, time)
                : Messages.get("sweep.point.meansCost", tokens, time, String.format(Locale.ROOT, "$%.4f", r.costUsd())))
                + (r.failed() > 0 ? "\n" + Messages.get("sweep.point.failed", r.failed()) : "")
                + (r.ungraded() > 0 ? "\n" + Messages.get("sweep.point.ungraded", r.ungraded()) : "");
    }

    /** A row's cost per run (failed and ungraded runs included), 0 when unknown. */
    static double costPerRun(SummaryRow r) {
        int runs = r.n() + r.failed() + r.ungraded();
        return r.costUsd() == null || runs == 0 ? 0 : r.costUsd() / runs;
    }
}
