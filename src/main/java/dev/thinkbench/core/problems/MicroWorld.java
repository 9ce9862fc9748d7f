package dev.thinkbench.core.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a prompt lies in the built-in micro model's world: a small arithmetic word problem written with the words
 * of the problem generator ({@link ProblemGenerator}), with whole numbers up to {@value ProblemGenerator#MAX_VALUE}
 * and at most {@value ProblemGenerator#MAX_STEPS} steps. The micro model was trained on nothing else, so outside this
 * world its output is noise; the workbench says so instead of showing it. A check of the text only, made before any
 * run. Pure; any thread.
 */
public final class MicroWorld {

    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Set<String> VOCABULARY = Story.vocabulary();
    /** A word problem has words: "1 + 1 = ?" is arithmetic the model never saw written so. */
    private static final int MIN_WORDS = 4;

    private MicroWorld() {
    }

    /** Why a prompt is or is not in the micro model's world. */
    public enum Fit {
        /** A small arithmetic word problem in the generator's words. */
        FITS,
        /** Words the micro model never saw (another topic, another language). */
        UNKNOWN_WORDS,
        /** No number to start from. */
        NO_NUMBERS,
        /** A number above {@value ProblemGenerator#MAX_VALUE}. */
        NUMBERS_TOO_LARGE,
        /** More steps than the model was trained on. */
        TOO_MANY_STEPS
    }

    /** Whether {@code prompt} is in the micro model's world, and if not, why. */
    public static Fit check(String prompt) {
        String text = prompt == null ? "" : prompt.strip();
        List<String> numbers = new ArrayList<>();
        Matcher n = NUMBER.matcher(text);
        while (n.find()) {
            numbers.add(n.group());
        }
        if (numbers.isEmpty()) {
            return words(text).stream().allMatch(VOCABULARY::contains) && !text.isEmpty() ? Fit.NO_NUMBERS
                    : Fit.UNKNOWN_WORDS;
        }
        List<String> words = words(text);
        if (words.size() < MIN_WORDS || !words.stream().allMatch(VOCABULARY::contains)) {
            return Fit.UNKNOWN_WORDS;
        }
        if (numbers.stream().anyMatch(d -> d.length() > 2)) {
            return Fit.NUMBERS_TOO_LARGE;
        }
        long sentences = text.chars().filter(c -> c == '.').count();
        return sentences > ProblemGenerator.MAX_STEPS + 1 ? Fit.TOO_MANY_STEPS : Fit.FITS;
    }

    /** True when {@link #check} finds the prompt in the micro model's world. */
    public static boolean fits(String prompt) {
        return check(prompt) == Fit.FITS;
    }

    /** The words of {@code text}, lower case, without numbers or punctuation. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
