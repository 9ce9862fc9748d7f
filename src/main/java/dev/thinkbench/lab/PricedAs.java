package dev.thinkbench.lab;

import dev.thinkbench.core.Price;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.ReasoningEngine;

import java.util.List;
import java.util.Optional;

/**
 * "Priced as": a run that costs nothing (the built-in engine, a local server) costed at a hosted model's rates from
 * the price table, so the cost of a budget shows even offline. The cost then says it is an estimate at those rates,
 * with their source and date. A run that has a price of its own (a hosted API) keeps it. Pure; any thread.
 */
public final class PricedAs {

    private PricedAs() {
    }

    /**
     * The price a run is costed at: the engine's own, or, when that is free and {@code pricedAs} names a model of the
     * table, that model's rates as an estimate.
     *
     * @param pricedAs a model name of {@code table} (as {@link PriceTable#lookup} finds it), null or blank for none
     */
    public static Price price(ReasoningEngine engine, String model, PriceTable table, String pricedAs) {
        Price own = engine.price(model, table);
        if (pricedAs == null || pricedAs.isBlank() || own == null || !own.isFree()) {
            return own;
        }
        return estimate(table, pricedAs).orElse(own);
    }

    /** The table's price for {@code model} as an estimate, empty when the table has no such model. */
    public static Optional<Price> estimate(PriceTable table, String model) {
        return model == null || model.isBlank() ? Optional.empty()
                : table.lookup(model.strip()).map(Price::asEstimate);
    }

    /** The models one can price as: every entry of the table, by name, cheapest output first. */
    public static List<Price> choices(PriceTable table) {
        return table.all().stream()
                .sorted(java.util.Comparator.comparing(Price::outputPerMillion).thenComparing(Price::model))
                .toList();
    }
}
