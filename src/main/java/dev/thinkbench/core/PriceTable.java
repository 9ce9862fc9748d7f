package dev.thinkbench.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Model prices from {@code assets/pricing.json}: per model name (or name prefix ending in {@code *}), input and output
 * price per million tokens, the cached-input price where the source gives one, currency, source and date. Users edit
 * the file; the longest matching entry wins.
 */
public final class PriceTable {

    private final List<Price> prices;

    public PriceTable(List<Price> prices) {
        this.prices = prices.stream()
                .sorted(Comparator.comparingInt((Price p) -> p.model().length()).reversed())
                .toList();
    }

    public static PriceTable empty() {
        return new PriceTable(List.of());
    }

    /**
     * Reads the JSON form: {@code {"version":1,"prices":[{"model":"deepseek-chat","input":0.28,"cachedInput":0.028,
     * "output":0.42,"currency":"USD","source":"...","date":"2025-12-09"}]}}; {@code cachedInput} (the price of a
     * prompt token read from the provider's cache) is optional.
     *
     * @throws IOException with a message naming the entry that is wrong
     */
    public static PriceTable read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        JsonNode list = root == null ? null : root.get("prices");
        if (list == null || !list.isArray()) {
            throw new IOException("pricing file has no \"prices\" list");
        }
        List<Price> prices = new ArrayList<>();
        for (JsonNode n : list) {
            String model = n.path("model").asText("");
            if (model.isBlank() || !n.path("input").isNumber() || !n.path("output").isNumber()) {
                throw new IOException("pricing entry " + n + " needs model, input and output");
            }
            JsonNode cached = n.path("cachedInput");
            if (!cached.isMissingNode() && !cached.isNull() && !cached.isNumber()) {
                throw new IOException("pricing entry " + n + ": cachedInput must be a number");
            }
            prices.add(new Price(model.toLowerCase(Locale.ROOT), n.get("input").decimalValue(),
                    n.get("output").decimalValue(), n.path("currency").asText("USD"),
                    n.path("source").asText(""), n.path("date").asText(""),
                    cached.isNumber() ? cached.decimalValue() : null));
        }
        return new PriceTable(prices);
    }

    /** The price for a model name: exact match first, then the longest {@code prefix*} entry. */
    public Optional<Price> lookup(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        for (Price p : prices) {
            if (p.model().equals(m)) {
                return Optional.of(p);
            }
        }
        for (Price p : prices) {
            if (p.model().endsWith("*") && m.startsWith(p.model().substring(0, p.model().length() - 1))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public List<Price> all() {
        return prices;
    }

    static BigDecimal perMillion(double v) {
        return BigDecimal.valueOf(v);
    }
}
