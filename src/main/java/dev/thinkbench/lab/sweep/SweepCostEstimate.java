package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.Price;
import dev.thinkbench.lab.strategy.VerifierStrategy;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A rough cost of a sweep before it starts, from the price table: each call's prompt (about four characters a token)
 * and, as output, its budget's thinking at its cap (an effort level at a typical size for it) and a short answer,
 * times the calls each run makes (best-of-N's candidates, the verifier's judges too). Runs often stop thinking before
 * the cap, so the estimate leans high. Pure; any thread.
 *
 * @param runs the runs in the plan
 * @param calls the model calls they make, about
 * @param price the model's price, null when the table has none
 * @param cost about what the sweep costs, null when it cannot be estimated (no price)
 */
public record SweepCostEstimate(int runs, long calls, Price price, BigDecimal cost) {

    /** Tokens an answer takes after the thinking, about. */
    static final int ANSWER_TOKENS = 200;
    /** Tokens the chat format adds to a prompt, about. */
    static final int PROMPT_OVERHEAD_TOKENS = 40;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** Whether the runs cost something: a known price that is not free, or a hosted model the table does not price. */
    public boolean paid() {
        return price == null || !price.isFree();
    }

    /**
     * The estimate of {@code plan} at {@code price}.
     *
     * @param price the model's price; null when it is not known (the cost then is not estimated)
     */
    public static SweepCostEstimate of(SweepPlan plan, Price price) {
        long calls = 0;
        long in = 0;
        long out = 0;
        int systemTokens = plan.system() == null ? 0 : plan.system().length() / 4;
        for (SweepTask t : plan.tasks()) {
            int perRun = t.strategy().candidates() * (t.strategy() instanceof VerifierStrategy ? 2 : 1);
            long prompt = t.problem().prompt().length() / 4 + systemTokens + PROMPT_OVERHEAD_TOKENS;
            calls += perRun;
            in += perRun * prompt;
            out += (long) perRun * (thinking(t.lane().budget()) + ANSWER_TOKENS);
        }
        BigDecimal cost = price == null ? null : price.inputPerMillion().multiply(BigDecimal.valueOf(in))
                .add(price.outputPerMillion().multiply(BigDecimal.valueOf(out)))
                .divide(MILLION, MathContext.DECIMAL64);
        return new SweepCostEstimate(plan.tasks().size(), calls, price, cost);
    }

    /** The thinking tokens a run of {@code budget} may spend: its cap, or a typical size for an effort level. */
    static int thinking(Budget budget) {
        return switch (budget) {
            case Budget.None n -> 0;
            case Budget.Tokens t -> t.maxThinkingTokens();
            case Budget.Forcing f -> f.plan().maxThinkingTokens();
            case Budget.Effort e -> switch (e.level()) {
                case NONE -> 0;
                case MINIMAL -> 512;
                case LOW -> 2_048;
                case MEDIUM -> 8_192;
                case HIGH -> 16_384;
                case XHIGH, MAX -> 32_768;
            };
        };
    }
}
