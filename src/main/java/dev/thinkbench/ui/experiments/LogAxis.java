package dev.thinkbench.ui.experiments;

import javafx.scene.chart.ValueAxis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A logarithmic axis for token counts, which JavaFX lacks: a value {@code v} sits at {@code log2(1 + v)}, so 0 (thinking
 * off) has a place at the origin and each doubling is one step; ticks at 0 and the powers of two, thinned out to fit,
 * labelled {@code 8}, {@code 1k}, {@code 32k}. The lower bound is always 0; the upper bound is a power of two above the
 * data (auto-ranging) or set by hand. UI thread only.
 */
public final class LogAxis extends ValueAxis<Number> {

    private static final double MIN_LABEL_GAP_PX = 34;
    /** Whether a layout has set the range from data at least once. */
    private boolean laidOut;

    public LogAxis(String label) {
        super(0, 16);
        setLabel(label);
        setMinorTickVisible(false);
        setAutoRanging(true);
    }

    private static double log(double v) {
        return Math.log1p(Math.max(0, v)) / Math.log(2);
    }

    private double span() {
        return Math.max(1e-9, log(getUpperBound()));
    }

    private double length() {
        return getSide() != null && getSide().isVertical() ? getHeight() : getWidth();
    }

    @Override
    public double getDisplayPosition(Number value) {
        double d = log(value.doubleValue()) / span();
        double len = length();
        return getSide() != null && getSide().isVertical() ? (1 - d) * len : d * len;
    }

    @Override
    public Number getValueForDisplay(double displayPosition) {
        double len = Math.max(1, length());
        double d = getSide() != null && getSide().isVertical() ? 1 - displayPosition / len : displayPosition / len;
        return Math.pow(2, d * span()) - 1;
    }

    @Override
    public boolean isValueOnAxis(Number value) {
        double v = value.doubleValue();
        return v >= 0 && v <= getUpperBound();
    }

    @Override
    public double toNumericValue(Number value) {
        return value == null ? 0 : value.doubleValue();
    }

    @Override
    public Number toRealValue(double value) {
        return value;
    }

    @Override
    public double getZeroPosition() {
        return getDisplayPosition(0);
    }

    @Override
    protected Object autoRange(double minValue, double maxValue, double length, double labelSize) {
        return new double[] {0, top(maxValue)};
    }

    /**
     * Room above the largest point for its label: the next power of two past 1.3x, which the last tick marks and
     * labels (a top one less than the power, as before, left the axis unlabelled past the previous power: a point
     * at 45 sat beyond the last label, 32).
     */
    private static double top(double maxValue) {
        return Math.max(1, Math.pow(2, Math.ceil(Math.log(Math.max(2, (maxValue + 1) * 1.3)) / Math.log(2))));
    }

    /**
     * Takes new data: the range is worked out again only when its top would move. Points that move within the range
     * (results streaming into a chart) then leave the tick marks and their labels as they are; JavaFX would make them
     * all anew on every change.
     */
    @Override
    public void invalidateRange(List<Number> data) {
        if (isAutoRanging() && !data.isEmpty() && laidOut
                && top(data.stream().mapToDouble(Number::doubleValue).max().orElse(0)) == getUpperBound()) {
            return;
        }
        super.invalidateRange(data);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        laidOut = true;
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] r = (double[]) range;
        setLowerBound(0);
        setUpperBound(r[1]);
    }

    @Override
    protected Object getRange() {
        return new double[] {0, getUpperBound()};
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double upper = ((double[]) range)[1];
        List<Double> powers = new ArrayList<>();
        for (double t = 1; t <= upper + 1e-9; t *= 2) {
            powers.add(t);
        }
        // every k-th power so labels keep apart
        double stepPx = powers.isEmpty() ? length : length / Math.max(1, log(upper));
        int every = Math.max(1, (int) Math.ceil(MIN_LABEL_GAP_PX / Math.max(1, stepPx)));
        List<Number> ticks = new ArrayList<>();
        ticks.add(0.0);
        for (int i = 0; i < powers.size(); i++) {
            if ((powers.size() - 1 - i) % every == 0) {
                ticks.add(powers.get(i));
            }
        }
        return ticks;
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return label(value.doubleValue());
    }

    /** {@code 0}, {@code 8}, {@code 512}, {@code 1k}, {@code 32k}. */
    static String label(double tokens) {
        if (tokens >= 1024 && tokens % 1024 == 0) {
            return String.format(Locale.ROOT, "%.0fk", tokens / 1024);
        }
        return String.format(Locale.ROOT, "%.0f", tokens);
    }
}
