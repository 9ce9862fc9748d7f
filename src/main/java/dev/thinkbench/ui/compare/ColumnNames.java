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
                ? Messages.get("column.name.waits", max, plan.maxWaits(), waitWords(plan)) : max;
    }

    /** The most characters of the Wait texts a name shows before an ellipsis. */
    static final int WAIT_CHARS = 16;

    /**
     * The Wait texts the plan appends, by their words ("Hmm", "Wait/Hmm"): a column with {@code wait=Hmm} was named
     * "+5 Wait". Only those its Waits reach, each once, on one line, cut when long.
     */
    private static String waitWords(ForcingPlan plan) {
        String words = String.join("/", plan.waitTexts().stream().limit(plan.maxWaits())
                .map(t -> t.strip().replaceAll("\\s+", " ")).filter(t -> !t.isEmpty()).distinct().toList());
        if (words.isEmpty()) {
            words = ForcingPlan.DEFAULT_WAIT;
        }
        return words.length() <= WAIT_CHARS ? words : words.substring(0, WAIT_CHARS - 1) + "\u2026";
    }
}
