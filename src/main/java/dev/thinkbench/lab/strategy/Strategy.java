package dev.thinkbench.lab.strategy;

/**
 * A way of spending test-time compute on one problem: one run at the budget, several candidates and a pick, thinking
 * until answer probes agree, or a budget chosen per problem. Implementations are immutable and shared by every
 * worker of a sweep.
 *
 * <p>Threading: {@link #run} is called on a sweep worker thread and blocks it until the strategy has its answer;
 * several runs of one strategy execute at once on different threads.
 */
public interface Strategy {

    /** The name written to results and accepted by {@code --strategy}, e.g. {@code majority}. */
    String name();

    /**
     * Whether the strategy runs once per budget of the sweep (true), or picks its own budget per problem from the
     * sweep's budgets (false: difficulty routing runs once per problem and sample).
     */
    default boolean perBudget() {
        return true;
    }

    /**
     * The knobs that change what this strategy's runs produce, in words (e.g. {@code 5 candidates}), written with each
     * result: a resumed sweep runs again a result recorded under other settings. Empty when there are none.
     */
    default String settings() {
        return "";
    }

    /**
     * How many candidates of one problem a run draws at the sweep's sampling (best-of-N: N; 1 otherwise). At
     * temperature 0 they are one run repeated, so a pick among them picks nothing.
     */
    default int candidates() {
        return 1;
    }

    /**
     * Solves {@code run}'s problem. Engine failures end up in the result (a failed chosen call), never as an
     * exception.
     *
     * @throws InterruptedException when the sweep is cancelled
     */
    StrategyResult run(StrategyRun run) throws InterruptedException;
}
