package dev.thinkbench.engine.local.host;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How many threads the host gives one-token decodes: one for a tiny model, all for any other. */
class TokenThreadsTest {

    @Test
    void aModelBelowTheThresholdGeneratesOnOneThreadAndAnyOtherOnAll() {
        assertThat(LlamaSession.tokenThreads(1_100_000, 2)).as("the bundled micro model").isEqualTo(1);
        assertThat(LlamaSession.tokenThreads(LlamaSession.ONE_THREAD_TOKEN_PARAMETERS - 1, 8)).isEqualTo(1);
        assertThat(LlamaSession.tokenThreads(LlamaSession.ONE_THREAD_TOKEN_PARAMETERS, 8)).isEqualTo(8);
        assertThat(LlamaSession.tokenThreads(3_000_000, 2)).as("3M parameters decoded slower on one").isEqualTo(2);
        assertThat(LlamaSession.tokenThreads(600_000_000, 1)).isEqualTo(1);
    }

    /** 268 threads on 2 cores stalled every step and kept a cancelled run busy: no more threads than processors. */
    @Test
    void theEngineComputesWithAtMostOneThreadPerProcessor() {
        assertThat(LlamaSession.usableThreads(256, 2)).isEqualTo(2);
        assertThat(LlamaSession.usableThreads(4, 16)).isEqualTo(4);
        assertThat(LlamaSession.usableThreads(3, 0)).isEqualTo(1);
    }
}
