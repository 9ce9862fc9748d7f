package dev.thinkbench.core;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the final answer from a model's output and grades it, the same way in tests, sweeps and the micro model's
 * harness. Where the answer is looked for, in order: after the last {@code Final Answer:}; inside the last
 * {@code \boxed{...}}; after the last {@code Answer:} (or {@code 답:}); else the last value of the output (as s1's
 * harness does). A box inside a marked region wins over the rest of the region.
 *
 * <p>The expected answer says what kind of value to look for: a number (integers, decimals, fractions such as
 * {@code 3/4} or {@code \frac{3}{4}}, thousands separators, a leading {@code $}; compared exactly by value), a
 * number with a unit after it ({@code 66 people}, {@code 12 km}, {@code 66명}: graded as the number, since a model
 * that answers {@code 66} has it right), a multiple-choice letter A to E (written {@code B}, {@code (B)},
 * {@code B.} or {@code B)}), yes or no ({@code yes}/{@code no}, {@code true}/{@code false}, {@code 예}/{@code 네}/
 * {@code 아니요}: the answer line's leading yes or no, else its last one, so {@code Yes, because 7 is prime} and
 * {@code so the answer is no} both count), or text (compared after trimming, collapsing spaces, dropping a final
 * period and ignoring case). After a marker the first value of that kind counts; without one, the last (for yes or
 * no, the first or last non-blank line). Stateless; any thread.
 */
public final class AnswerGrader {

    public static final String FINAL_ANSWER = "Final Answer:";

    private static final Pattern FINAL_MARKER = Pattern.compile("(?i)final\\s+answer\\s*:");
    private static final Pattern ANSWER_MARKER = Pattern.compile("(?i)(?<![\\w])answer\\s*:|답\\s*:");
    private static final String BOXED = "\\boxed{";
    private static final Pattern FRACTION = Pattern.compile("\\\\[dt]?frac\\{\\s*(-?[\\d.,]+)\\s*}\\{\\s*(-?[\\d.,]+)\\s*}");
    /** A choice letter standing alone; after a marker lower case counts too, in free text only capitals. */
    private static final Pattern CHOICE = Pattern.compile("(?<![A-Za-z])\\(?([A-E])\\)?(?![A-Za-z])");
    private static final Pattern CHOICE_MARKED = Pattern.compile("(?<![A-Za-z])\\(?([A-Ea-e])\\)?(?![A-Za-z])");
    private static final Pattern CHOICE_EXPECTED = Pattern.compile("\\(?([A-Ea-e])[).]?");
    /** A yes or no word standing alone (a letter neither before nor after it). */
    private static final Pattern YES_NO = Pattern.compile(
            "(?iu)(?<!\\p{L})(yes|no|true|false|예|네|아니요|아니오|아니)(?!\\p{L})");
    /** An expected number followed by a unit of at most three words (letters only, no further digits). */
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile(
            "(-?\\$?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:/\\d+)?%?)\\s*(\\p{L}+(?:[ -]\\p{L}+){0,2})\\.?");

    private AnswerGrader() {
    }

    /** The kind of value an expected answer asks for. */
    private enum Kind { NUMBER, CHOICE, YES_NO, TEXT }

    /** Where to look and how: the region of the output and whether the first or the last value in it counts. */
    private record Region(String text, Grade.FoundBy foundBy, boolean first) {
    }

    /**
     * Grades {@code output} against {@code expected}. A blank or null {@code expected} gives
     * {@link Grade.Verdict#UNGRADABLE} (the answer is still extracted, as a number or else as text); an output
     * without an answer of the expected kind gives {@link Grade.Verdict#WRONG} flagged
     * {@link Grade.Flag#NO_ANSWER_FOUND}.
     */
    public static Grade grade(String output, String expected) {
        String want = expected == null || expected.isBlank() ? null : expected.strip();
        Region region = region(output == null ? "" : output);
        if (want == null) {
            String found = find(region, Kind.NUMBER);
            if (found == null) {
                found = find(region, Kind.TEXT);
            }
            return new Grade(Grade.Verdict.UNGRADABLE, found, null, found == null ? Grade.FoundBy.NONE
                    : region.foundBy(), Grade.Flag.NO_EXPECTED_ANSWER);
        }
        Kind kind = kindOf(want);
        String value = want;
        if (kind == Kind.TEXT) {
            Matcher unit = NUMBER_WITH_UNIT.matcher(want);
            if (unit.matches()) {
                value = unit.group(1);
                kind = Kind.NUMBER;
            }
        }
        String found = find(region, kind);
        if (found == null) {
            return new Grade(Grade.Verdict.WRONG, null, want, Grade.FoundBy.NONE, Grade.Flag.NO_ANSWER_FOUND);
        }
        boolean same = switch (kind) {
            case NUMBER -> ExactNumber.parse(found).equals(ExactNumber.parse(normaliseNumber(value)));
            case CHOICE -> found.equals(choiceOf(value));
            case YES_NO -> yes(found) == yes(value);
            case TEXT -> found.equalsIgnoreCase(normaliseText(value));
        };
        return new Grade(same ? Grade.Verdict.CORRECT : Grade.Verdict.WRONG, found, want, region.foundBy(),
                Grade.Flag.NONE);
    }

    /** The integer answer found in {@code text}, or empty when it holds no integer where one is looked for. */
    public static Optional<BigInteger> extract(String text) {
        String found = find(region(text == null ? "" : text), Kind.NUMBER);
        return Optional.ofNullable(found).flatMap(ExactNumber::parse).filter(ExactNumber::integral)
                .map(ExactNumber::numerator);
    }

    /** Whether the answer in {@code text} equals {@code expected} exactly; no answer is wrong. */
    public static boolean isCorrect(String text, long expected) {
        return grade(text, Long.toString(expected)).verdict() == Grade.Verdict.CORRECT;
    }

    /**
     * A key under which equal answers meet, for votes: a number as its reduced fraction ({@code 0.5} and {@code 1/2}
     * meet), anything else trimmed and in lower case. Null stays null.
     */
    public static String canonical(String extracted) {
        if (extracted == null) {
            return null;
        }
        return ExactNumber.parse(normaliseNumber(extracted))
                .map(n -> n.integral() ? n.numerator().toString() : n.numerator() + "/" + n.denominator())
                .orElse(normaliseText(extracted).toLowerCase(Locale.ROOT));
    }

    private static Kind kindOf(String expected) {
        if (ExactNumber.parse(normaliseNumber(expected)).isPresent()) {
            return Kind.NUMBER;
        }
        if (CHOICE_EXPECTED.matcher(expected).matches()) {
            return Kind.CHOICE;
        }
        return YES_NO.matcher(normaliseText(expected)).matches() ? Kind.YES_NO : Kind.TEXT;
    }

    /** Whether a word {@link #YES_NO} matches says yes. */
    private static boolean yes(String word) {
        String w = normaliseText(word).toLowerCase(Locale.ROOT);
        return w.equals("yes") || w.equals("true") || w.equals("예") || w.equals("네");
    }

    private static String choiceOf(String expected) {
        Matcher m = CHOICE_EXPECTED.matcher(expected);
        return m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : expected;
    }

    private static Region region(String text) {
        int fin = lastMatchEnd(FINAL_MARKER, text);
        if (fin >= 0) {
            return boxedWithin(text.substring(fin), Grade.FoundBy.FINAL_ANSWER);
        }
        String boxed = lastBoxed(text);
        if (boxed != null) {
            return new Region(boxed, Grade.FoundBy.BOXED, true);
        }
        int answer = lastMatchEnd(ANSWER_MARKER, text);
        if (answer >= 0) {
            return boxedWithin(text.substring(answer), Grade.FoundBy.ANSWER);
        }
        return new Region(text, Grade.FoundBy.LAST_VALUE, false);
    }

    private static Region boxedWithin(String region, Grade.FoundBy foundBy) {
        String boxed = lastBoxed(region);
        return new Region(boxed != null ? boxed : region, foundBy, true);
    }

    private static int lastMatchEnd(Pattern marker, String text) {
        Matcher m = marker.matcher(text);
        int end = -1;
        while (m.find()) {
            end = m.end();
        }
        return end;
    }

    /** The content of the last {@code \boxed{...}} with balanced braces, or null. */
    private static String lastBoxed(String text) {
        int at = text.lastIndexOf(BOXED);
        while (at >= 0) {
            int depth = 1;
            int i = at + BOXED.length();
            for (; i < text.length() && depth > 0; i++) {
                char c = text.charAt(i);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            if (depth == 0) {
                return text.substring(at + BOXED.length(), i - 1);
            }
            at = at == 0 ? -1 : text.lastIndexOf(BOXED, at - 1);
        }
        return null;
    }

    private static String find(Region region, Kind kind) {
        return switch (kind) {
            case NUMBER -> pick(ExactNumber.IN_TEXT.matcher(normaliseNumber(region.text())), region.first(), 0);
            case CHOICE -> {
                String letter = pick((region.first() ? CHOICE_MARKED : CHOICE).matcher(region.text()),
                        region.first(), 1);
                yield letter == null ? null : letter.toUpperCase(Locale.ROOT);
            }
            case YES_NO -> yesOrNo(text(region));
            case TEXT -> text(region);
        };
    }

    /** The answer line's leading yes or no word, else its last one, or null when it has none. */
    private static String yesOrNo(String line) {
        if (line == null) {
            return null;
        }
        Matcher m = YES_NO.matcher(line);
        String found = null;
        while (m.find()) {
            if (m.start() == 0) {
                return m.group(1);
            }
            found = m.group(1);
        }
        return found;
    }

    private static String pick(Matcher m, boolean first, int group) {
        String found = null;
        while (m.find()) {
            found = m.group(group);
            if (first) {
                break;
            }
        }
        return found == null ? null : found.replace(",", "").replace("$", "");
    }

    private static String text(Region region) {
        String line = null;
        for (String l : region.text().split("\\R")) {
            if (!l.isBlank()) {
                line = l;
                if (region.first()) {
                    break;
                }
            }
        }
        if (line == null) {
            return null;
        }
        String t = normaliseText(line);
        return t.isEmpty() ? null : t;
    }

    /** LaTeX fractions as {@code a/b}, thin spaces and math dollars dropped, so numbers read as plain text. */
    private static String normaliseNumber(String text) {
        String s = FRACTION.matcher(text).replaceAll("$1/$2");
        return s.replace("\\,", "").replace("\\!", "").replace("{,}", ",").replace("\\$", "$");
    }

    private static String normaliseText(String text) {
        String s = text.replace("\\text{", "").replace("**", "").replaceAll("[{}$\"“”]", "").strip()
                .replaceAll("\\s+", " ");
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }
}
