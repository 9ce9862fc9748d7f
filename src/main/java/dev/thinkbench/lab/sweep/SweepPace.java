package dev.thinkbench.lab.sweep;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The time a sweep has left, from the runs finished in this session: each run left is weighed by what the recent
 * runs of its kind took (its strategy at its budget label; failing that its strategy at any budget; failing that any
 * run), and the sum is scaled by the session's pace (elapsed time per millisecond of run time, which takes in how many
 * runs go at once). A sweep whose later runs are longer (a larger budget, best-of-N after fixed) is no longer promised
 * the early runs' speed once one of them has finished.
 *
 * <p>The first runs of a session wait for the engine to start and load its model: each takes seconds where the later
 * ones take milliseconds, and a resumed sweep of 4,700 runs left was promised 13,000 s for a while (it took 173). So
 * the runs that started before any run of the session had finished are the cold start: they set the pace, but the
 * typical time of a run is taken from the runs after them once one has finished; until then there is no estimate.
 * Not thread-safe: the sweep calls it under its lock.
 */
final class SweepPace {

    /**
     * How much a run's time moves its kind's typical time once a few have finished: the typical time follows the
     * last ten or twenty runs, so the slow first runs of a fresh process (the engine and the JIT warming up) stop
     * counting once runs are fast (a 37-second sweep was first promised 78 seconds).
     */
    static final double RECENT_WEIGHT = 0.1;

    /** Runs finished here: how many, their milliseconds in all, and the typical time of the recent ones. */
    private static final class Took {
        long runs;
        long millis;
        double recent;

        void add(long ms) {
            runs++;
            millis += ms;
            // the plain mean of the first runs, then a moving one
            recent += Math.max(1.0 / runs, RECENT_WEIGHT) * (ms - recent);
        }

        double mean() {
            return recent;
        }
    }

    private final Map<String, Integer> left = new HashMap<>();
    private final Map<String, Took> byKind = new HashMap<>();
    private final Map<String, Took> byStrategy = new HashMap<>();
    /** Every run finished here, the cold start's too: the pace. */
    private final Took all = new Took();
    /** The runs that started after the first run ended: their typical times. */
    private final Took warm = new Took();
    /** When the first run of this session ended (elapsed ms), or -1. */
    private long firstEnded = -1;

    /** @param pending the runs this session will do */
    SweepPace(List<SweepTask> pending) {
        pending.forEach(t -> left.merge(kind(t), 1, Integer::sum));
    }

    private static String kind(SweepTask t) {
        return t.key().strategy() + "\u0000" + t.key().label();
    }

    /**
     * {@code task} ended after {@code millis} of its own time (failed or not), {@code endedMs} into the session
     * (elapsed, as {@link #etaMs} gets it).
     */
    void finished(SweepTask task, long millis, long endedMs) {
        String kind = kind(task);
        left.computeIfPresent(kind, (k, n) -> n > 1 ? n - 1 : null);
        long ms = Math.max(1, millis);
        all.add(ms);
        boolean cold = firstEnded < 0 || endedMs - millis < firstEnded;
        if (firstEnded < 0) {
            firstEnded = endedMs;
        }
        if (cold) {
            return;
        }
        byKind.computeIfAbsent(kind, k -> new Took()).add(ms);
        byStrategy.computeIfAbsent(task.key().strategy(), k -> new Took()).add(ms);
        warm.add(ms);
    }

    /** Milliseconds left at this pace, 0 when nothing is left, null before a run has finished here. */
    Long etaMs(long elapsedMs) {
        if (left.isEmpty()) {
            return 0L;
        }
        if (warm.runs == 0) {
            return null; // only the cold start has finished: its times say nothing of the runs to come
        }
        double work = 0;
        for (Map.Entry<String, Integer> e : left.entrySet()) {
            work += e.getValue() * expected(e.getKey());
        }
        return Math.round((double) elapsedMs / all.millis * work);
    }

    private double expected(String kind) {
        Took same = byKind.get(kind);
        if (same != null) {
            return same.mean();
        }
        Took strategy = byStrategy.get(kind.substring(0, kind.indexOf('\u0000')));
        return strategy != null ? strategy.mean() : warm.mean();
    }
}
