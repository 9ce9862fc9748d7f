package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.ScalingMeasures;
import dev.thinkbench.ui.common.Formats;
import dev.thinkbench.ui.common.Messages;

import java.util.Locale;

/**
 * How s1's Scaling per tokens reads in the measures table: in accuracy points per 1,000 thinking tokens, or per a
 * smaller power of ten that a curve spans. Kept apart from the table (a control) so that it is plain text work.
 * Stateless; any thread.
 */
final class ScalingWords {

    private ScalingWords() {
    }

    /**
     * s1's Scaling per 1,000 thinking tokens, or per 100, 10 or 1 when the curve spans fewer tokens than that (a tiny
     * model's curve over tens of tokens would read "+2,000 points per 1,000 tokens"), the unit named in the cell.
     */
    static String perTokens(ScalingMeasures m) {
        return perTokens(m, ScalingMeasures.tokenUnit(m.tokenSpan()));
    }


    /** {@link #perTokens(ScalingMeasures)} in the given unit (1,000, 100, 10 or 1 tokens). */
    static String perTokens(ScalingMeasures m, int unit) {
        Double perKilo = m.scalingPerKiloToken();
        if (perKilo == null) {
            return Formats.DASH;
        }
        return Messages.get("sweep.measures.pointsPer", slope(perKilo * unit / 1000),
                unit == 1000 ? Messages.get("sweep.measures.unitKilo") : Integer.toString(unit));
    }

    /** A slope with two significant digits at least (one strategy's unit may be small for another's curve). */
    private static String slope(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1 || a == 0 ? "%+.1f" : a >= 0.1 ? "%+.2f" : "%+.3f", v);
    }
}
