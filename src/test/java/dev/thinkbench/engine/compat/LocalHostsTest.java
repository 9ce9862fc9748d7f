package dev.thinkbench.engine.compat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LocalHostsTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "[::1]", "::1", "10.1.2.3", "172.20.0.5", "192.168.1.20",
            "169.254.10.10", "100.101.102.103", "fd12:3456::1", "fe80::1", "gpu-box", "llm.local", "server.lan",
            "vllm.internal", "box.home.arpa", "api.localhost", "0.0.0.0"})
    void ownMachineAndPrivateNetworksAreLocal(String host) {
        assertThat(LocalHosts.isLocal(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.deepseek.com", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:db8::1",
            "openrouter.ai", ""})
    void publicHostsAreNot(String host) {
        assertThat(LocalHosts.isLocal(host)).isFalse();
    }
}
