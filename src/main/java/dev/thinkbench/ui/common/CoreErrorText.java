package dev.thinkbench.ui.common;

import dev.thinkbench.core.BudgetSpecException;
import dev.thinkbench.core.problemset.LoadIssue;

import java.util.List;

/**
 * What the core layer found wrong with the user's input, in the window's language. The core words its errors in
 * English (the command line's language) and names the reason and the values; this words the same reason from the
 * bundle ({@code budget.error.*}, {@code problems.issue.*}).
 */
public final class CoreErrorText {

    private CoreErrorText() {
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

    private static String worded(String prefix, Enum<?> reason, List<String> arguments) {
        return Messages.get(prefix + reason.name(), arguments.toArray());
    }
}
