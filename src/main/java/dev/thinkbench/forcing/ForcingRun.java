package dev.thinkbench.forcing;

import dev.thinkbench.core.ForcingPlan;
import dev.thinkbench.core.Sampling;

/**
 * What the {@link BudgetForcer} is asked to do.
 *
 * @param system the system prompt, empty for none
 * @param prompt the user's prompt
 * @param plan the forcing plan; null means thinking off (the answer is forced at once)
 * @param budgetSpec the budget as the user wrote it, for the {@code Started} event
 * @param reuseGreedyPicks see {@link dev.thinkbench.core.RunSpec#reuseGreedyPicks}
 */
public record ForcingRun(String system, String prompt, String model, ForcingPlan plan, Sampling sampling,
                         String budgetSpec, boolean reuseGreedyPicks) {

    public ForcingRun {
        system = system == null ? "" : system;
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt is empty");
        }
        sampling = sampling == null ? Sampling.defaults() : sampling;
        budgetSpec = budgetSpec == null ? "" : budgetSpec;
    }

    /** A run that generates every token it shows. */
    public ForcingRun(String system, String prompt, String model, ForcingPlan plan, Sampling sampling,
                      String budgetSpec) {
        this(system, prompt, model, plan, sampling, budgetSpec, false);
    }

    /** The answer's token cap: the sampling's, else {@link BudgetForcer#DEFAULT_MAX_ANSWER_TOKENS}. */
    public int maxAnswerTokens() {
        return sampling.maxAnswerTokens() != null ? sampling.maxAnswerTokens() : BudgetForcer.DEFAULT_MAX_ANSWER_TOKENS;
    }
}
