package dev.thinkbench.core;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts a final integer answer from a model's output and grades it, the same way in tests, sweeps and the
 * micro model's harness. The answer is the first integer after the last {@code Final Answer:}; without that marker,
 * the integer in the last {@code \boxed{...}}; without either, the last integer in the text. Integers may carry a
 * sign and thousands separators ({@code 1,234}); comparison is exact. Stateless; any thread.
 */
public final class AnswerGrader {

    public static final String FINAL_ANSWER = "Final Answer:";
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,3}(?:,\\d{3})+(?!\\d)|-?\\d+");
    private static final Pattern BOXED = Pattern.compile("\\\\boxed\\{([^{}]*)}");

    private AnswerGrader() {
    }

    /** The answer found in {@code text}, or empty when it holds no integer where one is looked for. */
    public static Optional<BigInteger> extract(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        int marker = text.lastIndexOf(FINAL_ANSWER);
        if (marker >= 0) {
            return first(text.substring(marker + FINAL_ANSWER.length()));
        }
        Matcher boxed = BOXED.matcher(text);
        String lastBoxed = null;
        while (boxed.find()) {
            lastBoxed = boxed.group(1);
        }
        if (lastBoxed != null) {
            return first(lastBoxed);
        }
        Matcher m = INTEGER.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        return last == null ? Optional.empty() : Optional.of(parse(last));
    }

    /** Whether the answer in {@code text} equals {@code expected} exactly; no answer is wrong. */
    public static boolean isCorrect(String text, long expected) {
        return extract(text).map(BigInteger.valueOf(expected)::equals).orElse(false);
    }

    private static Optional<BigInteger> first(String text) {
        Matcher m = INTEGER.matcher(text);
        return m.find() ? Optional.of(parse(m.group())) : Optional.empty();
    }

    private static BigInteger parse(String digits) {
        return new BigInteger(digits.replace(",", ""));
    }
}
