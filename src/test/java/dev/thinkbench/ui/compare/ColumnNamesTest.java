package dev.thinkbench.ui.compare;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.ForcingPlan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A forcing column is named by its cap and the Wait texts it appends, in their own words. */
class ColumnNamesTest {

    private static String name(int min, int max, int waits, List<String> texts) {
        return ColumnNames.of(new Budget.Forcing(new ForcingPlan(min, max, waits, texts, "Final Answer:")));
    }

    @Test
    void aColumnThatAppendsHmmIsNamedByHmm() {
        assertThat(name(20, 40, 5, List.of("Hmm"))).isEqualTo("max 40 +5 Hmm");
        assertThat(name(56, 256, 1, List.of("Wait"))).isEqualTo("max 256 +1 Wait");
    }

    @Test
    void severalTextsAreNamedAsFarAsTheWaitsReachOnOneShortLine() {
        assertThat(name(20, 40, 2, List.of(" Wait", "\nHmm", "Alternatively"))).isEqualTo("max 40 +2 Wait/Hmm");
        assertThat(name(20, 40, 1, List.of("Wait", "Hmm"))).isEqualTo("max 40 +1 Wait");
        assertThat(name(20, 40, 3, List.of("Let me double-check every step"))).isEqualTo("max 40 +3 Let me double-c\u2026");
        assertThat(name(0, 40, 3, List.of("Hmm"))).as("no minimum: no Waits").isEqualTo("max 40");
    }
}
