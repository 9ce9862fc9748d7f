package dev.thinkbench.ui.text;

import dev.thinkbench.core.TokenProbability;
import dev.thinkbench.ui.common.Messages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The words shown for a token the model hesitated over. */
class HesitationTextTest {

    @BeforeEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void alternativesUnderOnePercentAreNotNamedAndANumberKeepsItsSign() {
        TokenProbability seven = new TokenProbability("7", 0.79, List.of(new TokenProbability.Alternative("Wait", 0.2),
                new TokenProbability.Alternative("5", 0.004), new TokenProbability.Alternative("9", 0.003)));

        assertThat(HesitationText.describe(seven)).isEqualTo("Chose “7” at 79% · also likely: “Wait” 20%");
    }

    @Test
    void aTokenWhoseRivalsAreAllFarBehindSaysSoAndLineBreaksShow() {
        TokenProbability spread = new TokenProbability("\n", 0.5, List.of(new TokenProbability.Alternative("a", 0.002)));

        assertThat(HesitationText.describe(spread)).isEqualTo("Chose “↵” at 50%; no other token came close");
        assertThat(HesitationText.describe(null)).isNull();
    }

    @Test
    void aTokenChosenAtAlmostNoChanceIsUnderOnePercentAndANearCertainOneAboveNinetyNine() {
        TokenProbability guess = new TokenProbability("?", 0.003, List.of(new TokenProbability.Alternative("4", 0.9)));
        TokenProbability sure = new TokenProbability("4", 0.996, List.of());

        assertThat(HesitationText.describe(guess)).isEqualTo("Chose “?” at <1% · also likely: “4” 90%");
        assertThat(HesitationText.describe(sure)).isEqualTo("Chose “4” at >99%; no other token came close");
    }
}
