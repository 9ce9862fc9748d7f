package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.local.LocalEngineProcess;
import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.strategy.FixedStrategy;
import dev.thinkbench.testing.AnswerTestEngine;
import dev.thinkbench.testing.ScriptedTestBackend;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A sweep's endpoints as the command line and the Experiments tab build them: the built-in engine runs several runs
 * at once by default (its host batches them), servers four, and a given concurrency wins; the built-in engine's
 * context size is what its sweep ran with.
 */
class SweepEndpointsTest {

    private static EngineRegistry.Entry entry(String id, String url) {
        return new EngineRegistry.Entry(id, id, url,
                config -> new AnswerTestEngine(id, spec -> AnswerTestEngine.Reply.answer("Final Answer: 1", 1)));
    }

    private static final EngineRegistry.Entry BUILTIN = entry(LocalCompletionBackend.ID, null);
    private static final EngineRegistry.Entry SERVER = entry("server", "http://127.0.0.1:1/v1");

    @Test
    void theBuiltInEngineRunsSeveralAtOnceByDefaultWithinItsSequences() {
        List<Endpoint> endpoints = SweepEndpoints.build(BUILTIN, "micro", List.of(), null, null,
                Duration.ofSeconds(5), null, null);

        assertThat(endpoints).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo(LocalCompletionBackend.ID);
            assertThat(e.concurrency()).isEqualTo(SweepEndpoints.BUILTIN_CONCURRENCY).isGreaterThan(1)
                    .isLessThanOrEqualTo(LocalCompletionBackend.MAX_SEQUENCES);
        });
    }

    @Test
    void aGivenConcurrencyWinsAndServersDefaultToTheirOwn() {
        assertThat(SweepEndpoints.build(BUILTIN, "micro", List.of(), null, null, Duration.ofSeconds(5), null, 1))
                .singleElement().extracting(Endpoint::concurrency).isEqualTo(1);
        assertThat(SweepEndpoints.build(SERVER, "m", List.of("http://a:1/v1", "http://b:1/v1"), null, null,
                Duration.ofSeconds(5), null, null)).extracting(Endpoint::concurrency)
                .containsExactly(SweepEndpoints.SERVER_CONCURRENCY, SweepEndpoints.SERVER_CONCURRENCY);
    }

    @Test
    void theBuiltInEngineTakesNoBaseUrl() {
        assertThatThrownBy(() -> SweepEndpoints.build(BUILTIN, "micro", List.of("http://x:1"), null, null,
                Duration.ofSeconds(5), null, null)).hasMessageContaining("takes no --base-url");
    }

    /** The built-in engine whose raw backends are the real one's at {@code settings} (nothing is started). */
    private static EngineRegistry.Entry builtinAt(LocalEngineSettings settings) {
        LocalEngineProcess process = new LocalEngineProcess();
        return new EngineRegistry.Entry(LocalCompletionBackend.ID, "Built-in", "Built-in", null, null,
                config -> new AnswerTestEngine(LocalCompletionBackend.ID,
                        spec -> AnswerTestEngine.Reply.answer("Final Answer: 1", 1)),
                spec -> new LocalCompletionBackend(process, Path.of(spec.model()), settings));
    }

    private static List<Endpoint> endpoints(EngineRegistry.Entry entry) {
        return SweepEndpoints.build(entry, "micro.gguf", List.of(), null, null, Duration.ofSeconds(5), null, null);
    }

    @Test
    void theBuiltInEnginesContextSizeIsTheOneItsSettingsAskForAndAServersIsUnknown() {
        assertThat(SweepEndpoints.contextSize(endpoints(builtinAt(new LocalEngineSettings(1, 1000))))).isEqualTo(1000);
        assertThat(SweepEndpoints.contextSize(endpoints(builtinAt(LocalEngineSettings.defaults()))))
                .isEqualTo(LocalEngineSettings.DEFAULT_CONTEXT);
        assertThat(SweepEndpoints.contextSize(endpoints(SERVER))).as("a chat engine's server sets its own").isNull();
        EngineRegistry.Entry rawServer = new EngineRegistry.Entry("raw", "Raw", "Raw", "http://127.0.0.1:1", null,
                SERVER.factory(), spec -> new ScriptedTestBackend());
        assertThat(SweepEndpoints.contextSize(endpoints(rawServer))).as("a raw server's is not known here").isNull();
        assertThat(SweepEndpoints.contextSize(List.of())).isNull();
    }

    @Test
    void aSweepOnTheBuiltInEngineRunsWithItsContextSize() {
        SweepPlan plan = new SweepPlan(List.of(BenchProblem.of("p", "2+2?", "4")),
                List.of(new Lane("small", BudgetSpec.parse("tokens:8"))), 1, List.of(new FixedStrategy()),
                "micro.gguf", "", null);

        SweepRunner builtin = new SweepRunner(endpoints(builtinAt(new LocalEngineSettings(1, 2048))),
                PriceTable.empty());
        assertThat(builtin.asRun(plan).contextSize()).isEqualTo(2048);
        assertThat(builtin.asRun(plan).ranWith()).endsWith(", context 2048");
        assertThat(builtin.asRun(plan.withContextSize(512)).contextSize()).as("a plan's own is kept").isEqualTo(512);
        assertThat(new SweepRunner(endpoints(SERVER), PriceTable.empty()).asRun(plan)).isEqualTo(plan);
    }
}
