package dev.thinkbench.lab;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.lab.strategy.StrategyRun;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one prompt on one engine and model at several budgets in parallel: same prompt, sampling and seed in every
 * lane; or, as best-of-N's live candidates, one budget several times with the seed offset per lane
 * ({@link #startCandidates}). Lanes are independent: one failing or being cancelled never touches the others.
 */
public final class Comparison implements RunGroup {

    private final ReasoningEngine engine;
    private final PriceTable prices;
    private final RunSpec base;
    private String pricedAs;
    private final List<LaneRun> runs = new ArrayList<>();

    private Comparison(ReasoningEngine engine, PriceTable prices, RunSpec base, String pricedAs) {
        this.engine = engine;
        this.prices = prices;
        this.base = base;
        this.pricedAs = pricedAs;
    }

    /**
     * Starts every lane at once. {@code base}'s budget is replaced by each lane's.
     */
    public static Comparison start(ReasoningEngine engine, PriceTable prices, RunSpec base, List<Lane> lanes) {
        return start(engine, prices, base, lanes, null);
    }

    /**
     * As {@link #start(ReasoningEngine, PriceTable, RunSpec, List)}, costing free runs (a local engine) at the rates of
     * the table's model {@code pricedAs}, as an estimate (see {@link PricedAs}); null or blank prices them as usual.
     */
    public static Comparison start(ReasoningEngine engine, PriceTable prices, RunSpec base, List<Lane> lanes,
                                   String pricedAs) {
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one column");
        }
        return launch(engine, prices, base, lanes, lanes.stream().map(l -> base.withBudget(l.budget())).toList(),
                pricedAs);
    }

    /**
     * Starts {@code n} candidates of one budget at once, as best-of-N makes them: candidate {@code i} (0-based) runs
     * with the seed plus {@code i} when a seed is set ({@link StrategyRun#variant}), so the candidates differ under
     * sampling and stay reproducible. Lanes are labelled {@code #1} to {@code #n}.
     */
    public static Comparison startCandidates(ReasoningEngine engine, PriceTable prices, RunSpec base, Budget budget,
                                             int n) {
        return startCandidates(engine, prices, base, budget, n, null);
    }

    /**
     * As {@link #startCandidates(ReasoningEngine, PriceTable, RunSpec, Budget, int)}, costing free runs at the rates
     * of the table's model {@code pricedAs} (see {@link PricedAs}); null or blank prices them as usual.
     */
    public static Comparison startCandidates(ReasoningEngine engine, PriceTable prices, RunSpec base, Budget budget,
                                             int n, String pricedAs) {
        if (n < 1) {
            throw new IllegalArgumentException("best-of-N needs at least one candidate, was " + n);
        }
        RunSpec at = base.withBudget(budget);
        List<Lane> lanes = new ArrayList<>();
        List<RunSpec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lanes.add(new Lane("#" + (i + 1), budget));
            specs.add(StrategyRun.variant(at, budget, i));
        }
        return launch(engine, prices, at, lanes, specs, pricedAs);
    }

    private static Comparison launch(ReasoningEngine engine, PriceTable prices, RunSpec base, List<Lane> lanes,
                                     List<RunSpec> specs, String pricedAs) {
        Comparison c = new Comparison(engine, prices, base, pricedAs);
        for (int i = 0; i < lanes.size(); i++) {
            c.runs.add(c.newRun(lanes.get(i), specs.get(i)));
        }
        for (LaneRun run : c.runs) {
            run.start(engine);
        }
        return c;
    }

    private LaneRun newRun(Lane lane, RunSpec spec) {
        return new LaneRun(lane, spec, PricedAs.price(engine, spec.model(), prices, pricedAs), System::nanoTime);
    }

    /**
     * Costs every lane, and any lane retried later, as {@link #start} would with {@code pricedAs}: a free run at that
     * model's rates as an estimate, or back to free with null; a run with a price of its own keeps it. The lanes'
     * metrics follow at once, finished ones included.
     */
    public synchronized void priceAs(String pricedAs) {
        this.pricedAs = pricedAs;
        for (LaneRun run : runs) {
            run.price(PricedAs.price(engine, run.spec().model(), prices, pricedAs));
        }
    }

    /** The lanes' runs, in lane order. A retried lane shows its new run. */
    @Override
    public synchronized List<LaneRun> runs() {
        return List.copyOf(runs);
    }

    /** Starts lane {@code index} again (after a failure), leaving the others as they are; returns the new run. */
    public synchronized LaneRun retry(int index) {
        LaneRun old = runs.get(index);
        old.cancel();
        LaneRun fresh = newRun(old.lane(), old.spec());
        runs.set(index, fresh);
        fresh.start(engine);
        return fresh;
    }

    @Override
    public void cancelAll() {
        runs().forEach(LaneRun::cancel);
    }

    public ReasoningEngine engine() {
        return engine;
    }

    public RunSpec base() {
        return base;
    }

    /** Completes when every lane's current run has ended. */
    @Override
    public CompletableFuture<Void> done() {
        return CompletableFuture.allOf(runs().stream().map(LaneRun::done).toArray(CompletableFuture[]::new));
    }
}
