package dev.thinkbench.lab.strategy;

import dev.thinkbench.core.AnswerGrader;

/**
 * One candidate of a best-of-N strategy, or one answer probe of adaptive thinking, as shown next to the pick.
 *
 * @param index 0-based, in the order they were made
 * @param call the candidate's run, null for a probe (which is a fork, not a run of its own)
 * @param extracted its answer as the grader reads it, null when none was found
 * @param score the verifier's score, or a probe's confidence ({@link ProbeConfidence}), null when there is none
 * @param tokens tokens the candidate generated (thinking and answer), null when unknown
 */
public record Candidate(int index, Call call, String extracted, Double score, Integer tokens) {

    /**
     * A best-of-N candidate from its call: the answer as the grader reads it against {@code expected} (null when the
     * call failed), and the tokens it generated (null when either count is unknown); not scored.
     */
    public static Candidate of(int index, Call call, String expected) {
        String extracted = call.ok() ? AnswerGrader.grade(call.answer(), expected).extracted() : null;
        Integer thinking = call.thinkingTokens();
        Integer answer = call.answerTokens();
        return new Candidate(index, call, extracted, null, thinking == null || answer == null ? null
                : thinking + answer);
    }

    /**
     * How long it reasoned: its call's thinking tokens; without a call (a probe, a candidate made in a test) or when
     * the engine did not count the thinking, {@link #tokens}. The answer's own length is left out: at a cap every
     * candidate thinks as long, and a shorter number written in fewer tokens must not make its reasoning "shorter".
     */
    public Integer reasoningTokens() {
        Integer thinking = call == null ? null : call.thinkingTokens();
        return thinking != null ? thinking : tokens;
    }

    /** This candidate with the verifier's score. */
    public Candidate scored(Double verifierScore) {
        return new Candidate(index, call, extracted, verifierScore, tokens);
    }
}
