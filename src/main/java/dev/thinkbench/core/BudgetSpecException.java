package dev.thinkbench.core;

import java.util.List;

/**
 * A budget spec that cannot be read: what is wrong with it ({@link #reason()}) and the values its message names
 * ({@link #arguments()}, as written). The message is English, for the command line and logs; a window in another
 * language words the reason itself from the same arguments.
 */
public final class BudgetSpecException extends IllegalArgumentException {

    /** What is wrong, with the English wording. */
    public enum Reason implements EnglishWording {
        EMPTY("budget is empty (use none, tokens:N, effort:LEVEL or force:...)"),
        UNKNOWN_KIND("unknown budget ''{0}'' (use none, tokens:N, effort:LEVEL or "
                + "force:min=N,max=N,waits=N,wait=TEXT)"),
        UNKNOWN_EFFORT("unknown effort level ''{0}'' (use none, minimal, low, medium, high, xhigh or max)"),
        NOT_A_NUMBER("{0} must be a whole number, was ''{1}''"),
        OUT_OF_RANGE("{0} must be between {1} and {2}, was {3}"),
        MIN_ABOVE_MAX("min ({0}) is above max ({1})"),
        FIELD_WITHOUT_VALUE("forcing field ''{0}'' needs a value (name=value)"),
        FIELD_TWICE("forcing field ''{0}'' is given twice"),
        UNKNOWN_FIELD("unknown forcing field ''{0}'' (use min, max, waits, wait, prefix)"),
        NO_MAX("forcing budget needs max=N (the thinking-token cap)");

        private final String english;

        Reason(String english) {
            this.english = english;
        }

        @Override
        public String english() {
            return english;
        }
    }

    private final Reason reason;
    private final List<String> arguments;

    BudgetSpecException(Reason reason, Object... arguments) {
        this(reason, EnglishWording.texts(arguments));
    }

    private BudgetSpecException(Reason reason, List<String> arguments) {
        super(reason.format(arguments));
        this.reason = reason;
        this.arguments = arguments;
    }

    public Reason reason() {
        return reason;
    }

    /** The values the message names, in order, as text (numbers without grouping). */
    public List<String> arguments() {
        return arguments;
    }
}
