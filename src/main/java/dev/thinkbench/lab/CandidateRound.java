package dev.thinkbench.lab;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.lab.strategy.Call;
import dev.thinkbench.lab.strategy.Candidate;
import dev.thinkbench.lab.strategy.Picks;
import dev.thinkbench.lab.strategy.VerifierStrategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Best-of-N as live columns: {@code n} candidates of one budget run side by side ({@link Comparison#startCandidates}),
 * and once they have ended one is picked with best-of-N's own selection ({@link Picks}): by majority vote, by the
 * shortest or longest reasoning, or by a verifier (a judge prompt per answered candidate on the same engine, by the
 * same model or a judge model of its own, {@link VerifierStrategy#judgeSpec}, scored with
 * {@link VerifierStrategy#score}).
 *
 * <p>Thread-safe: the candidates run on the engine's threads; {@link #pick()} may be called from any thread and its
 * future completes on an engine thread (a view polls it once per frame).
 */
public final class CandidateRound {

    /** How the candidate is picked. */
    public enum Selection {
        MAJORITY("majority vote"), VERIFIER("verifier"), SHORTEST("shortest reasoning"), LONGEST("longest reasoning");

        private final String words;

        Selection(String words) {
            this.words = words;
        }

        /** How people call it, e.g. {@code majority vote}. */
        public String words() {
            return words;
        }
    }

    /**
     * How a round ended.
     *
     * @param candidates every candidate as the grader read it (scored when the verifier picked), in column order
     * @param pick the pick and why, empty when no candidate has a readable answer or the judge failed on every one
     * @param judges the verifier's judge runs, in the order of the answered candidates; empty for other selections
     * @param judgeFailure why the judge failed on every candidate (a model its engine does not have, ...), null unless
     *                     it did
     */
    public record Outcome(List<Candidate> candidates, Optional<Picks.Pick> pick, List<LaneRun> judges,
                          String judgeFailure) {
        public Outcome {
            candidates = List.copyOf(candidates);
            judges = List.copyOf(judges);
        }
    }

    private final ReasoningEngine engine;
    private final PriceTable prices;
    private final Comparison comparison;
    private final Selection selection;
    private final String expected;
    private final String judgeModel;
    /** How the last pick ended, null before one has. */
    private volatile Outcome last;

    private CandidateRound(ReasoningEngine engine, PriceTable prices, Comparison comparison, Selection selection,
                           String expected, String judgeModel) {
        this.engine = engine;
        this.prices = prices;
        this.comparison = comparison;
        this.selection = selection;
        this.expected = expected;
        this.judgeModel = judgeModel == null || judgeModel.isBlank() ? null : judgeModel.strip();
    }

    /**
     * Starts {@code n} candidates of {@code budget}.
     *
     * @param expected the expected answer, used only to read answers of its kind (a number, a choice, text); null
     *                 reads a number or else text
     */
    public static CandidateRound start(ReasoningEngine engine, PriceTable prices, RunSpec base, Budget budget, int n,
                                       Selection selection, String expected) {
        return start(engine, prices, base, budget, n, selection, expected, null, null);
    }

    /**
     * As {@link #start(ReasoningEngine, PriceTable, RunSpec, Budget, int, Selection, String)}, costing free runs at
     * the rates of the table's model {@code pricedAs} as an estimate ({@link PricedAs}); null prices them as usual.
     *
     * @param judgeModel the verifier's model on the same engine, null or blank for the candidates' own
     */
    public static CandidateRound start(ReasoningEngine engine, PriceTable prices, RunSpec base, Budget budget, int n,
                                       Selection selection, String expected, String pricedAs, String judgeModel) {
        return new CandidateRound(engine, prices,
                Comparison.startCandidates(engine, prices, base, budget, n, pricedAs), selection, expected,
                judgeModel);
    }

    /** The candidates' runs (a retried column shows its new run). */
    public Comparison comparison() {
        return comparison;
    }

    public Selection selection() {
        return selection;
    }

    /** The candidates as they stand now, read by the grader (their runs should have ended). */
    public List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>();
        List<LaneRun> runs = comparison.runs();
        for (int i = 0; i < runs.size(); i++) {
            LaneRun r = runs.get(i);
            out.add(Candidate.of(i, new Call(r.trace(), r.metrics(), engine.id(), null), expected));
        }
        return out;
    }

    /**
     * Picks once every candidate's current run has ended; for the verifier, after a judge prompt per answered
     * candidate. Call again after a retry for a new pick.
     */
    public CompletableFuture<Outcome> pick() {
        last = null;
        return comparison.done().thenCompose(v -> {
            List<Candidate> candidates = candidates();
            return switch (selection) {
                case MAJORITY -> done(candidates, Picks.majority(candidates));
                case SHORTEST -> done(candidates, Picks.shortest(candidates));
                case LONGEST -> done(candidates, Picks.longest(candidates));
                case VERIFIER -> judge(candidates);
            };
        }).thenApply(outcome -> {
            last = outcome;
            return outcome;
        });
    }

    /** How the last {@link #pick()} ended, empty before one has (or while one is being made). */
    public Optional<Outcome> lastOutcome() {
        return Optional.ofNullable(last);
    }

    /** The verifier's model, null for the candidates' own. */
    public String judgeModel() {
        return judgeModel;
    }

    private static CompletableFuture<Outcome> done(List<Candidate> candidates, Optional<Picks.Pick> pick) {
        return CompletableFuture.completedFuture(new Outcome(candidates, pick, List.of(), null));
    }

    private CompletableFuture<Outcome> judge(List<Candidate> candidates) {
        List<LaneRun> judges = new ArrayList<>();
        List<Integer> judged = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.extracted() == null) {
                continue;
            }
            RunSpec spec = VerifierStrategy.judgeSpec(comparison.base(), c.call().answer(), judgeModel, null);
            LaneRun run = new LaneRun(new Lane("judge " + (c.index() + 1), spec.budget()), spec,
                    engine.price(spec.model(), prices), System::nanoTime);
            judges.add(run);
            judged.add(c.index());
            run.start(engine);
        }
        return CompletableFuture.allOf(judges.stream().map(LaneRun::done).toArray(CompletableFuture[]::new))
                .thenApply(v -> {
                    List<Candidate> scored = new ArrayList<>(candidates);
                    for (int j = 0; j < judges.size(); j++) {
                        LaneRun run = judges.get(j);
                        Double score = run.status() == RunStatus.OK
                                ? VerifierStrategy.score(run.trace().answer()) : null;
                        int index = judged.get(j);
                        scored.set(index, scored.get(index).scored(score));
                    }
                    if (!judges.isEmpty() && judges.stream().noneMatch(j -> j.status() == RunStatus.OK)) {
                        // no verdict at all: say why rather than pass a majority vote off as the verifier's pick
                        return new Outcome(scored, Optional.empty(), judges, judges.getFirst().trace().error());
                    }
                    return new Outcome(scored, Picks.bestScore(scored, judges.stream()
                            .filter(j -> j.status() == RunStatus.OK).map(j -> j.trace().answer()).toList()), judges,
                            null);
                });
    }
}
