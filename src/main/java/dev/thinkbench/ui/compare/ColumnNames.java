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

    /**
     * "max 256 +1 Wait": the minimum is where a Wait is appended, not a promise (the Waits may run out before it:
     * "56–256" was read as a range the runs would keep, and most did not), so the name gives the cap and the Waits.
     */
    private static String forcing(ForcingPlan plan) {
        String max = Messages.get("column.name.max", plan.maxThinkingTokens());
        return plan.maxWaits() > 0 && plan.minThinkingTokens() > 0
                ? Messages.get("column.name.waits", max, plan.maxWaits()) : max;
    }
}
