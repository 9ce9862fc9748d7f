package dev.thinkbench.ui.compare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Value axes that grow in 1-2-5 steps while the values grow live. */
class AxisScaleTest {

    @Test
    void theTopIsTheNextOneTwoFiveStepAtOrAboveTheLargestValue() {
        assertThat(AxisScale.fitting(730, 10)).isEqualTo(new AxisScale(1000, 200));
        assertThat(AxisScale.fitting(1000, 10)).isEqualTo(new AxisScale(1000, 200));
        assertThat(AxisScale.fitting(1001, 10)).isEqualTo(new AxisScale(2000, 500));
        assertThat(AxisScale.fitting(2600, 10)).isEqualTo(new AxisScale(5000, 1000));
        assertThat(AxisScale.fitting(0.37, 0.01).upper()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
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
        assertThat(changes).isEqualTo(13); // 10, 20, 50, ..., 50,000, 100,000
    }

    @Test
    void nothingToShowGivesTheMinimumAndABadMinimumIsRefused() {
        assertThat(AxisScale.fitting(0, 1)).isEqualTo(new AxisScale(1, 0.2));
        assertThat(AxisScale.fitting(Double.NaN, 1)).isEqualTo(new AxisScale(1, 0.2));
        assertThatThrownBy(() -> AxisScale.fitting(5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimumUpper");
    }
}
