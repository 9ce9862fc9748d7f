package dev.thinkbench.ui.common;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.ForcingPlan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A budget in words for people, part by part: what {@code none}, {@code tokens:N}, {@code effort:LEVEL} mean, and for
 * a forcing spec each of its parts ("think at least 56 tokens; if it tries to stop earlier, append 'Wait' once; at 64
 * tokens, close the thinking and append 'Final Answer:'"). Strings from {@link Messages}. Pure; any thread.
 */
public final class BudgetWords {

    private BudgetWords() {
    }

    /** The budget in words; the grammar of a spec when {@code budget} is null (the text does not parse). */
    public static String describe(Budget budget) {
        if (budget == null) {
            return Messages.get("budget.words.grammar");
        }
        return switch (budget) {
            case Budget.None n -> Messages.get("budget.words.none");
            case Budget.Tokens t -> Messages.get("budget.words.tokens", t.maxThinkingTokens());
            case Budget.Effort e -> Messages.get("budget.words.effort", e.level().wireName());
            case Budget.Forcing f -> forcing(f.plan());
        };
    }

    /** Each part of a forcing plan in words, one sentence per part. */
    public static List<String> forcingParts(ForcingPlan p) {
        String minimum;
        if (p.minThinkingTokens() == 0) {
            minimum = Messages.get("budget.words.noMinimum");
        } else if (p.maxWaits() == 0) {
            minimum = Messages.get("budget.words.minimumNoWaits", p.minThinkingTokens());
        } else {
            minimum = Messages.get("budget.words.minimum", p.minThinkingTokens(), waitTexts(p), times(p.maxWaits()));
        }
        String maximum = Messages.get("budget.words.maximum", p.maxThinkingTokens(), p.answerPrefix());
        return List.of(minimum, maximum);
    }

    private static String forcing(ForcingPlan p) {
        return String.join(" ", forcingParts(p));
    }

    private static String waitTexts(ForcingPlan p) {
        return p.waitTexts().stream().map(t -> "\u2018" + t + "\u2019")
                .collect(Collectors.joining(Messages.get("budget.words.then")));
    }

    private static String times(int n) {
        return switch (n) {
            case 1 -> Messages.get("budget.words.once");
            case 2 -> Messages.get("budget.words.twice");
            default -> Messages.get("budget.words.times", n);
        };
    }
}
