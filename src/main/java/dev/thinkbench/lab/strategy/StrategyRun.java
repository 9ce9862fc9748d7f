package dev.thinkbench.lab.strategy;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.lab.Lane;

import java.util.List;

/**
 * What a strategy is asked to do: one problem, at one budget (for strategies that run per budget), as sample
 * {@code sample}, through {@code calls}; {@code judge} serves verifier prompts (the same endpoints unless the sweep
 * names others); {@code ladder} is the sweep's budgets in order, smallest first, for routing.
 *
 * @param base the run as it would go to the engine: the problem's prompt, the sweep's system prompt, model,
 *             {@code lane}'s budget and the sampling of this sample (its seed already offset by the sample)
 */
public record StrategyRun(BenchProblem problem, Lane lane, int sample, RunSpec base, Calls calls, Calls judge,
                          List<Lane> ladder) {

    /** How far apart the seeds of two samples are, so their candidates' seeds never meet. */
    public static final long SEED_STRIDE = 1_000;

    public StrategyRun {
        ladder = List.copyOf(ladder);
    }

    /**
     * The base run with another budget and the seed of candidate {@code variant} (seed + variant, where a seed is
     * set), so best-of-N candidates differ under sampling and stay reproducible.
     */
    public RunSpec spec(Budget budget, int variant) {
        return variant(base, budget, variant);
    }

    /**
     * {@code base} with {@code budget} and the seed of candidate {@code variant} (seed + variant, where a seed is
     * set): how every best-of-N candidate is made, in a sweep or in the Compare tab's candidate columns.
     */
    public static RunSpec variant(RunSpec base, Budget budget, int variant) {
        Sampling s = base.sampling();
        Sampling varied = s.seed() == null ? s
                : new Sampling(s.temperature(), s.topP(), s.seed() + variant, s.maxAnswerTokens());
        return new RunSpec(base.prompt(), base.system(), base.model(), budget, varied, base.reuseGreedyPicks());
    }
}
