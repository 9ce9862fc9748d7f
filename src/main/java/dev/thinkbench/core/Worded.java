package dev.thinkbench.core;

import java.util.List;
import java.util.Objects;

/**
 * A message the lower layers word in English (the command line's and the logs' language) and a window in another
 * language words itself: the reason, whose enum constant names the wording, and the values the wording shows.
 *
 * @param reason what the message says, with its English pattern
 * @param arguments the values, in order, as text (numbers without grouping)
 */
public record Worded(EnglishWording reason, List<String> arguments) {

    public Worded {
        Objects.requireNonNull(reason, "reason");
        arguments = List.copyOf(arguments);
    }

    /** {@code reason} over {@code values}, each as {@link EnglishWording#texts} makes it. */
    public static Worded of(EnglishWording reason, Object... values) {
        return new Worded(reason, EnglishWording.texts(values));
    }

    /**
     * Text that has only its English words (e.g. read from a file written before it was worded by reason); a window
     * shows it as it is.
     */
    public static Worded plain(String text) {
        return new Worded(Plain.TEXT, List.of(text));
    }

    /** The reason of {@link #plain} text. */
    public enum Plain implements EnglishWording {
        TEXT;

        @Override
        public String english() {
            return "{0}";
        }
    }

    /** The English wording. */
    public String english() {
        return reason.format(arguments);
    }
}
