package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.ScalingMeasures;
import dev.thinkbench.ui.common.Formats;
import dev.thinkbench.ui.common.Messages;

import java.util.Locale;

/**
 * How s1's Scaling per tokens reads in the measures table: in accuracy points per 1,000 thinking tokens, or per a
 * smaller power of ten that the curves span ({@link ScalingMeasures#tokenUnit}), the unit named in the row; and where
 * a curve saturates. Kept apart from the table (a control) so that it is plain text work, tested without JavaFX.
 * Stateless; any thread.
 */
final class ScalingWords {

    private ScalingWords() {
    }

    /**
     * The slope alone ({@code +19.0 pts}) in {@code unit} tokens, for a table whose row names the unit once: in each
     * cell of a narrow column "+19.0 pts/10 tok" was cut to "+19.0 pts/1...", which reads as another unit.
     */
    static String slopeIn(ScalingMeasures m, int unit) {
        Double perKilo = m.scalingPerKiloToken();
        return perKilo == null ? Formats.DASH : Messages.get("sweep.measures.points", slope(perKilo * unit / 1000));
    }

    /** "Scaling per 10 tokens": the row's name with its unit. */
    static String rowName(int unit) {
        if (unit == 1) {
            return Messages.get("sweep.measures.perToken");
        }
        return Messages.get("sweep.measures.perTokensIn", unit == 1000 ? Messages.get("sweep.measures.unitKilo")
                : Integer.toString(unit));
    }

    /**
     * Where the curve saturates; with no saturation point, "still rising", or that it is at 100% already (a curve at
     * the ceiling read "still rising").
     */
    static String saturation(ScalingMeasures m) {
        if (m.saturationLabel() != null) {
            return m.saturationLabel();
        }
        return Messages.get(m.performance() != null && m.performance() >= 1.0 ? "sweep.measures.ceiling"
                : "sweep.measures.rising");
    }

    /** A slope with two significant digits at least (one strategy's unit may be small for another's curve). */
    private static String slope(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1 || a == 0 ? "%+.1f" : a >= 0.1 ? "%+.2f" : "%+.3f", v);
    }
}
