package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.strategy.Strategy;

/** One run of a sweep before it runs: a problem, a budget, a strategy and a sample number (0-based). */
public record SweepTask(BenchProblem problem, Lane lane, Strategy strategy, int sample) {

    /**
     * The key its result will carry. A routed run's key has the label {@value SweepPlan#ROUTED} and the budget
     * {@value RunKey#ANY_BUDGET}, whatever rung it takes, so a resumed sweep recognises it.
     */
    public RunKey key() {
        return strategy.perBudget()
                ? new RunKey(problem.id(), lane.label(), lane.budget().spec(), strategy.name(), sample)
                : new RunKey(problem.id(), SweepPlan.ROUTED, RunKey.ANY_BUDGET, strategy.name(), sample);
    }
}
