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
 */
public record ForcingRun(String system, String prompt, String model, ForcingPlan plan, Sampling sampling,
                         String budgetSpec) {

    public ForcingRun {
        system = system == null ? "" : system;
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt is empty");
        }
        sampling = sampling == null ? Sampling.defaults() : sampling;
        budgetSpec = budgetSpec == null ? "" : budgetSpec;
    }

    /** The answer's token cap: the sampling's, else {@link BudgetForcer#DEFAULT_MAX_ANSWER_TOKENS}. */
    public int maxAnswerTokens() {
        return sampling.maxAnswerTokens() != null ? sampling.maxAnswerTokens() : BudgetForcer.DEFAULT_MAX_ANSWER_TOKENS;
    }
}
