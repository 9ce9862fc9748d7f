package dev.thinkbench.ui.compare;

/**
 * A value axis from zero whose top grows in 1-2-5 steps (1, 2, 5, 10, 20, ...), so that while values grow live the
 * axis and its tick labels change only now and then, not on every update (an auto-ranging axis measures and rebuilds
 * its tick labels each time its range moves). Pure logic.
 *
 * @param upper    the top of the axis, at least the largest value
 * @param tickUnit the distance between tick marks (4 or 5 intervals)
 */
record AxisScale(double upper, double tickUnit) {

    private static final double[] STEPS = {1, 2, 5, 10};

    /** The smallest scale that shows {@code max}, never smaller than {@code minimumUpper} (a positive number). */
    static AxisScale fitting(double max, double minimumUpper) {
        if (!(minimumUpper > 0)) {
            throw new IllegalArgumentException("minimumUpper must be positive, got " + minimumUpper);
        }
        double target = Double.isFinite(max) ? Math.max(max, minimumUpper) : minimumUpper;
        double magnitude = Math.pow(10, Math.floor(Math.log10(target)));
        for (double step : STEPS) {
            double upper = step * magnitude;
            if (upper >= target * (1 - 1e-9)) {
                return new AxisScale(upper, upper / (step == 2 ? 4 : 5));
            }
        }
        throw new AssertionError("10 x magnitude always fits " + target);
    }
}
