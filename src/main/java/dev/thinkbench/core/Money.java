package dev.thinkbench.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A cost. {@code amount} null means unknown (no price for the model); {@code note} says where the price came from
 * or why it is zero ("local server: free").
 *
 * @param atLeast the amount is a lower bound: a run that ended before its prompt's tokens were reported (cancelled,
 *                cut off) is costed at its output alone, which a provider bills all the same
 */
public record Money(BigDecimal amount, String currency, String note, boolean atLeast) {

    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal HUNDREDTH_CENT = new BigDecimal("0.0001");

    /** An exact amount (or an unknown one). */
    public Money(BigDecimal amount, String currency, String note) {
        this(amount, currency, note, false);
    }

    public static Money unknown(String note) {
        return new Money(null, "USD", note);
    }

    public boolean known() {
        return amount != null;
    }

    /**
     * e.g. {@code $1.25}, {@code $0.0123}, {@code $0.00017}, {@code $0.00009}: below a cent two significant digits,
     * below a hundredth of a cent one (a short local run priced as a hosted model costs millionths: four decimals showed
     * it as {@code $0.0000}, and more digits do not fit a metric's cell); {@code ≥ $0.00003} for a lower bound;
     * {@code free}, or a dash.
     */
    public String display() {
        if (amount == null) {
            return "\u2013";
        }
        if (amount.signum() == 0) {
            return "free";
        }
        String symbol = (atLeast ? "\u2265 " : "") + ("USD".equals(currency) ? "$" : currency + " ");
        if (amount.compareTo(CENT) < 0) {
            int digits = amount.compareTo(HUNDREDTH_CENT) < 0 ? 1 : 2;
            return symbol + amount.round(new MathContext(digits, RoundingMode.HALF_UP)).stripTrailingZeros()
                    .toPlainString();
        }
        return symbol + amount.setScale(amount.compareTo(BigDecimal.ONE) >= 0 ? 2 : 4, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
