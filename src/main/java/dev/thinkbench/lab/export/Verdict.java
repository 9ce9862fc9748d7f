package dev.thinkbench.lab.export;

import dev.thinkbench.core.AnswerGrader;

import java.math.BigInteger;

/** Whether a column's answer is right, when the right answer is known. */
public enum Verdict {
    CORRECT("correct"), WRONG("wrong"), NO_ANSWER("no answer"), UNKNOWN("");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    /** For people and files; empty when unknown. */
    public String words() {
        return words;
    }

    /**
     * Grades {@code answer} against {@code expected} as sweeps do ({@link AnswerGrader}); {@link #UNKNOWN} when no
     * expected answer is known or it is not a whole number.
     */
    public static Verdict of(String answer, String expected) {
        if (expected == null || expected.isBlank()) {
            return UNKNOWN;
        }
        BigInteger want;
        try {
            want = new BigInteger(expected.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
        return AnswerGrader.extract(answer).map(got -> got.equals(want) ? CORRECT : WRONG).orElse(NO_ANSWER);
    }
}
