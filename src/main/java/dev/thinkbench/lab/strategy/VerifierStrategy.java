package dev.thinkbench.lab.strategy;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.Worded;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Best-of-N with a verifier: {@code n} candidates at the run's budget, then a judge prompt per answered candidate on
 * the judge endpoints (the sweep's own unless it names others), greedy, asking for {@code Score: N} from 0 to 10;
 * the highest score wins (ties: majority among the tied, then the earliest). The judge's tokens count as compute.
 * Immutable.
 */
public final class VerifierStrategy implements Strategy {

    public static final String NAME = "verifier";
    /** The judge's instructions; {@code %1$s} is the problem, {@code %2$s} the candidate's answer. */
    public static final String JUDGE_PROMPT = """
            You are checking a proposed answer to a problem.

            Problem:
            %1$s

            Proposed answer:
            %2$s

            Is the proposed final answer correct? Reply with one line "Score: N", where N is a whole number from \
            0 (surely wrong) to 10 (surely right).""";
    private static final Pattern SCORE = Pattern.compile("(?i)score\\s*[:=]?\\s*(\\d+(?:\\.\\d+)?)(?:\\s*/\\s*10)?");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])(\\d+(?:\\.\\d+)?)(?![\\d.])");

    private final int n;
    private final String judgeModel;
    private final Budget judgeBudget;

    /**
     * @param judgeModel the judge's model, null for the sweep's own
     * @param judgeBudget the judge's budget, null for the run's
     */
    public VerifierStrategy(int n, String judgeModel, Budget judgeBudget) {
        if (n < 1 || n > 1024) {
            throw new IllegalArgumentException("the verifier needs 1 to 1024 candidates, was " + n);
        }
        this.n = n;
        this.judgeModel = judgeModel == null || judgeModel.isBlank() ? null : judgeModel;
        this.judgeBudget = judgeBudget;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String settings() {
        return n + " candidates" + (judgeModel == null ? "" : ", judge " + judgeModel);
    }

    @Override
    public int candidates() {
        return n;
    }

    /** The judge's model, null for the sweep's own. */
    public String judgeModel() {
        return judgeModel;
    }

    @Override
    public StrategyResult run(StrategyRun run) throws InterruptedException {
        List<Candidate> sampled = BestOfN.sample(run, n);
        List<Candidate> scored = new ArrayList<>();
        List<Call> judgeCalls = new ArrayList<>();
        for (Candidate c : sampled) {
            if (c.extracted() == null) {
                scored.add(c);
                continue;
            }
            Call judge = run.judge().run(judgeSpec(run.base(), c.call().answer(), judgeModel, judgeBudget));
            judgeCalls.add(judge);
            scored.add(c.scored(judge.ok() ? score(judge.answer()) : null));
        }
        if (!judgeCalls.isEmpty() && judgeCalls.stream().noneMatch(Call::ok)) {
            // a verifier without a verdict is not a verifier: the run fails with the judge's reason (a model the
            // judge engine does not have, a dead judge server), rather than passing off a majority vote as its pick
            Call judge = judgeCalls.getFirst();
            List<Call> calls = new ArrayList<>(sampled.stream().map(Candidate::call).toList());
            calls.addAll(judgeCalls);
            return new StrategyResult(judge, calls, 0, run.lane(), scored,
                    Worded.of(StrategyNote.JUDGE_FAILED, judge.error()));
        }
        return BestOfN.result(run, scored, Picks.bestScore(scored, judgeCalls.stream().filter(Call::ok)
                .map(Call::answer).toList()), judgeCalls);
    }

    /**
     * The judge prompt for one candidate's answer to {@code base}'s prompt, greedy, with no system prompt.
     *
     * @param judgeModel the judge's model, null for {@code base}'s
     * @param judgeBudget the judge's budget, null for {@code base}'s
     */
    public static RunSpec judgeSpec(RunSpec base, String candidateAnswer, String judgeModel, Budget judgeBudget) {
        Sampling sampling = base.sampling();
        Sampling greedy = new Sampling(0.0, null, sampling.seed(), sampling.maxAnswerTokens());
        return new RunSpec(JUDGE_PROMPT.formatted(base.prompt(), candidateAnswer == null ? "" : candidateAnswer.strip()),
                "", judgeModel != null ? judgeModel : base.model(), judgeBudget != null ? judgeBudget : base.budget(),
                greedy);
    }

    /**
     * The score in a judge's reply: the number after the last {@code Score}, else the last number from 0 to 10;
     * null when there is none. Scores above 10 are capped at 10.
     */
    public static Double score(String reply) {
        if (reply == null) {
            return null;
        }
        Matcher m = SCORE.matcher(reply);
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        if (found == null) {
            Matcher any = NUMBER.matcher(reply);
            while (any.find()) {
                if (Double.parseDouble(any.group(1)) <= 10) {
                    found = any.group(1);
                }
            }
        }
        return found == null ? null : Math.min(10.0, Double.parseDouble(found));
    }
}
