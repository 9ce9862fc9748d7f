package dev.thinkbench.lab.strategy;

import dev.thinkbench.core.Worded;
import dev.thinkbench.lab.Lane;

import java.util.List;

/**
 * How a strategy ended on one problem.
 *
 * @param chosen the call whose answer is the strategy's answer (graded), or the failed call when none succeeded
 * @param calls every call the strategy made (candidates, judge and classification prompts, the chosen one too), for
 *              compute and cost
 * @param extraTokens tokens generated outside any call (adaptive thinking's answer probes)
 * @param lane the budget actually used (routing picks one; other strategies use the run's)
 * @param candidates the candidates or probes and how they fared, empty for a single run
 * @param note how the pick was made, for people (e.g. {@code 3 of 5 votes for 42}), null if there is nothing to say
 */
public record StrategyResult(Call chosen, List<Call> calls, int extraTokens, Lane lane, List<Candidate> candidates,
                             Worded note) {

    public StrategyResult {
        if (chosen == null || lane == null) {
            throw new IllegalArgumentException("a strategy result needs the chosen call and its budget");
        }
        calls = List.copyOf(calls);
        candidates = List.copyOf(candidates);
    }

    /** A single call at {@code lane}: the fixed strategy's result. */
    public static StrategyResult single(Call call, Lane lane) {
        return new StrategyResult(call, List.of(call), 0, lane, List.of(), null);
    }

    /**
     * Compute spent, in generated tokens: everything every call generated plus {@link #extraTokens}, except the
     * chosen call's answer (its own answer tokens are reported apart). A call whose parts are not known but whose
     * output is (an API that reports only the total, as Anthropic does without a thinking count) counts all of its
     * output, its answer included: a few tokens more, rather than no curve at all. Null when a call's compute is
     * not known at all.
     */
    public Integer computeTokens() {
        long total = extraTokens;
        for (Call c : calls) {
            Integer thinking = c.thinkingTokens();
            Integer answer = c.answerTokens();
            Integer spent = c.metrics().outputTokens();
            if (thinking != null && (c == chosen || answer != null)) {
                spent = thinking + (c == chosen ? 0 : answer);
            }
            if (spent == null) {
                return null;
            }
            total += spent;
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    /** Engine time of all calls together, in ms; null when any is unknown. */
    public Long totalMs() {
        long total = 0;
        for (Call c : calls) {
            if (c.metrics().totalMs() == null) {
                return null;
            }
            total += c.metrics().totalMs();
        }
        return total;
    }

    /** The cost of all calls in USD, null when any is unknown. */
    public Double costUsd() {
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (Call c : calls) {
            if (!c.metrics().cost().known()) {
                return null;
            }
            total = total.add(c.metrics().cost().amount());
        }
        return total.doubleValue();
    }
}
