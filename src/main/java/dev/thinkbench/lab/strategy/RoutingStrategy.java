package dev.thinkbench.lab.strategy;

import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.Worded;
import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.lab.Lane;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Difficulty routing (AutoThink-style): one run per problem at a budget chosen from the sweep's budgets (taken as a
 * ladder, smallest first) by the problem's difficulty: its {@code difficulty} on the set's scale, else an
 * {@code easy} / {@code medium} / {@code hard} tag, else a quick classification prompt (thinking off, greedy) that
 * rates it from 1 to 5. Difficulty {@code d} of {@code max} takes rung {@code ceil(d * rungs / max)}; an unreadable
 * rating takes the middle rung. The classification's tokens count as compute. Immutable.
 */
public final class RoutingStrategy implements Strategy {

    public static final String NAME = "routing";
    public static final int CLASSIFY_SCALE = 5;
    public static final String CLASSIFY_PROMPT = """
            How hard is the following problem for you to solve? Do not solve it. Reply with one digit from 1 (trivial) \
            to 5 (very hard).

            Problem:
            %s""";

    private final int maxDifficulty;

    /** @param maxDifficulty the top of the set's difficulty scale (6 for the micro set) */
    public RoutingStrategy(int maxDifficulty) {
        if (maxDifficulty < 1) {
            throw new IllegalArgumentException("the difficulty scale must reach at least 1, was " + maxDifficulty);
        }
        this.maxDifficulty = maxDifficulty;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean perBudget() {
        return false;
    }

    @Override
    public StrategyResult run(StrategyRun run) throws InterruptedException {
        List<Call> calls = new ArrayList<>();
        int rung;
        Integer rated = null;
        Optional<int[]> known = known(run.problem());
        if (known.isPresent()) {
            rung = rung(known.get()[0], known.get()[1], run.ladder().size());
        } else {
            Call rating = run.calls().run(classifySpec(run));
            calls.add(rating);
            rated = rating.ok() ? rating(rating.answer()) : null;
            rung = rated == null ? (run.ladder().size() - 1) / 2 : rung(rated, CLASSIFY_SCALE, run.ladder().size());
        }
        Lane lane = run.ladder().get(rung);
        Call call = run.calls().run(run.spec(lane.budget(), 0));
        calls.add(call);
        Worded note = known.isPresent()
                ? Worded.of(StrategyNote.ROUTED_BY_DIFFICULTY, known.get()[0], known.get()[1], lane.label())
                : rated == null ? Worded.of(StrategyNote.ROUTED_UNRATED, lane.label())
                : Worded.of(StrategyNote.ROUTED_BY_RATING, rated, CLASSIFY_SCALE, lane.label());
        return new StrategyResult(call, calls, 0, lane, List.of(), note);
    }

    /** The rung (0-based) for difficulty {@code d} of {@code max} on a ladder of {@code rungs}. */
    static int rung(int d, int max, int rungs) {
        int clamped = Math.max(1, Math.min(d, max));
        int r = (int) Math.ceil((double) clamped * rungs / max) - 1;
        return Math.max(0, Math.min(rungs - 1, r));
    }

    /** The problem's own difficulty and its scale: the field, else an easy/medium/hard tag. */
    private Optional<int[]> known(BenchProblem p) {
        if (p.difficulty() != null) {
            return Optional.of(new int[] {p.difficulty(), Math.max(maxDifficulty, p.difficulty())});
        }
        for (String tag : p.tags()) {
            switch (tag.toLowerCase(Locale.ROOT)) {
                case "easy" -> {
                    return Optional.of(new int[] {1, 3});
                }
                case "medium" -> {
                    return Optional.of(new int[] {2, 3});
                }
                case "hard" -> {
                    return Optional.of(new int[] {3, 3});
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    private static RunSpec classifySpec(StrategyRun run) {
        Sampling s = run.base().sampling();
        return new RunSpec(CLASSIFY_PROMPT.formatted(run.problem().prompt()), run.base().system(), run.base().model(),
                new Budget.None(), new Sampling(0.0, null, s.seed(), 16));
    }

    /** The 1..5 rating in a classification reply, null when there is none. */
    static Integer rating(String reply) {
        return AnswerGrader.extract(reply).filter(v -> v.compareTo(BigInteger.ONE) >= 0
                && v.compareTo(BigInteger.valueOf(CLASSIFY_SCALE)) <= 0).map(BigInteger::intValue).orElse(null);
    }
}
