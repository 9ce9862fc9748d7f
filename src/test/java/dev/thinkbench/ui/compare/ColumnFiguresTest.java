package dev.thinkbench.ui.compare;

import dev.thinkbench.core.Money;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.TokenCount;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnFiguresTest {

    @Test
    void latencySplitsIntoFirstTokenThinkingAndAnswer() {
        RunMetrics m = new RunMetrics(TokenCount.reported(10), TokenCount.reported(300), TokenCount.counted(20),
                400L, 2400L, 2000L, 3000L, 100.0, Money.free("USD", "local"), 0);

        ColumnFigures f = ColumnFigures.of("large", m);

        assertThat(f).isEqualTo(new ColumnFigures("large", 300, 20, BigDecimal.ZERO, 400L, 2000L, 600L));
    }

    @Test
    void anOutputReportedOnlyAsAWholeIsKeptAsTheUnsplitSum() {
        RunMetrics anthropic = new RunMetrics(TokenCount.reported(30), TokenCount.unknown(), TokenCount.unknown(),
                900L, 4900L, 4000L, 5700L, 150.0, new Money(new BigDecimal("0.012"), "USD", "list price"), 0, null,
                4800L, 812);
        RunMetrics counted = new RunMetrics(TokenCount.reported(30), TokenCount.reported(700), TokenCount.reported(112),
                900L, 4900L, 4000L, 5700L, 150.0, Money.free("USD", "local"), 0, null, 4800L, 812);

        assertThat(ColumnFigures.of("claude", anthropic).unsplitTokens()).isEqualTo(812);
        assertThat(ColumnFigures.of("local", counted).unsplitTokens()).as("known apart: drawn apart").isNull();
    }

    @Test
    void unknownNumbersStayUnknownRatherThanZero() {
        ColumnFigures f = ColumnFigures.of("small", RunMetrics.empty());

        assertThat(f.thinkingTokens()).isNull();
        assertThat(f.answerTokens()).isNull();
        assertThat(f.cost()).isNull();
        assertThat(f.firstTokenMs()).isNull();
        assertThat(f.answerMs()).isNull();
    }

    @Test
    void anAnswerWithoutThinkingHasZeroThinkingTime() {
        RunMetrics m = new RunMetrics(TokenCount.unknown(), TokenCount.counted(0), TokenCount.counted(5),
                null, 300L, null, 500L, null, Money.unknown("no price"), 0);

        ColumnFigures f = ColumnFigures.of("off", m);

        assertThat(f.firstTokenMs()).isEqualTo(300L);
        assertThat(f.thinkingMs()).isZero();
        assertThat(f.answerMs()).isEqualTo(200L);
    }

    @Test
    void chartCategoriesAreMadeUnique() {
        List<ColumnFigures> figures = List.of(new ColumnFigures("a", null, null, null, null, null, null),
                new ColumnFigures("a", null, null, null, null, null, null),
                new ColumnFigures(" ", null, null, null, null, null, null));

        assertThat(ChartsPane.uniqueLabels(figures)).containsExactly("a", "a (2)", "column");
    }
}
