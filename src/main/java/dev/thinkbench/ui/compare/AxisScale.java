package dev.thinkbench.ui.compare;

/**
 * A value axis from zero whose top grows in steps of 1, 1.5, 2, 3, 4, 5, 6 and 8 times a power of ten, so that while
 * values grow live the axis and its tick labels change only now and then, not on every update (an auto-ranging axis
 * measures and rebuilds its tick labels each time its range moves), and the largest value still fills at least two
 * thirds of the axis (1-2-5 steps left a bar of 2,100 under a top of 5,000). Pure logic.
 *
 * @param upper    the top of the axis, at least the largest value
 * @param tickUnit the distance between tick marks (3 to 6 intervals, on round numbers)
 */
record AxisScale(double upper, double tickUnit) {

    /** The tops within a decade, and the tick unit of each (both times the decade's power of ten). */
    private static final double[][] STEPS = {{1, 0.2}, {1.5, 0.25}, {2, 0.5}, {3, 0.5}, {4, 1}, {5, 1}, {6, 1},
            {8, 2}, {10, 2}};

    /** The smallest scale that shows {@code max}, never smaller than {@code minimumUpper} (a positive number). */
    static AxisScale fitting(double max, double minimumUpper) {
        if (!(minimumUpper > 0)) {
            throw new IllegalArgumentException("minimumUpper must be positive, got " + minimumUpper);
        }
        double target = Double.isFinite(max) ? Math.max(max, minimumUpper) : minimumUpper;
        double magnitude = Math.pow(10, Math.floor(Math.log10(target)));
        for (double[] step : STEPS) {
            double upper = step[0] * magnitude;
            if (upper >= target * (1 - 1e-9)) {
                return new AxisScale(upper, step[1] * magnitude);
            }
        }
        throw new AssertionError("10 x magnitude always fits " + target);
    }
}
