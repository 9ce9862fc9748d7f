package dev.thinkbench.lab.strategy;

/**
 * One candidate of a best-of-N strategy, or one answer probe of adaptive thinking, as shown next to the pick.
 *
 * @param index 0-based, in the order they were made
 * @param call the candidate's run, null for a probe (which is a fork, not a run of its own)
 * @param extracted its answer as the grader reads it, null when none was found
 * @param score the verifier's score, null when not scored
 * @param tokens tokens the candidate generated (thinking and answer), null when unknown
 */
public record Candidate(int index, Call call, String extracted, Double score, Integer tokens) {
}
