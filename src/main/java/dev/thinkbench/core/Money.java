package dev.thinkbench.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A cost. {@code amount} null means unknown (no price for the model, or the token counts not known); {@code note}
 * says where the price came from or why it is zero ("local server: free").
 *
 * @param atLeast the amount is a lower bound: a run that ended before its prompt's tokens were reported (cancelled,
 *                cut off) is costed at its output alone, which a provider bills all the same
 * @param basis what the cost rests on: a price, an engine that costs nothing, or no price at all; a zero at a price
 *              (a hosted run billed nothing) is "$0", never "free", which only a local engine is
 */
public record Money(BigDecimal amount, String currency, String note, boolean atLeast, Basis basis) {

    /** What a cost rests on. */
    public enum Basis {
        /** A price per token (the provider's, or an estimate at a hosted model's rates). */
        PRICED,
        /** An engine that costs nothing: the built-in one, a local server. */
        FREE,
        /** No price is known for the model ({@code assets/pricing.json} has none). */
        UNPRICED
    }

    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal HUNDREDTH_CENT = new BigDecimal("0.0001");

    /** An amount (or an unknown one) at a price, possibly a lower bound. */
    public Money(BigDecimal amount, String currency, String note, boolean atLeast) {
        this(amount, currency, note, atLeast, Basis.PRICED);
    }

    /** An exact amount (or an unknown one) at a price. */
    public Money(BigDecimal amount, String currency, String note) {
        this(amount, currency, note, false);
    }

    /** Unknown at a known price: the token counts are not known (yet). */
    public static Money unknown(String note) {
        return new Money(null, "USD", note);
    }

    /** Nothing, from an engine that costs nothing. */
    public static Money free(String currency, String note) {
        return new Money(BigDecimal.ZERO, currency, note, false, Basis.FREE);
    }

    /** Unknown because the model has no price. */
    public static Money unpriced() {
        return new Money(null, "USD", "no price for this model", false, Basis.UNPRICED);
    }

    public boolean known() {
        return amount != null;
    }

    /** True for the cost of an engine that costs nothing (shown as "free"). */
    public boolean free() {
        return basis == Basis.FREE && known() && amount.signum() == 0;
    }

    /**
     * e.g. {@code $1.25}, {@code $0.0123}, {@code $0.00017}, {@code $0.00009}: below a cent two significant digits,
     * below a hundredth of a cent one (a short local run priced as a hosted model costs millionths: four decimals showed
     * it as {@code $0.0000}, and more digits do not fit a metric's cell); {@code ≥ $0.00003} for a lower bound;
     * {@code free} for a local engine, {@code $0} for nothing billed at a price, or a dash.
     */
    public String display() {
        if (amount == null) {
            return "\u2013";
        }
        if (free()) {
            return "free";
        }
        String symbol = (atLeast ? "\u2265 " : "") + ("USD".equals(currency) ? "$" : currency + " ");
        if (amount.signum() == 0) {
            return symbol + "0";
        }
        if (amount.compareTo(CENT) < 0) {
            int digits = amount.compareTo(HUNDREDTH_CENT) < 0 ? 1 : 2;
            return symbol + amount.round(new MathContext(digits, RoundingMode.HALF_UP)).stripTrailingZeros()
                    .toPlainString();
        }
        return symbol + amount.setScale(amount.compareTo(BigDecimal.ONE) >= 0 ? 2 : 4, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
