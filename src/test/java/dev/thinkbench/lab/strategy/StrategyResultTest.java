package dev.thinkbench.lab.strategy;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.Money;
import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.TokenCount;
import dev.thinkbench.core.Trace;
import dev.thinkbench.lab.Lane;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a run's compute comes to, in generated tokens, from the counts its calls have. */
class StrategyResultTest {

    private static final Lane LANE = new Lane("large", new Budget.Tokens(4096));

    private static Call call(TokenCount thinking, TokenCount answer, Integer output) {
        RunMetrics m = new RunMetrics(TokenCount.reported(20), thinking, answer, 10L, 20L, 10L, 30L, null,
                Money.unknown("test"), 0, null, null, output);
        return new Call(new Trace(List.of(), "Final Answer: 7", RunStatus.OK, null, null), m, "test", null);
    }

    @Test
    void theChosenCallsThinkingAndTheOtherCallsWholeOutputAreTheCompute() {
        Call chosen = call(TokenCount.counted(40), TokenCount.counted(5), null);
        Call other = call(TokenCount.counted(30), TokenCount.counted(6), null);

        assertThat(new StrategyResult(chosen, List.of(chosen, other), 3, LANE, List.of(), null).computeTokens())
                .isEqualTo(40 + 30 + 6 + 3);
    }

    @Test
    void aCallThatReportsOnlyItsWholeOutputCountsAllOfItRatherThanNothing() {
        // Anthropic without a thinking count: output_tokens 200, thinking and answer unknown
        Call onlyTotal = call(TokenCount.unknown(), TokenCount.unknown(), 200);

        assertThat(StrategyResult.single(onlyTotal, LANE).computeTokens()).isEqualTo(200);
        Call nothing = call(TokenCount.unknown(), TokenCount.unknown(), null);
        assertThat(StrategyResult.single(nothing, LANE).computeTokens()).as("nothing known").isNull();
    }
}
