package dev.thinkbench.lab.strategy;

import dev.thinkbench.core.Worded;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Best-of-N: {@code n} candidates at the run's budget (seeds offset per candidate, so they differ under sampling),
 * then one is picked by majority vote over their answers (self-consistency), by the shortest or by the longest
 * reasoning. Candidates run one after another on the same endpoint where possible, so they share its prompt cache.
 * When no candidate has a readable answer, the first that ran is the answer (graded wrong and flagged); when none ran,
 * the first failure is the result. Immutable.
 */
public final class BestOfN implements Strategy {

    /** How the candidate is picked. */
    public enum Selection {
        MAJORITY("majority"), SHORTEST("shortest"), LONGEST("longest");

        private final String wireName;

        Selection(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private final Selection selection;
    private final int n;

    public BestOfN(Selection selection, int n) {
        if (n < 1 || n > 1024) {
            throw new IllegalArgumentException("best-of-N needs 1 to 1024 candidates, was " + n);
        }
        this.selection = selection;
        this.n = n;
    }

    @Override
    public String name() {
        return selection.wireName();
    }

    @Override
    public String settings() {
        return n + " candidates";
    }

    @Override
    public int candidates() {
        return n;
    }

    @Override
    public StrategyResult run(StrategyRun run) throws InterruptedException {
        List<Candidate> candidates = sample(run, n);
        Optional<Picks.Pick> pick = switch (selection) {
            case MAJORITY -> Picks.majority(candidates);
            case SHORTEST -> Picks.shortest(candidates);
            case LONGEST -> Picks.longest(candidates);
        };
        return result(run, candidates, pick, List.of());
    }

    /** {@code count} candidates of {@code run} at its budget, each read by the grader. */
    static List<Candidate> sample(StrategyRun run, int count) throws InterruptedException {
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(Candidate.of(i, run.calls().run(run.spec(run.lane().budget(), i)), run.problem().answer()));
        }
        return out;
    }

    /** The result of a pick over {@code candidates}, with every call counted and fallbacks as described above. */
    static StrategyResult result(StrategyRun run, List<Candidate> candidates, Optional<Picks.Pick> pick,
                                 List<Call> extraCalls) {
        List<Call> calls = new ArrayList<>(candidates.stream().map(Candidate::call).toList());
        calls.addAll(extraCalls);
        if (pick.isPresent()) {
            return new StrategyResult(pick.get().candidate().call(), calls, 0, run.lane(), candidates,
                    pick.get().why());
        }
        Call fallback = candidates.stream().map(Candidate::call).filter(Call::ok).findFirst()
                .orElse(candidates.getFirst().call());
        Worded note = Worded.of(fallback.ok() ? StrategyNote.NO_READABLE_ANSWER : StrategyNote.EVERY_CANDIDATE_FAILED);
        return new StrategyResult(fallback, calls, 0, run.lane(), candidates, note);
    }
}
