package dev.thinkbench.ui.compare;

import dev.thinkbench.core.Price;
import dev.thinkbench.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What the cost chart says it estimates at, in the app's language (the Korean note was half English). */
class PriceWordsTest {

    private final Price mini = new Price("gpt-5.4-mini*", new BigDecimal("0.750"), new BigDecimal("4.50"), "USD",
            "a price list", "2026-06");

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void theEstimateNamesTheModelItsRatesAndTheirSourceInEitherLanguage() {
        Messages.setLocale(Locale.ENGLISH);
        assertThat(PriceWords.estimate(mini)).isEqualTo(
                "Estimate at gpt-5.4-mini rates (USD 0.75 in / 4.5 out per million tokens; a price list, 2026-06)");

        Messages.setLocale(Locale.KOREAN);
        assertThat(PriceWords.estimate(mini)).isEqualTo(
                "추정 · gpt-5.4-mini 요금 (100만 토큰당 입력 USD 0.75 / 출력 4.5; a price list, 2026-06)")
                .doesNotContain("Estimate", "rates");
    }
}
