package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.RunStatus;

/**
 * One finished run of a sweep: one line of the results file ({@code --out}), with these field names. Unknown numbers
 * are null, never a fake 0.
 *
 * @param budget the budget's spec string as run (routing writes the rung it chose)
 * @param status {@code ok}, {@code failed} or {@code cancelled}
 * @param answer the answer as the grader extracted it, null when none was found or the run failed
 * @param expected the problem's expected answer, null when it has none
 * @param correct true or false; null when ungradable (no expected answer) or not run to the end
 * @param thinkingTokens compute spent in tokens: thinking, plus everything a strategy generated besides its chosen
 *                       answer (other candidates, judge prompts, probes)
 * @param answerTokens the chosen answer's tokens
 * @param totalMs engine time of the run's calls together
 * @param costUsd the cost of the run's calls together, null when unknown
 * @param endpoint the endpoint that served the chosen call
 * @param error the failure message, null unless the run failed
 */
public record SweepRecord(String problemId, String label, String budget, String strategy, int sample, String status,
                          String answer, String expected, Boolean correct, Integer thinkingTokens,
                          Integer answerTokens, Long totalMs, Double costUsd, String endpoint, String error) {

    public SweepRecord {
        if (problemId == null || label == null || budget == null || strategy == null || status == null) {
            throw new IllegalArgumentException("a result needs problemId, label, budget, strategy and status");
        }
    }

    /** Which run this is; a routed run's key has any budget (see {@link SweepTask#key()}). */
    public RunKey key() {
        return new RunKey(problemId, label, SweepPlan.ROUTED.equals(label) ? RunKey.ANY_BUDGET : budget, strategy,
                sample);
    }

    public boolean ok() {
        return RunStatus.OK.wireName().equals(status);
    }

    public boolean failed() {
        return !ok();
    }
}
