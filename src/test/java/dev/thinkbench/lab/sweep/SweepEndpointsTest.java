package dev.thinkbench.lab.sweep;

import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.testing.AnswerTestEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A sweep's endpoints as the command line and the Experiments tab build them: the built-in engine runs several runs
 * at once by default (its host batches them), servers four, and a given concurrency wins.
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
}
