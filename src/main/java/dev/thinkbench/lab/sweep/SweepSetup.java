package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.strategy.AdaptiveStrategy;
import dev.thinkbench.lab.strategy.Strategies;
import dev.thinkbench.lab.strategy.Strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything needed to start a sweep again later, as the Experiments tab saves it beside its results: the engine and
 * model, the budgets ({@code label=spec}, smallest first), samples, strategies and their knobs, concurrency and
 * sampling. The API key is never part of it (only the name of the variable that holds it). Immutable.
 *
 * @param title how the sweep is named for people, e.g. {@code micro-heldout · 20 problems · 4 budgets}
 * @param problemSet the problem set's name as it was picked (a copy of its problems is saved beside the results)
 * @param baseUrl the server, null for the engine's default
 * @param apiKeyEnv the variable that holds the API key, null for none (or a key kept in the app's key store)
 * @param budgets {@code label=spec} each, smallest first
 * @param strategies strategy names as {@link Strategies#named} takes them
 * @param candidates N of best-of-N
 * @param probeEvery adaptive thinking: a probe every this many thinking tokens
 * @param agree adaptive thinking: stop when this many probes in a row agree
 * @param confidence adaptive thinking: stop too when a probe's answer is at least this confident (0 to 1, from token
 *                   probabilities where the engine reports them); null for agreement only (and in setups saved
 *                   before there was one)
 * @param judgeModel the verifier's model on the same engine, null for the sweep's own (and in setups saved before
 *                   there was one)
 * @param concurrency runs at once on the endpoint
 * @param temperature null for the engine's default
 * @param seed null for none
 * @param system the system prompt, empty for none
 * @param moreBaseUrls further servers of the same engine and model the runs are spread over (a fleet), each with
 *                     {@code concurrency}; empty for none (and in setups saved before there were any)
 */
public record SweepSetup(String title, String problemSet, String engineId, String baseUrl, String apiKeyEnv,
                         String model, List<String> budgets, int samples, List<String> strategies, int candidates,
                         int probeEvery, int agree, Double confidence, String judgeModel, int concurrency,
                         Double temperature, Long seed, String system, List<String> moreBaseUrls) {

    public SweepSetup {
        budgets = List.copyOf(budgets);
        strategies = List.copyOf(strategies);
        system = system == null ? "" : system;
        judgeModel = judgeModel == null || judgeModel.isBlank() ? null : judgeModel.strip();
        moreBaseUrls = moreBaseUrls == null ? List.of() : List.copyOf(moreBaseUrls);
        title = title == null ? "" : title;
        problemSet = problemSet == null ? "" : problemSet;
        if (engineId == null || engineId.isBlank()) {
            throw new IllegalArgumentException("no engine chosen");
        }
        if (confidence != null && !(confidence > 0 && confidence <= 1)) {
            throw new IllegalArgumentException("a confidence threshold is in (0, 1], was " + confidence);
        }
    }

    /**
     * Every server the sweep spreads over: the base URL ({@code engineDefault} when none was given) and then the
     * further ones; empty when nothing was given beyond the engine's default, so the engine picks its own.
     */
    public List<String> servers(String engineDefault) {
        if (moreBaseUrls.isEmpty()) {
            return baseUrl == null ? List.of() : List.of(baseUrl);
        }
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        if (baseUrl != null || engineDefault != null) {
            all.add(baseUrl != null ? baseUrl : engineDefault);
        }
        all.addAll(moreBaseUrls);
        return List.copyOf(all);
    }

    /**
     * The budgets as lanes.
     *
     * @throws IllegalArgumentException naming a budget that is not {@code label=spec} or does not parse
     */
    public List<Lane> lanes() {
        List<Lane> lanes = new ArrayList<>();
        for (String b : budgets) {
            int eq = b.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a budget needs LABEL=SPEC, was '" + b + "'");
            }
            lanes.add(new Lane(b.substring(0, eq).strip(), BudgetSpec.parse(b.substring(eq + 1))));
        }
        return lanes;
    }

    /** The strategies, with routing's difficulty scale read from {@code problems}. */
    public List<Strategy> strategies(List<BenchProblem> problems) {
        Strategies.Options options = new Strategies.Options(candidates,
                AdaptiveStrategy.Settings.agreeing(probeEvery, 1, agree).withConfidence(confidence),
                SweepPlan.maxDifficulty(problems, 5), judgeModel);
        return strategies.stream().map(n -> Strategies.named(n, options)).toList();
    }

    public Sampling sampling() {
        return new Sampling(temperature, null, seed, null);
    }

    /**
     * The plan over {@code problems}.
     *
     * @throws IllegalArgumentException saying what is wrong (no budgets, a bad budget, an unknown strategy, ...)
     */
    public SweepPlan plan(List<BenchProblem> problems) {
        return new SweepPlan(problems, lanes(), samples, strategies(problems), model, system, sampling());
    }
}
