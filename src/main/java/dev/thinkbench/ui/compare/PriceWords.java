package dev.thinkbench.ui.compare;

import dev.thinkbench.core.Price;
import dev.thinkbench.ui.common.Messages;

/** A price in the app's language, for what the cost chart says it estimates at. Stateless. */
final class PriceWords {

    private PriceWords() {
    }

    /** "Estimate at gpt-5.4-mini rates (USD 0.75 in / 4.5 out per million tokens; a price list, 2026-06)". */
    static String estimate(Price p) {
        String from = p.source() == null || p.source().isBlank() ? "" : "; " + p.source()
                + (p.date() == null || p.date().isBlank() ? "" : ", " + p.date());
        return Messages.get("chart.cost.estimate", p.displayName(), p.currency(),
                p.inputPerMillion().stripTrailingZeros().toPlainString(),
                p.outputPerMillion().stripTrailingZeros().toPlainString(), from);
    }
}
