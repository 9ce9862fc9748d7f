package dev.thinkbench.core.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a prompt may lie in the built-in micro model's world: a small arithmetic word problem in English, in the
 * user's own words (the second model was trained on many phrasings, so no word list is asked for), with whole numbers
 * up to {@value #MAX_VALUE} and at most {@value #MAX_SENTENCES} sentences. A prompt without numbers is outside unless
 * it uses only the first generator's words (then the numbers are what it misses); bare arithmetic such as
 * {@code 19 - 18 + 14 = ?} is inside. The model itself answers "I can
 * only solve small arithmetic word problems." to what it cannot do; this check of the text only, made before any run,
 * catches what is plainly outside (another language, no numbers, bare arithmetic, numbers too large). Pure; any
 * thread.
 */
public final class MicroWorld {

    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
    private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z']+");
    /** A time (9:30), a decimal (0.1), a fraction (3/8) or a percentage: the micro model knows whole numbers only. */
    private static final Pattern NOT_WHOLE = Pattern.compile("\\d[:.,/]\\d|\\d\\s*%");
    /** Bare arithmetic as the second model's expression problems write it: {@code 19 - 18 + 14}. */
    private static final Pattern EXPRESSION = Pattern.compile(
            "\\d+(\\s*([-+*x/]|plus|minus|times|divided by|take away)\\s*\\d+)+"
            + "|^(add|subtract|multiply|divide) \\d+ (and|from|by) \\d+\\.?$", Pattern.CASE_INSENSITIVE);
    /** The largest number in the second model's problems (values and results up to 999). */
    public static final int MAX_VALUE = 999;
    /** Sentences the second model's problems reach: up to four operations, filler sentences and the question. */
    public static final int MAX_SENTENCES = 12;
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Set<String> VOCABULARY = Story.vocabulary();
    /** A word problem has words: "1 + 1 = ?" is arithmetic the model never saw written so. */
    private static final int MIN_WORDS = 4;

    private MicroWorld() {
    }

    /** Why a prompt is or is not in the micro model's world. */
    public enum Fit {
        /** A small arithmetic word problem in English. */
        FITS,
        /** Words the micro model never saw (another topic, another language). */
        UNKNOWN_WORDS,
        /** No number to start from. */
        NO_NUMBERS,
        /** A fraction, decimal, time or percentage. */
        NOT_WHOLE_NUMBERS,
        /** A number above {@value #MAX_VALUE}. */
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
        boolean expression = EXPRESSION.matcher(text).find();
        // a word problem asks a question; a task that asks none ("Prove that sqrt(2) is irrational.") is not one
        boolean asks = text.contains("?");
        if ((words.size() < MIN_WORDS && !expression) || (!asks && !expression)
                || !words.stream().allMatch(w -> ENGLISH_WORD.matcher(w).matches())) {
            return Fit.UNKNOWN_WORDS;
        }
        if (NOT_WHOLE.matcher(text).find()) {
            return Fit.NOT_WHOLE_NUMBERS;
        }
        if (numbers.stream().anyMatch(d -> d.length() > 3)) {
            return Fit.NUMBERS_TOO_LARGE;
        }
        long sentences = text.chars().filter(c -> c == '.' || c == '?' || c == '!').count();
        return sentences > MAX_SENTENCES ? Fit.TOO_MANY_STEPS : Fit.FITS;
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
