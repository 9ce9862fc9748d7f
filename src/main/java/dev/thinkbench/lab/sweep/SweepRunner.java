package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.PriceTable;

import java.util.List;

/**
 * Runs sweeps over a set of endpoints (one engine, or one per base URL of a fleet): problems x budgets x samples x
 * strategies, as many runs at once as the endpoints have permits, one result line appended per finished run,
 * resuming what a results file already holds. See {@link SweepExecution} for the order of work, and
 * {@link PoolCalls} for retries, backoff and failover.
 *
 * <p>Thread-safe; {@link #start} returns at once and the sweep runs on virtual threads.
 */
public final class SweepRunner {

    /**
     * How the runner behaves.
     *
     * @param retry when and how long to wait before trying a failed call again
     * @param dropAfter failures in a row after which an endpoint is dropped
     * @param clock time for ETA and backoff waits (tests pass one that returns at once)
     * @param pauseWhenNoEndpoint whether the sweep pauses when every endpoint is dropped (a window, whose Resume
     *                            tries them again), instead of failing the runs left at once (the command line,
     *                            where running the command again resumes)
     */
    public record Options(RetryPolicy retry, int dropAfter, SweepClock clock, boolean pauseWhenNoEndpoint) {

        public Options {
            if (dropAfter < 1) {
                throw new IllegalArgumentException("dropAfter must be at least 1, was " + dropAfter);
            }
        }

        public Options(RetryPolicy retry, int dropAfter, SweepClock clock) {
            this(retry, dropAfter, clock, false);
        }

        /** {@link RetryPolicy#defaults()}, dropped after 3 failures in a row, the system clock. */
        public static Options defaults() {
            return new Options(RetryPolicy.defaults(), 3, SweepClock.SYSTEM);
        }

        public Options withClock(SweepClock other) {
            return new Options(retry, dropAfter, other, pauseWhenNoEndpoint);
        }

        public Options withRetry(RetryPolicy other) {
            return new Options(other, dropAfter, clock, pauseWhenNoEndpoint);
        }

        /** The same, pausing when every endpoint is dropped (see the record's comment). */
        public Options pausingWhenNoEndpoint() {
            return new Options(retry, dropAfter, clock, true);
        }
    }

    private final List<Endpoint> endpoints;
    private final List<Endpoint> judges;
    private final PriceTable prices;
    private final Options options;

    /**
     * @param judges the endpoints that serve verifier prompts, empty for the sweep's own
     * @param prices for the cost of hosted engines' runs
     */
    public SweepRunner(List<Endpoint> endpoints, List<Endpoint> judges, PriceTable prices, Options options) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one endpoint");
        }
        this.endpoints = List.copyOf(endpoints);
        this.judges = List.copyOf(judges);
        this.prices = prices;
        this.options = options;
    }

    public SweepRunner(List<Endpoint> endpoints, PriceTable prices) {
        this(endpoints, List.of(), prices, Options.defaults());
    }

    /**
     * {@code plan} as these endpoints run it: with the built-in engine's context size
     * ({@link SweepEndpoints#contextSize}), which its results then name in {@link SweepPlan#ranWith()}. A plan that
     * names a context size keeps it.
     */
    public SweepPlan asRun(SweepPlan plan) {
        return plan.contextSize() != null ? plan : plan.withContextSize(SweepEndpoints.contextSize(endpoints));
    }

    /**
     * Starts {@code plan} ({@link #asRun as these endpoints run it}). With a {@code log}, runs whose latest result
     * there is ok are skipped (failed ones run again) and each finished run is appended to it; the caller closes the
     * log after {@link SweepHandle#done()}.
     *
     * @param log the results file, null to keep results in memory only
     */
    public SweepHandle start(SweepPlan plan, ResultLog log, SweepListener listener) {
        SweepExecution execution = new SweepExecution(asRun(plan), endpoints, judges, prices, options, log,
                listener == null ? SweepListener.NONE : listener);
        execution.begin();
        return execution;
    }
}
