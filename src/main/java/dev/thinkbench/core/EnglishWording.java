package dev.thinkbench.core;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A reason the core reports in English, as a {@link MessageFormat} pattern over numbered values: the command line's
 * and the logs' wording. A window in another language words the same reason from its own bundle, keyed by the
 * enum constant's name, over the same values.
 */
public interface EnglishWording {

    /** The wording's pattern in English. */
    String english();

    /** The English wording over {@code arguments}. */
    default String format(List<String> arguments) {
        return new MessageFormat(english(), Locale.ROOT).format(arguments.toArray());
    }

    /** Values as the wordings take them: text, numbers without grouping. */
    static List<String> texts(Object... values) {
        return Arrays.stream(values).map(String::valueOf).toList();
    }
}
