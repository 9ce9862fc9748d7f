package dev.thinkbench.ui.experiments;

import dev.thinkbench.ui.common.Messages;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart of accuracy (0..100 %) whose points carry a {@link ChartPoint}: each point gets its 95% Wilson interval
 * as an error bar in its curve's colour, the first curve's points their budget labels, and a ring with a note
 * ("saturates") where a strategy's curve saturates.
 * Decorations are pooled nodes in the plot, reused on every layout, so a chart that grows as results arrive creates no
 * nodes once it has its points. UI thread only.
 */
final class IntervalChart extends LineChart<Number, Number> {

    private final List<Line> bars = new ArrayList<>();
    private final List<Text> labels = new ArrayList<>();
    private final List<Circle> rings = new ArrayList<>();
    private final List<Text> ringNotes = new ArrayList<>();
    private boolean pointLabels = true;
    /** Half a point marker's size, as the theme draws it, with a pixel to spare. */
    private static final double MARKER_RADIUS = 6;
    /** Where this layout's point markers are, every curve's: labels are placed clear of them. */
    private final List<javafx.geometry.Bounds> markers = new ArrayList<>();
    /** The first curve's labels of this layout, by point, before they are placed. */
    private final List<PointLabel> pointLabelsToPlace = new ArrayList<>();
    /** Where this layout's saturation rings are, their notes placed after the labels. */
    private final List<double[]> ringsToNote = new ArrayList<>();

    /** A label to place beside the point at (x, y); points on one spot share it. */
    private record PointLabel(double x, double y, StringBuilder text) {
    }

    IntervalChart(Axis<Number> x, String title) {
        super(x, accuracyAxis());
        setTitle(title);
        setAnimated(false);
        setCreateSymbols(true);
        getStyleClass().add("interval-chart");
    }

    static NumberAxis accuracyAxis() {
        // room above 100% so points there (and their saturation rings) are not cut by the plot's edge: a whole tick
        // unit, as a tick closer to 100 makes the axis hide 100's label as overlapping; that top tick has no label
        NumberAxis y = new NumberAxis(Messages.get("sweep.chart.accuracy.axis"), 0, 110, 10);
        y.setAutoRanging(false);
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number value) {
                return value.doubleValue() > 100 ? "" : Long.toString(Math.round(value.doubleValue()));
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text);
            }
        });
        return y;
    }

    /**
     * Whether points show their budget labels (off where curves crowd, e.g. per difficulty); only the first curve's
     * are labelled, the others say theirs in their tooltips.
     */
    void setPointLabels(boolean show) {
        pointLabels = show;
        requestChartLayout();
    }

    /**
     * What a screen reader reads for the chart (its accessible text, made when asked): the title, what the x axis
     * measures, and per curve each point's budget, accuracy and x value, as the plot shows them.
     */
    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        if (attribute == AccessibleAttribute.TEXT) {
            return summary();
        }
        return super.queryAccessibleAttribute(attribute, parameters);
    }

    String summary() {
        List<String> curves = new ArrayList<>();
        for (Series<Number, Number> series : getData()) {
            List<String> points = new ArrayList<>();
            for (Data<Number, Number> d : series.getData()) {
                String label = d.getExtraValue() instanceof ChartPoint p ? p.row().label() : "";
                points.add(Messages.get("sweep.chart.summary.point", label,
                        Math.round(d.getYValue().doubleValue()), number(d.getXValue().doubleValue())).strip());
            }
            if (!points.isEmpty()) {
                curves.add(Messages.get("sweep.chart.summary.curve", series.getName(), String.join(", ", points)));
            }
        }
        return Messages.get("sweep.chart.summary", getTitle(), getXAxis().getLabel(),
                curves.isEmpty() ? Messages.get("sweep.chart.summary.empty") : String.join(". ", curves));
    }

    /** An x value as a reader says it: whole numbers from 10 on, otherwise three significant digits. */
    private static String number(double x) {
        if (!Double.isFinite(x)) {
            return "\u2013";
        }
        if (Math.abs(x) >= 10) {
            return String.format(Locale.ROOT, "%,d", Math.round(x));
        }
        return new java.math.BigDecimal(x).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        int bar = 0;
        int label = 0;
        int ring = 0;
        for (int s = 0; s < getData().size(); s++) {
            Series<Number, Number> series = getData().get(s);
            // the series line's colour as the theme drew it
            Paint color = series.getNode() instanceof Shape line && line.getStroke() != null ? line.getStroke()
                    : Color.GRAY;
            boolean labelled = pointLabels && s == 0;
            for (Data<Number, Number> d : series.getData()) {
                if (!(d.getExtraValue() instanceof ChartPoint p)) {
                    continue;
                }
                double x = getXAxis().getDisplayPosition(d.getXValue());
                double y = getYAxis().getDisplayPosition(d.getYValue());
                markers.add(new javafx.geometry.BoundingBox(x - MARKER_RADIUS, y - MARKER_RADIUS, 2 * MARKER_RADIUS,
                        2 * MARKER_RADIUS));
                Line l = take(bars, bar++, () -> styled(new Line(), "wilson-bar"));
                l.setStroke(color);
                l.setStartX(x);
                l.setEndX(x);
                l.setStartY(getYAxis().getDisplayPosition(100 * p.row().wilson().low()));
                l.setEndY(getYAxis().getDisplayPosition(100 * p.row().wilson().high()));
                if (labelled) {
                    // points that fall on one spot (budgets the model never reaches) share one label
                    PointLabel near = null;
                    for (PointLabel placedHere : pointLabelsToPlace) {
                        if (Math.abs(placedHere.x() - x) < 6 && Math.abs(placedHere.y() - y) < 6) {
                            near = placedHere;
                        }
                    }
                    if (near != null) {
                        near.text().append(", ").append(p.row().label());
                    } else {
                        pointLabelsToPlace.add(new PointLabel(x, y, new StringBuilder(p.row().label())));
                    }
                }
                if (p.saturation()) {
                    Circle c = take(rings, ring, () -> styled(new Circle(11), "saturation-ring"));
                    c.setStroke(color);
                    c.setCenterX(x);
                    c.setCenterY(y);
                    ring++;
                    ringsToNote.add(new double[] {x, y});
                }
            }
        }
        // placed once their texts are whole, so a shared label's bounds are its final ones; clear of the other points'
        // markers too (a label over another curve's point hid both)
        List<javafx.geometry.Bounds> taken = new ArrayList<>();
        for (PointLabel pl : pointLabelsToPlace) {
            Text t = take(labels, label, () -> styled(new Text(), "point-label"));
            t.setText(pl.text().toString());
            double w = t.getLayoutBounds().getWidth();
            double x = pl.x();
            double y = pl.y();
            List<javafx.geometry.Bounds> avoid = new ArrayList<>(taken);
            markers.stream().filter(m -> Math.abs(m.getCenterX() - x) >= 6 || Math.abs(m.getCenterY() - y) >= 6)
                    .forEach(avoid::add);
            if (place(t, new double[][] {{x + 7, y - 7}, {x + 7, y + 16}, {x - 7 - w, y - 7}, {x - 7 - w, y + 16}},
                    avoid)) {
                taken.add(avoid.getLast());
                label++;
            } else {
                t.setVisible(false); // no free spot: its tooltip still names it
            }
        }
        pointLabelsToPlace.clear();
        markers.clear();
        // "saturates" beside its ring where no label is; a ring with no room for it says so in its tooltip
        int note = 0;
        for (double[] at : ringsToNote) {
            Text t = take(ringNotes, note, () -> styled(new Text(Messages.get("sweep.chart.saturates")),
                    "saturation-note"));
            double w = t.getLayoutBounds().getWidth();
            double x = at[0];
            double y = at[1];
            if (place(t, new double[][] {{x - 14 - w, y + 22}, {x + 14, y + 22}, {x - 14 - w, y - 16},
                    {x + 14, y - 16}, {x - w / 2, y + 30}}, taken)) {
                note++;
            } else {
                t.setVisible(false);
            }
        }
        ringsToNote.clear();
        hideFrom(bars, bar);
        hideFrom(labels, label);
        hideFrom(rings, ring);
        hideFrom(ringNotes, note);
    }

    /**
     * Puts {@code t} at the first of {@code spots} (baseline positions) inside the plot that overlaps nothing
     * {@code taken}, and adds its bounds there; false when every spot is taken (points crowd where the budgets are
     * many and the chart narrow).
     */
    private boolean place(Text t, double[][] spots, List<javafx.geometry.Bounds> taken) {
        double w = t.getLayoutBounds().getWidth();
        double h = t.getLayoutBounds().getHeight();
        double plotWidth = getXAxis().getWidth();
        for (double[] spot : spots) {
            // the text spans [spot x, + w] and about [spot y - ascent, + h]
            double top = spot[1] - h * 0.8;
            if (top < 0 || spot[0] < 0 || spot[0] + w > plotWidth + 4) {
                continue;
            }
            boolean free = true;
            for (int i = 0; i < taken.size() && free; i++) {
                javafx.geometry.Bounds other = taken.get(i);
                free = spot[0] + w + 3 < other.getMinX() || spot[0] > other.getMaxX() + 3
                        || top + h < other.getMinY() || top > other.getMaxY();
            }
            if (free) {
                t.setX(spot[0]);
                t.setY(spot[1]);
                taken.add(new javafx.geometry.BoundingBox(spot[0], top, w, h));
                return true;
            }
        }
        return false;
    }

    private static <T extends Node> T styled(T node, String styleClass) {
        node.getStyleClass().add(styleClass);
        node.setManaged(false);
        node.setMouseTransparent(true);
        return node;
    }

    private <T extends Node> T take(List<T> pool, int index, java.util.function.Supplier<T> make) {
        if (index == pool.size()) {
            T node = make.get();
            pool.add(node);
            getPlotChildren().add(node);
        }
        T node = pool.get(index);
        node.setVisible(true);
        return node;
    }

    private static void hideFrom(List<? extends Node> pool, int from) {
        for (int i = from; i < pool.size(); i++) {
            pool.get(i).setVisible(false);
        }
    }

    /** {@code 75%}, or a dash for null. */
    static String percent(Double accuracy) {
        return accuracy == null ? "\u2013" : String.format(Locale.ROOT, "%.0f%%", 100 * accuracy);
    }
}
