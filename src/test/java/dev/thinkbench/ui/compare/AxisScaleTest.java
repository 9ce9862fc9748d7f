package dev.thinkbench.ui.compare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Value axes that grow in steps of 1, 1.5, 2, 3, 4, 5, 6 and 8 times a power of ten while the values grow live. */
class AxisScaleTest {

    @Test
    void theTopIsTheNextStepAtOrAboveTheLargestValue() {
        assertThat(AxisScale.fitting(730, 10)).isEqualTo(new AxisScale(800, 200));
        assertThat(AxisScale.fitting(1000, 10)).isEqualTo(new AxisScale(1000, 200));
        assertThat(AxisScale.fitting(1001, 10)).isEqualTo(new AxisScale(1500, 250));
        assertThat(AxisScale.fitting(2079, 10)).isEqualTo(new AxisScale(3000, 500));
        assertThat(AxisScale.fitting(2600, 10)).isEqualTo(new AxisScale(3000, 500));
        assertThat(AxisScale.fitting(5500, 10)).isEqualTo(new AxisScale(6000, 1000));
        assertThat(AxisScale.fitting(0.37, 0.01).upper()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theLargestValueFillsAtLeastTwoThirdsOfTheAxisAndTicksStayFewAndRound() {
        for (double v = 10.5; v < 100_000; v *= 1.01) {
            AxisScale s = AxisScale.fitting(v, 10);
            assertThat(v / s.upper()).as("%f under %f", v, s.upper()).isGreaterThanOrEqualTo(2.0 / 3 - 1e-9);
            double intervals = s.upper() / s.tickUnit();
            assertThat(intervals).as("intervals under %f", s.upper()).isBetween(3.0 - 1e-9, 6.0 + 1e-9);
            assertThat(Math.abs(intervals - Math.rint(intervals))).isLessThan(1e-9);
        }
    }

    @Test
    void valuesGrowingByOneTokenAtATimeMoveTheAxisOnlyAtTheSteps() {
        int changes = 0;
        AxisScale last = null;
        for (int tokens = 0; tokens <= 60_000; tokens++) {
            AxisScale now = AxisScale.fitting(tokens, 10);
            assertThat(now.upper()).isGreaterThanOrEqualTo(tokens);
            if (!now.equals(last)) {
                changes++;
                last = now;
            }
        }
        assertThat(changes).isEqualTo(31); // 10, 8 steps a decade (15, 20, 30, 40, 50, 60, 80, 100) to 10,000, then 6 to 60,000
    }

    @Test
    void nothingToShowGivesTheMinimumAndABadMinimumIsRefused() {
        assertThat(AxisScale.fitting(0, 1)).isEqualTo(new AxisScale(1, 0.2));
        assertThat(AxisScale.fitting(Double.NaN, 1)).isEqualTo(new AxisScale(1, 0.2));
        assertThatThrownBy(() -> AxisScale.fitting(5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimumUpper");
    }
}
