package dev.thinkbench.ui.compare;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.ForcingPlan;
import dev.thinkbench.ui.common.Messages;

/** A short column name that says what a budget is ("max 256", "4,096 tokens", "effort high"), in the UI's language. */
final class ColumnNames {

    private ColumnNames() {
    }

    static String of(Budget budget) {
        return switch (budget) {
            case Budget.None n -> Messages.get("column.name.none");
            case Budget.Tokens t -> Messages.get("column.name.tokens", t.maxThinkingTokens());
            case Budget.Effort e -> Messages.get("column.name.effort", e.level().wireName());
            case Budget.Forcing f -> forcing(f.plan());
        };
    }

    private static String forcing(ForcingPlan plan) {
        String range = plan.minThinkingTokens() > 0
                ? Messages.get("column.name.range", plan.minThinkingTokens(), plan.maxThinkingTokens())
                : Messages.get("column.name.max", plan.maxThinkingTokens());
        return plan.maxWaits() > 0 ? Messages.get("column.name.waits", range, plan.maxWaits()) : range;
    }
}
