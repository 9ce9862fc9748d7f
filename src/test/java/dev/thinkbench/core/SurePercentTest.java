package dev.thinkbench.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How sure, in whole percent: never 100 unless wholly sure, never 0 for a token given some chance. */
class SurePercentTest {

    @Test
    void nearlyCertainIsAboveNinetyNineAndNearlyNothingIsUnderOne() {
        assertThat(SurePercent.of(0.996)).isEqualTo(">99");
        assertThat(SurePercent.of(0.9999999)).isEqualTo(">99");
        assertThat(SurePercent.of(0.001)).isEqualTo("<1");
        assertThat(SurePercent.of(0.0000001)).isEqualTo("<1");
    }

    @Test
    void theEndsAreExactAndTheRestRounds() {
        assertThat(SurePercent.of(1.0)).isEqualTo("100");
        assertThat(SurePercent.of(0.0)).isEqualTo("0");
        assertThat(SurePercent.of(0.79)).isEqualTo("79");
        assertThat(SurePercent.of(0.994)).isEqualTo("99");
        assertThat(SurePercent.of(0.006)).isEqualTo("1");
    }
}
