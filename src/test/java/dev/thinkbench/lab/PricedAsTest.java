package dev.thinkbench.lab;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.Money;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.ReasoningEventSink;
import dev.thinkbench.engine.RunHandle;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Free runs priced as a hosted model: the cost says it is an estimate, at which rates, from where and when. */
class PricedAsTest {

    /** A test double that only has a price: never started. */
    private record PricedTestEngine(Price own) implements ReasoningEngine {
        @Override public String id() { return "priced"; }
        @Override public String displayName() { return "Priced test engine"; }
        @Override public EngineCapabilities capabilities() {
            return new EngineCapabilities(Set.of(Budget.Kind.NONE), List.of(), true, false, false);
        }
        @Override public List<ModelInfo> listModels() { return List.of(); }
        @Override public String describe(Budget budget) { return ""; }
        @Override public Price price(String model, PriceTable table) { return own; }
        @Override public RunHandle start(RunSpec spec, ReasoningEventSink sink) {
            throw new UnsupportedOperationException("never started");
        }
    }

    private static PriceTable table() throws IOException {
        String json = "{\"prices\":[{\"model\":\"gpt-5.4-mini*\",\"input\":0.75,\"output\":4.50,"
                + "\"source\":\"a list\",\"date\":\"2026-06\"},{\"model\":\"opus\",\"input\":5,\"output\":25}]}";
        return PriceTable.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFreeRunPricedAsAHostedModelCostsItsRatesAsAnEstimate() throws IOException {
        ReasoningEngine free = new PricedTestEngine(Price.free("local"));

        Price p = PricedAs.price(free, "micro", table(), "gpt-5.4-mini");
        Money cost = p.cost(100, 1000);

        assertThat(cost.amount()).isEqualByComparingTo("0.004575");
        assertThat(cost.note()).isEqualTo("Estimate at gpt-5.4-mini rates (USD 0.75 in / 4.5 out per million tokens; "
                + "a list, 2026-06)");
        assertThat(PricedAs.price(free, "micro", table(), null).isFree()).isTrue();
        assertThat(PricedAs.price(free, "micro", table(), "unknown").isFree()).isTrue();
    }

    /**
     * A local server's own prompt cache (llama-server reports cached tokens too) says nothing of what the hosted
     * provider's cache would hold: the estimate prices every prompt token at the full input rate.
     */
    @Test
    void anEstimateIgnoresTheHostedModelsCachedRate() throws IOException {
        String json = "{\"prices\":[{\"model\":\"gpt-5.5*\",\"input\":5,\"cachedInput\":0.5,\"output\":30}]}";
        PriceTable table = PriceTable.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(table.lookup("gpt-5.5").orElseThrow().cachedInputPerMillion()).isEqualByComparingTo("0.5");

        Price p = PricedAs.price(new PricedTestEngine(Price.free("local")), "micro", table, "gpt-5.5");

        assertThat(p.cost(1000, 800, 100).amount()).isEqualByComparingTo(p.cost(1000, 100).amount())
                .isEqualByComparingTo("0.008");
    }

    @Test
    void aRunWithAPriceOfItsOwnKeepsIt() throws IOException {
        Price own = new Price("deepseek", BigDecimal.ONE, BigDecimal.TEN, "USD", "own", "");

        assertThat(PricedAs.price(new PricedTestEngine(own), "deepseek", table(), "gpt-5.4-mini")).isSameAs(own);
    }

    @Test
    void theChoicesAreTheTableCheapestFirst() throws IOException {
        assertThat(PricedAs.choices(table())).extracting(Price::displayName).containsExactly("gpt-5.4-mini", "opus");
    }
}
