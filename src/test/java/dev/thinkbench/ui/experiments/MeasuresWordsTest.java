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
    void scalingIsStatedPer1000TokensOrPerTheLargestPowerOfTenTheCurveSpans() {
        assertThat(ScalingWords.perTokens(perKilo(4.3, 7680.0))).isEqualTo("+4.3 pts/1k tok");
        assertThat(ScalingWords.perTokens(perKilo(2275.2, 30.0))).as("a curve from 8 to 38 tokens")
                .isEqualTo("+22.8 pts/10 tok");
        assertThat(ScalingWords.perTokens(perKilo(-150.0, 250.0))).isEqualTo("-15.0 pts/100 tok");
        assertThat(ScalingWords.perTokens(perKilo(800.0, 0.5))).isEqualTo("+0.80 pts/1 tok");
        assertThat(ScalingWords.perTokens(perKilo(4.3, null))).isEqualTo("+4.3 pts/1k tok");
        assertThat(ScalingWords.perTokens(new ScalingMeasures("fixed", null, null, null, null, null, null)))
                .isEqualTo("\u2013");

        // the table states every strategy in the unit the narrowest curve needs; small slopes keep two digits
        assertThat(dev.thinkbench.lab.sweep.ScalingMeasures.tokenUnit(30.0)).isEqualTo(10);
        assertThat(ScalingWords.perTokens(perKilo(4.3, 7680.0), dev.thinkbench.lab.sweep.ScalingMeasures.tokenUnit(30.0)))
                .isEqualTo("+0.043 pts/10 tok");
        assertThat(ScalingWords.perTokens(perKilo(150.0, 250.0), 10)).isEqualTo("+1.5 pts/10 tok");
        assertThat(ScalingWords.perTokens(perKilo(-25.0, 250.0), 10)).isEqualTo("-0.25 pts/10 tok");

        Messages.setLocale(Locale.KOREAN);
        assertThat(ScalingWords.perTokens(perKilo(2275.2, 30.0))).isEqualTo("+22.8%p/10토큰");
        assertThat(ScalingWords.perTokens(perKilo(4.3, 7680.0))).isEqualTo("+4.3%p/1천토큰");
    }
}
