package dev.thinkbench.lab.sweep;

/**
 * The Wilson score interval of a proportion, at 95%: sensible for small samples and for 0% or 100%, unlike the
 * normal approximation. Pure.
 */
public record Wilson(double low, double high) {

    private static final double Z = 1.959963984540054;

    /** The interval for {@code successes} of {@code n}; [0, 1] when {@code n} is 0. */
    public static Wilson of(int successes, int n) {
        if (n <= 0) {
            return new Wilson(0, 1);
        }
        double p = (double) successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Wilson(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
