package dev.thinkbench.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an edited prompt still asks the problem an expected answer was given for: the same numbers in the same
 * order (a changed number changes the answer) and at least half of the words in common (a typo fixed or a sentence
 * reworded keeps it; another problem typed over it does not).
 */
public final class SameProblem {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private SameProblem() {
    }

    /** True when {@code edited} still asks what {@code original} asked (see the class comment). */
    public static boolean asks(String original, String edited) {
        if (!numbers(original).equals(numbers(edited))) {
            return false;
        }
        Set<String> a = words(original);
        Set<String> b = words(edited);
        if (a.isEmpty() && b.isEmpty()) {
            return true;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return 2 * common.size() >= all.size();
    }

    private static List<String> numbers(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group().replace(",", ""));
        }
        return out;
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
