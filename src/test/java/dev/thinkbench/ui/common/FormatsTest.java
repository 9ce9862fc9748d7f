package dev.thinkbench.ui.common;

import dev.thinkbench.core.Money;
import dev.thinkbench.core.Price;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** How the UI says a cost: in the language shown, "free" included (the metrics of a local run). */
class FormatsTest {

    private final Locale before = Messages.locale();

    @AfterEach
    void restore() {
        Messages.setLocale(before);
    }

    @Test
    void aCostIsSaidInTheLanguageShown() {
        Money free = Money.free("USD", "local: free");
        Money priced = new Money(new BigDecimal("0.01234"), "USD", "gpt-5.4-mini rates");

        Messages.setLocale(Locale.ENGLISH);
        assertThat(Formats.money(free)).isEqualTo("free");
        Messages.setLocale(Locale.KOREAN);
        assertThat(Formats.money(free)).isEqualTo("무료");
        assertThat(Formats.money(priced)).isEqualTo("$0.0123");
        assertThat(Formats.money(new Money(new BigDecimal("0.0000342"), "USD", "estimate")))
                .as("below a hundredth of a cent: one significant digit, never $0.0000").isEqualTo("$0.00003");
        assertThat(Formats.money(new Money(new BigDecimal("0.000172"), "USD", "estimate"))).isEqualTo("$0.00017");
        assertThat(Formats.money(new Money(new BigDecimal("0.0049999"), "USD", "estimate"))).isEqualTo("$0.005");
        assertThat(Formats.money(new Money(new BigDecimal("12.345"), "USD", "api"))).isEqualTo("$12.35");
        assertThat(Formats.money(Money.unknown("no price"))).isEqualTo(Formats.DASH);
        assertThat(Formats.money(null)).isEqualTo(Formats.DASH);
    }

    @Test
    void nothingBilledAtAPriceIsZeroDollarsNeverFree() {
        Money hosted = new Price("claude-opus-4-7", new BigDecimal("5"), new BigDecimal("25"), "USD", "list", "")
                .cost(0, 0);

        Messages.setLocale(Locale.ENGLISH);
        assertThat(Formats.money(hosted)).as("a hosted model billed nothing: not \"free on this machine\"")
                .isEqualTo("$0");
        assertThat(Formats.money(Price.free("local server").cost(null, null)))
                .as("a local engine is free whatever the counts, even before its first token").isEqualTo("free");
        assertThat(Formats.money(Money.unpriced())).isEqualTo(Formats.DASH);
    }

    @Test
    void aTimeThatEndedUnderASecondIsInMilliseconds() {
        assertThat(Formats.took(19L)).isEqualTo("19 ms");
        assertThat(Formats.took(999L)).isEqualTo("999 ms");
        assertThat(Formats.took(1_049L)).isEqualTo("1.0 s");
        assertThat(Formats.took(null)).isEqualTo(Formats.DASH);
        assertThat(Formats.seconds(19L)).as("a ticking status keeps its one decimal").isEqualTo("0.0 s");
    }

    @Test
    void minutesAreSaidInTheLanguageShown() {
        Messages.setLocale(Locale.ENGLISH);
        assertThat(Formats.millis(125_000L)).isEqualTo("2 min 05 s");
        assertThat(Formats.seconds(301_000L)).isEqualTo("5 min 01 s");
        Messages.setLocale(Locale.KOREAN);
        assertThat(Formats.millis(125_000L)).isEqualTo("2분 05초");
    }

    @Test
    void aMomentReadsTheSameInEveryListWhateverTheLanguage() {
        java.time.LocalDateTime local = java.time.LocalDateTime.of(2026, 12, 5, 9, 34, 20);
        java.time.Instant at = local.atZone(java.time.ZoneId.systemDefault()).toInstant();
        Messages.setLocale(Locale.ENGLISH);
        assertThat(Formats.when(at)).isEqualTo("2026-12-05 09:34");
        Messages.setLocale(Locale.KOREAN);
        assertThat(Formats.when(at)).isEqualTo("2026-12-05 09:34");
    }
}
