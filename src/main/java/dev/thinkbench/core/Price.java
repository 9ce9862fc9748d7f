package dev.thinkbench.core;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A model's list price per million tokens. Thinking tokens are billed as output.
 *
 * @param source where the price was read, and when
 */
public record Price(String model, BigDecimal inputPerMillion, BigDecimal outputPerMillion, String currency,
                    String source, String date) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final String ESTIMATE = "Estimate at ";

    /** A zero price for local servers and the embedded engine. */
    public static Price free(String why) {
        return new Price("*", BigDecimal.ZERO, BigDecimal.ZERO, "USD", why, "");
    }

    /** True when every token is free (a local server, the built-in engine). */
    public boolean isFree() {
        return inputPerMillion.signum() == 0 && outputPerMillion.signum() == 0;
    }

    /**
     * This price used as an estimate for a run that costs nothing (a local model priced as a hosted one): the cost's
     * note says so, naming the model, the rates, where they come from and when.
     */
    public Price asEstimate() {
        String rates = currency + " " + inputPerMillion.stripTrailingZeros().toPlainString() + " in / "
                + outputPerMillion.stripTrailingZeros().toPlainString() + " out per million tokens";
        String from = source == null || source.isBlank() ? "" : "; " + source + (date == null || date.isBlank() ? ""
                : ", " + date);
        return new Price(model, inputPerMillion, outputPerMillion, currency,
                ESTIMATE + displayName() + " rates (" + rates + from + ")", date);
    }

    /** True for a price made by {@link #asEstimate()} (also one read back from a saved session). */
    public boolean isEstimate() {
        return source != null && source.startsWith(ESTIMATE);
    }

    /** The model name without a trailing {@code *} (a prefix entry of the table). */
    public String displayName() {
        return model.endsWith("*") ? model.substring(0, model.length() - 1) : model;
    }

    /**
     * The cost of the given counts; unknown if the output count is unknown (prompt tokens unknown count as 0 only
     * when the price of input is 0). A free price costs nothing whatever the counts: a local run that failed before
     * its first token is free all the same.
     */
    public Money cost(Integer promptTokens, Integer outputTokens) {
        if (isFree()) {
            return Money.free(currency, source);
        }
        if (outputTokens == null || (promptTokens == null && inputPerMillion.signum() != 0)) {
            return Money.unknown("token counts not known");
        }
        BigDecimal in = inputPerMillion.multiply(BigDecimal.valueOf(promptTokens == null ? 0 : promptTokens));
        BigDecimal out = outputPerMillion.multiply(BigDecimal.valueOf(outputTokens));
        return new Money(in.add(out).divide(MILLION, MathContext.DECIMAL64), currency, source);
    }

    /**
     * The least a run cost whose prompt's tokens were never reported (it was cancelled or cut off first): its
     * output tokens alone, marked as a lower bound, the note saying why.
     */
    public Money outputCostAtLeast(int outputTokens) {
        BigDecimal out = outputPerMillion.multiply(BigDecimal.valueOf(outputTokens));
        return new Money(out.divide(MILLION, MathContext.DECIMAL64), currency,
                source + "; at least: the run ended before its prompt's tokens were reported, so only its output is "
                        + "counted", true);
    }
}
