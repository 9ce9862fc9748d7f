package dev.thinkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.ReasoningEventSink;
import dev.thinkbench.engine.RunHandle;
import dev.thinkbench.lab.BudgetPresets;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code compare --expected} grades each run, {@code --priced-as} costs free runs, and runs carry modelLoadMs. */
class CompareGradingTest {

    /**
     * A free test double: at {@code tokens:N} it thinks N tokens and answers "Final Answer: N"; {@code tokens:13}
     * fails; {@code tokens:7} waited 1,234 ms for a model load before it started.
     */
    static final class CountingTestEngine implements ReasoningEngine {
        @Override public String id() { return "count"; }
        @Override public String displayName() { return "Counting test engine"; }
        @Override public EngineCapabilities capabilities() {
            return new EngineCapabilities(Set.of(Budget.Kind.TOKENS), List.of(), true, false, false);
        }
        @Override public List<ModelInfo> listModels() { return List.of(new ModelInfo("m", "")); }
        @Override public String describe(Budget budget) { return budget.spec(); }
        @Override public Price price(String model, PriceTable table) { return Price.free("local"); }
        @Override public RunHandle start(RunSpec spec, ReasoningEventSink sink) {
            int n = ((Budget.Tokens) spec.budget()).maxThinkingTokens();
            CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
                long t = System.nanoTime();
                sink.accept(new ReasoningEvent.Started(t, spec.model(), spec.budget().spec(), n == 7 ? 1234L : null));
                sink.accept(new ReasoningEvent.ThinkingDelta(t + 1_000_000, "t".repeat(n), n));
                if (n == 13) {
                    sink.accept(new ReasoningEvent.Failed(t + 2_000_000, FailureKind.STREAM_CUT, "cut"));
                    return;
                }
                sink.accept(new ReasoningEvent.AnswerDelta(t + 3_000_000, "Final Answer: " + n, 4));
                sink.accept(new ReasoningEvent.UsageReported(t + 3_500_000, new Usage(10, null, null)));
                sink.accept(new ReasoningEvent.Finished(t + 4_000_000, ReasoningEvent.StopReason.END_OF_TURN));
            });
            return new RunHandle() {
                @Override public void cancel() { }
                @Override public CompletableFuture<Void> done() { return done; }
            };
        }
    }

    private record Services(EngineRegistry engines, PriceTable prices) implements CliServices {
        @Override public BudgetPresets presets() {
            return new BudgetPresets(Map.of());
        }
    }


    private static PriceTable prices() throws IOException {
        String json = "{\"prices\":[{\"model\":\"gpt-5.4-mini*\",\"input\":0.75,\"output\":4.50,\"currency\":\"USD\","
                + "\"source\":\"a price list\",\"date\":\"2026-06\"}]}";
        return PriceTable.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static CliRun run(String... args) throws IOException {
        EngineRegistry registry = new EngineRegistry().register(new EngineRegistry.Entry("count", "Count",
                null, config -> new CountingTestEngine()));
        return CliRun.of(new Services(registry, prices()), args);
    }

    private static JsonNode runs(CliRun r) throws IOException {
        return new ObjectMapper().readTree(r.out()).get("runs");
    }

    @Test
    void expectedGradesEachRunTrueFalseOrNullWhenItDidNotFinish() throws Exception {
        CliRun r = run("compare", "--engine", "count", "--model", "m", "--prompt", "q", "--format", "json",
                "--expected", "24", "--budget", "a=tokens:8", "--budget", "b=tokens:24", "--budget", "c=tokens:13");

        JsonNode runs = runs(r);
        assertThat(runs.get(0).get("expected").asText()).isEqualTo("24");
        assertThat(runs.get(0).get("extracted").asText()).isEqualTo("8");
        assertThat(runs.get(0).get("correct").asBoolean()).isFalse();
        assertThat(runs.get(1).get("correct").asBoolean()).isTrue();
        assertThat(runs.get(2).get("status").asText()).isEqualTo("failed");
        assertThat(runs.get(2).get("correct").isNull()).isTrue();
    }

    @Test
    void withoutExpectedTheRunsCarryNoGrade() throws Exception {
        CliRun r = run("compare", "--engine", "count", "--model", "m", "--prompt", "q", "--format", "json",
                "--budget", "a=tokens:8");

        assertThat(runs(r).get(0).has("correct")).isFalse();
        assertThat(runs(r).get(0).has("expected")).isFalse();
    }

    @Test
    void pricedAsFillsTheCostOfFreeRunsAtThatModelsRates() throws Exception {
        CliRun r = run("compare", "--engine", "count", "--model", "m", "--prompt", "q", "--format", "json",
                "--priced-as", "gpt-5.4-mini", "--budget", "a=tokens:8", "--budget", "b=tokens:80");

        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("pricedAs").asText()).isEqualTo("gpt-5.4-mini");
        JsonNode runs = root.get("runs");
        assertThat(runs.get(0).get("pricedAs").asText()).isEqualTo("gpt-5.4-mini");
        // 10 prompt tokens at $0.75 and 8 thinking + 4 answer tokens at $4.50 per million
        assertThat(runs.get(0).get("metrics").get("costUsd").decimalValue()).isEqualByComparingTo("0.0000615");
        assertThat(runs.get(1).get("metrics").get("costUsd").decimalValue())
                .isGreaterThan(runs.get(0).get("metrics").get("costUsd").decimalValue());
    }

    @Test
    void withoutPricedAsFreeRunsStayFree() throws Exception {
        CliRun r = run("compare", "--engine", "count", "--model", "m", "--prompt", "q", "--format", "json",
                "--budget", "a=tokens:8");

        assertThat(runs(r).get(0).get("metrics").get("costUsd").decimalValue()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).has("pricedAs")).isFalse();
    }

    @Test
    void anUnknownPricedAsModelIsAUsageErrorNamingTheChoices() throws Exception {
        CliRun r = run("compare", "--engine", "count", "--model", "m", "--prompt", "q", "--priced-as", "gpt-9",
                "--budget", "a=tokens:8");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--priced-as: no price for 'gpt-9'", "gpt-5.4-mini");
    }

    @Test
    void metricsCarryTheModelLoadApartFromTheTimeToTheFirstToken() throws Exception {
        CliRun r = run("compare", "--engine", "count", "--model", "m", "--prompt", "q", "--format", "json",
                "--budget", "a=tokens:7", "--budget", "b=tokens:8");

        JsonNode loaded = runs(r).get(0).get("metrics");
        assertThat(loaded.get("modelLoadMs").asLong()).isEqualTo(1234);
        assertThat(loaded.get("timeToFirstThinkingMs").asLong()).isLessThan(1234);
        assertThat(runs(r).get(1).get("metrics").get("modelLoadMs").isNull()).isTrue();
    }

    @Test
    void theTableMarksEachAnswerRightOrWrongAndNamesTheEstimate() throws Exception {
        CliRun r = run("compare", "--engine", "count", "--model", "m", "--prompt", "q", "--expected", "24",
                "--priced-as", "gpt-5.4-mini", "--budget", "a=tokens:8", "--budget", "b=tokens:24");

        assertThat(r.out()).contains("== a == wrong: 8 (expected 24)", "== b == right: 24",
                "Estimate at gpt-5.4-mini rates");
    }
}
