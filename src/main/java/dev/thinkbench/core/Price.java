package dev.thinkbench.core;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A model's list price per million tokens. Thinking tokens are billed as output.
 *
 * @param source where the price was read, and when
 * @param cachedInputPerMillion the price of a prompt token read from the provider's prompt cache, null where the
 *                              table lists none: then cached prompt tokens are priced at the full input rate
 */
public record Price(String model, BigDecimal inputPerMillion, BigDecimal outputPerMillion, String currency,
                    String source, String date, BigDecimal cachedInputPerMillion) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final String ESTIMATE = "Estimate at ";

    /** A price with no cached-input rate: every prompt token at {@code inputPerMillion}. */
    public Price(String model, BigDecimal inputPerMillion, BigDecimal outputPerMillion, String currency,
                 String source, String date) {
        this(model, inputPerMillion, outputPerMillion, currency, source, date, null);
    }

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
     * note says so, naming the model, the rates, where they come from and when. The estimate has no cached-input
     * rate: a local server's own prompt cache says nothing of what the provider's cache would have held.
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
        return cost(promptTokens, null, outputTokens);
    }

    /**
     * As {@link #cost(Integer, Integer)}, with {@code cachedPromptTokens} of the prompt tokens read from the provider's
     * prompt cache: those are priced at {@link #cachedInputPerMillion} where this price has one, and at the full input
     * rate where it has none (the note then says so). With no cached tokens (null or 0) the cost is the same as
     * without them.
     */
    public Money cost(Integer promptTokens, Integer cachedPromptTokens, Integer outputTokens) {
        if (isFree()) {
            return Money.free(currency, source);
        }
        if (outputTokens == null || (promptTokens == null && inputPerMillion.signum() != 0)) {
            return Money.unknown("token counts not known");
        }
        int prompt = promptTokens == null ? 0 : promptTokens;
        int cached = cachedPromptTokens == null || promptTokens == null ? 0
                : Math.max(0, Math.min(cachedPromptTokens, prompt));
        BigDecimal cachedRate = cachedInputPerMillion == null ? inputPerMillion : cachedInputPerMillion;
        BigDecimal in = inputPerMillion.multiply(BigDecimal.valueOf(prompt - cached))
                .add(cachedRate.multiply(BigDecimal.valueOf(cached)));
        BigDecimal out = outputPerMillion.multiply(BigDecimal.valueOf(outputTokens));
        return new Money(in.add(out).divide(MILLION, MathContext.DECIMAL64), currency, cachedNote(cached));
    }

    /** The source, and how cached prompt tokens were priced when there were any. */
    private String cachedNote(int cached) {
        if (cached == 0) {
            return source;
        }
        String tokens = cached == 1 ? "1 prompt token" : cached + " prompt tokens";
        String from = source == null || source.isBlank() ? "" : source + "; ";
        return from + tokens + " read from the provider's cache " + (cachedInputPerMillion == null
                ? "priced at the full input rate (no cached rate is listed for this model)"
                : "priced at the cached rate of " + currency + " "
                        + cachedInputPerMillion.stripTrailingZeros().toPlainString() + " per million");
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
