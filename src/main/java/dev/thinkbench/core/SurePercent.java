package dev.thinkbench.core;

/**
 * A probability in whole percent as people read "how sure": never "100" for a model that was not wholly sure
 * (99.6% read as certainty) nor "0" for one that gave the token some chance: {@code ">99"} and {@code "<1"} there.
 * Callers add the percent sign in their own words. Pure.
 */
public final class SurePercent {

    private SurePercent() {
    }

    /** {@code p} (0 to 1) as "<1", "1" ... "99", ">99"; exactly 0 is "0" and exactly 1 (or above) "100". */
    public static String of(double p) {
        if (p >= 1) {
            return "100";
        }
        if (p <= 0 || Double.isNaN(p)) {
            return "0";
        }
        if (p < 0.005) {
            return "<1";
        }
        if (p >= 0.995) {
            return ">99";
        }
        return Long.toString(Math.round(100 * p));
    }
}
