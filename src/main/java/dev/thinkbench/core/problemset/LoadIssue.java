package dev.thinkbench.core.problemset;

import dev.thinkbench.core.EnglishWording;

import java.util.List;

/**
 * A line of a problem file (or a results file) that was skipped (or loaded without a field it got wrong:
 * {@link Reason#skips()}), and why: the {@link Reason} and the values its
 * wording names, as text. {@link #message()} is the English wording, for the command line and logs; a window in
 * another language words the reason itself from the same arguments.
 *
 * @param line 1-based line number where the entry starts (0 for the file as a whole)
 * @param reason what is wrong with it
 * @param arguments the values the reason's wording names, in order, as text
 */
public record LoadIssue(int line, Reason reason, List<String> arguments) {

    /** Why an entry was skipped, with the English wording. */
    public enum Reason implements EnglishWording {
        NOT_JSON("not valid JSON ({0})"),
        /** JSON that ends before its object closes. */
        JSON_CUT_SHORT("not valid JSON: the line ends before its object closes"),
        /** JSON with a character or word where none belongs. */
        JSON_UNEXPECTED("not valid JSON: unexpected ''{0}''"),
        /** JSON with more than white space after its object closes (a second object, a stray word). */
        TEXT_AFTER_OBJECT("not valid JSON: text after the object closes"),
        NOT_AN_OBJECT("not a JSON object"),
        TEXT_AFTER_QUOTE("text after a closing quote"),
        QUOTE_NEVER_CLOSED("a quoted field is never closed"),
        HEADER_WITHOUT_ID_AND_PROMPT("the header row must name the columns id and prompt (found {0})"),
        MORE_FIELDS_THAN_HEADER("the row has {0} fields but the header {1}"),
        NO_ID("no id"),
        NO_PROMPT("problem ''{0}'' has no prompt"),
        ANSWER_NOT_TEXT("problem ''{0}'': the answer must be text or a number"),
        TAGS_NOT_TEXT("problem ''{0}'': the tags must be a list of text"),
        /** The problem loads without a difficulty. */
        DIFFICULTY_NOT_A_NUMBER("problem ''{0}'': difficulty must be a whole number, was ''{1}''; loaded without one"),
        /** The problem loads without a difficulty. */
        DIFFICULTY_BELOW_ONE("problem ''{0}'': difficulty must be 1 or more, was {1}; loaded without one"),
        ID_USED_BEFORE("id ''{0}'' was already used on line {1}"),
        CUT_OFF("the last line was cut off mid-write ({0}); that run will be done again"),
        /** Anything else: the argument is the whole (English) message. */
        OTHER("{0}");

        private final String english;

        Reason(String english) {
            this.english = english;
        }

        @Override
        public String english() {
            return english;
        }

        /** Whether the entry was skipped; false where it loads all the same, without what was wrong in it. */
        public boolean skips() {
            return this != DIFFICULTY_NOT_A_NUMBER && this != DIFFICULTY_BELOW_ONE;
        }
    }

    public LoadIssue {
        arguments = List.copyOf(arguments);
    }

    /** An issue of {@code reason}; the arguments are kept as text (numbers without grouping). */
    public static LoadIssue of(int line, Reason reason, Object... arguments) {
        return new LoadIssue(line, reason, EnglishWording.texts(arguments));
    }

    /**
     * The line numbers of {@code issues}, comma separated: the first {@code most}, then {@code more} where there are
     * others ({@code "9, 12, 14"}, {@code "6, 7, 8, ..."}).
     */
    public static String lineNumbers(List<LoadIssue> issues, int most, String more) {
        List<String> numbers = issues.stream().limit(most).map(i -> Integer.toString(i.line())).toList();
        return String.join(", ", numbers) + (issues.size() > most ? ", " + more : "");
    }

    /** What is wrong, in English. */
    public String message() {
        return reason.format(arguments);
    }

    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + message() : message();
    }
}
