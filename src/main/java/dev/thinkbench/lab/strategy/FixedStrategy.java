package dev.thinkbench.lab.strategy;

/**
 * One run at the sweep's budget: a fixed thinking budget, or s1 budget forcing when the budget is a forcing plan
 * ({@code force:min=N,max=N,waits=N}). Stateless.
 */
public final class FixedStrategy implements Strategy {

    public static final String NAME = "fixed";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StrategyResult run(StrategyRun run) throws InterruptedException {
        return StrategyResult.single(run.calls().run(run.base()), run.lane());
    }
}
