package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.AnswerGrader;
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
 * @param gradeOverridden whether a person set {@code correct} by hand (the grader's verdict is replaced); such a line
 *                        is appended after the run's own, so the latest line of a run wins as always
 * @param strategySettings the strategy's settings as it ran ({@code Strategy#settings()}, e.g. {@code 5 candidates}),
 *                         empty for none (and in lines written before there were any): a resumed sweep runs again a
 *                         run recorded under other settings
 * @param ranWith the model and sampling the sweep ran with, and the built-in engine's context size
 *                ({@link SweepPlan#ranWith()}), empty in lines written before results said it: runs made with
 *                another model, sampling or context size are another sweep's ({@link ResumeCheck})
 * @param note how the strategy picked its answer, in English (e.g. {@code 3 of 5 votes for 42}); null for a strategy
 *             with nothing to say (a fixed run) and in lines written before results kept it
 */
public record SweepRecord(String problemId, String label, String budget, String strategy, int sample, String status,
                          String answer, String expected, Boolean correct, Integer thinkingTokens,
                          Integer answerTokens, Long totalMs, Double costUsd, String endpoint, String error,
                          boolean gradeOverridden, String strategySettings, String ranWith, String note) {

    public SweepRecord {
        if (problemId == null || label == null || budget == null || strategy == null || status == null) {
            throw new IllegalArgumentException("a result needs problemId, label, budget, strategy and status");
        }
        strategySettings = strategySettings == null ? "" : strategySettings;
        ranWith = ranWith == null ? "" : ranWith;
    }

    /** A result without a note on its pick ({@link #withNote}). */
    public SweepRecord(String problemId, String label, String budget, String strategy, int sample, String status,
                       String answer, String expected, Boolean correct, Integer thinkingTokens, Integer answerTokens,
                       Long totalMs, Double costUsd, String endpoint, String error, boolean gradeOverridden,
                       String strategySettings, String ranWith) {
        this(problemId, label, budget, strategy, sample, status, answer, expected, correct, thinkingTokens,
                answerTokens, totalMs, costUsd, endpoint, error, gradeOverridden, strategySettings, ranWith, null);
    }

    /** A result that does not say which model and sampling made it (written before results did). */
    public SweepRecord(String problemId, String label, String budget, String strategy, int sample, String status,
                       String answer, String expected, Boolean correct, Integer thinkingTokens, Integer answerTokens,
                       Long totalMs, Double costUsd, String endpoint, String error, boolean gradeOverridden,
                       String strategySettings) {
        this(problemId, label, budget, strategy, sample, status, answer, expected, correct, thinkingTokens,
                answerTokens, totalMs, costUsd, endpoint, error, gradeOverridden, strategySettings, "");
    }

    /** A result as the grader left it (not overridden). */
    public SweepRecord(String problemId, String label, String budget, String strategy, int sample, String status,
                       String answer, String expected, Boolean correct, Integer thinkingTokens, Integer answerTokens,
                       Long totalMs, Double costUsd, String endpoint, String error) {
        this(problemId, label, budget, strategy, sample, status, answer, expected, correct, thinkingTokens,
                answerTokens, totalMs, costUsd, endpoint, error, false, "");
    }

    /**
     * Whether this result counts for a run whose strategy has {@code settings}: made under the same ones, or written
     * before results recorded any (nothing to tell them apart by).
     */
    public boolean madeUnder(String settings) {
        return strategySettings.isEmpty() || strategySettings.equals(settings);
    }

    /** This result with the settings its strategy ran under. */
    public SweepRecord withStrategySettings(String settings) {
        return new SweepRecord(problemId, label, budget, strategy, sample, status, answer, expected, correct,
                thinkingTokens, answerTokens, totalMs, costUsd, endpoint, error, gradeOverridden, settings, ranWith, note);
    }

    /** This result with the model and sampling it ran with ({@link SweepPlan#ranWith()}). */
    public SweepRecord withRanWith(String modelAndSampling) {
        return new SweepRecord(problemId, label, budget, strategy, sample, status, answer, expected, correct,
                thinkingTokens, answerTokens, totalMs, costUsd, endpoint, error, gradeOverridden, strategySettings,
                modelAndSampling, note);
    }

    /** This result with how its strategy picked, in English; null for nothing to say. */
    public SweepRecord withNote(String pick) {
        return new SweepRecord(problemId, label, budget, strategy, sample, status, answer, expected, correct,
                thinkingTokens, answerTokens, totalMs, costUsd, endpoint, error, gradeOverridden, strategySettings,
                ranWith, pick);
    }

    /**
     * This result with its grade set by a person: {@code true} or {@code false}, or null to take back an override
     * (the grader's verdict is worked out again from the answer and the expected answer).
     *
     * @throws IllegalStateException for a run that did not end normally: it has no answer to grade
     */
    public SweepRecord withGrade(Boolean verdict) {
        if (!ok()) {
            throw new IllegalStateException("run " + key() + " " + status + "; only a finished run can be graded");
        }
        Boolean graded = verdict != null ? verdict
                : AnswerGrader.grade(answer == null ? "" : AnswerGrader.FINAL_ANSWER + " " + answer, expected)
                        .correct();
        return new SweepRecord(problemId, label, budget, strategy, sample, status, answer, expected, graded,
                thinkingTokens, answerTokens, totalMs, costUsd, endpoint, error, verdict != null, strategySettings, ranWith,
                note);
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
