package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.ScalingMeasures;
import dev.thinkbench.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** s1's Scaling reads per a number of tokens the curve spans, so a tiny model's curve does not read "+2,000 pts". */
class MeasuresWordsTest {

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static ScalingMeasures perKilo(double slope, Double span) {
        return new ScalingMeasures("fixed", null, slope, null, span, null, null);
    }

    @Test
    void scalingIsStatedPer1000TokensOrPerTheLargestPowerOfTenTheCurvesSpanNamedInTheRow() {
        assertThat(ScalingMeasures.tokenUnit(7680.0)).isEqualTo(1000);
        assertThat(ScalingMeasures.tokenUnit(30.0)).as("a curve from 8 to 38 tokens").isEqualTo(10);
        assertThat(ScalingWords.rowName(1000)).isEqualTo("Scaling per 1k tokens");
        assertThat(ScalingWords.rowName(10)).isEqualTo("Scaling per 10 tokens");
        assertThat(ScalingWords.rowName(1)).isEqualTo("Scaling per token");
        assertThat(ScalingWords.slopeIn(perKilo(4.3, 7680.0), 1000)).isEqualTo("+4.3 pts");
        assertThat(ScalingWords.slopeIn(perKilo(2275.2, 30.0), 10)).isEqualTo("+22.8 pts");
        assertThat(ScalingWords.slopeIn(perKilo(-150.0, 250.0), 100)).isEqualTo("-15.0 pts");
        assertThat(ScalingWords.slopeIn(perKilo(800.0, 0.5), 1)).isEqualTo("+0.80 pts");
        assertThat(ScalingWords.slopeIn(new ScalingMeasures("fixed", null, null, null, null, null, null), 10))
                .isEqualTo("\u2013");
        // every strategy in the unit the narrowest curve needs: small slopes keep two digits
        assertThat(ScalingWords.slopeIn(perKilo(4.3, 7680.0), 10)).isEqualTo("+0.043 pts");
        assertThat(ScalingWords.slopeIn(perKilo(-25.0, 250.0), 10)).isEqualTo("-0.25 pts");

        Messages.setLocale(Locale.KOREAN);
        assertThat(ScalingWords.rowName(10)).isEqualTo("토큰 10개당 스케일링");
        assertThat(ScalingWords.rowName(1000)).isEqualTo("토큰 1천개당 스케일링");
        assertThat(ScalingWords.slopeIn(perKilo(2275.2, 30.0), 10)).isEqualTo("+22.8%p");
    }

    @Test
    void aCurveAlreadyAt100PercentDoesNotReadStillRising() {
        assertThat(ScalingWords.saturation(new ScalingMeasures("fixed", 1.0, 1.0, 1.0, 40.0, 1.0, null)))
                .isEqualTo("at 100% (no room left to rise)");
        assertThat(ScalingWords.saturation(new ScalingMeasures("fixed", 1.0, 1.0, 1.0, 40.0, 0.5, null)))
                .isEqualTo("still rising");
        assertThat(ScalingWords.saturation(new ScalingMeasures("fixed", 1.0, 1.0, 1.0, 40.0, 1.0, "cap32")))
                .isEqualTo("cap32");
    }

    @Test
    void controlsHelpNamesTheStrategyAsItsColumnDoes() {
        // a Korean learner read "... fixed 전략에서 잽니다" on Control's tooltip, over a column named 고정 예산
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.KOREAN}) {
            Messages.setLocale(locale);
            assertThat(Messages.get("sweep.measures.control.help")).as("%s", locale)
                    .contains(" " + StrategyNames.shown("fixed") + " ");
        }
        assertThat(Messages.get("sweep.measures.control.help")).doesNotContainPattern("[a-z]{4,}");
    }
}
