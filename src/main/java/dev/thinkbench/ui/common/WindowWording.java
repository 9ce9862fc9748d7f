package dev.thinkbench.ui.common;

import dev.thinkbench.core.BudgetSpecException;
import dev.thinkbench.core.Worded;
import dev.thinkbench.core.problemset.LoadIssue;
import dev.thinkbench.engine.ChatBudgetMeaning;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.local.models.DownloadWording;
import dev.thinkbench.forcing.ForcingReasoningEngine;
import dev.thinkbench.lab.strategy.StrategyNote;

import java.util.List;

/**
 * What the lower layers say, in the window's language: errors in the user's input, what a budget means on an engine
 * or why the engine cannot run it, and how a strategy picked its answer. Those layers word their messages in English
 * (the command line's language) and name the reason and the values; this words the same reason from the bundle
 * ({@code budget.error.*}, {@code problems.issue.*}, {@code budget.meaning.*}, {@code budget.chat.*},
 * {@code budget.unsupported.*}, {@code strategy.note.*}, {@code download.error.*}).
 */
public final class WindowWording {

    private WindowWording() {
    }

    /** A {@link BudgetSpecException} worded from its reason and values; any other error's own message. */
    public static String of(IllegalArgumentException e) {
        if (e instanceof BudgetSpecException b) {
            return worded("budget.error.", b.reason(), b.arguments());
        }
        return e.getMessage();
    }

    /** A skipped line of a problem or results file: its line number and what is wrong with it. */
    public static String of(LoadIssue issue) {
        String what = worded("problems.issue.", issue.reason(), issue.arguments());
        // the line as text: a number argument would be grouped ("line 1,801"), unlike the values in the wording
        return issue.line() > 0 ? Messages.get("problems.issue.line", String.valueOf(issue.line()), what) : what;
    }

    /**
     * A budget's meaning on an engine, why the engine cannot run it, how a strategy picked its answer, or why a model
     * download stopped.
     */
    public static String of(Worded worded) {
        String prefix = switch (worded.reason()) {
            case ForcingReasoningEngine.Meaning m -> "budget.meaning.";
            case ChatBudgetMeaning m -> "budget.chat.";
            case EngineCapabilities.Unsupported u -> "budget.unsupported.";
            case StrategyNote n -> "strategy.note.";
            case DownloadWording d -> "download.error.";
            default -> null;
        };
        return prefix == null ? worded.english() : worded(prefix, (Enum<?>) worded.reason(), worded.arguments());
    }

    private static String worded(String prefix, Enum<?> reason, List<String> arguments) {
        return Messages.get(prefix + reason.name(), arguments.toArray());
    }
}
