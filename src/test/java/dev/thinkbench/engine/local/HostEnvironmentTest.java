package dev.thinkbench.engine.local;

import dev.thinkbench.engine.local.llama.NativeLibraries;
import dev.thinkbench.testing.FakeKeys;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HostEnvironmentTest {

    @Test
    void theHostKeepsOnlyWhatAJvmAndLlamaCppNeedAndNoKeyShapedName() {
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin", "HOME", "/home/u", "LC_ALL", "C.UTF-8",
                "OMP_NUM_THREADS", "2", "OPENAI_API_KEY", "sk-live-123", "MY_GROQ", "gsk_abc",
                "ANTHROPIC_API_KEY", FakeKeys.of("sk-ant", "1"), "GGML_API_TOKEN", "t", "Path", "C:\\Windows"));

        HostEnvironment.restrict(env);

        assertThat(env).containsOnlyKeys("PATH", "HOME", "LC_ALL", "OMP_NUM_THREADS", "Path");
        assertThat(env.values()).noneMatch(v -> v.startsWith("sk-") || v.startsWith("gsk_"));
    }

    @Test
    void theHostLoadsLlamaCppFromTheFolderTheAppWasPointedAt() {
        Map<String, String> env = new HashMap<>(Map.of(NativeLibraries.LIB_DIR_ENV, "/opt/llama.cpp/lib",
                "THINKBENCH_OTHER", "x"));

        HostEnvironment.restrict(env);

        assertThat(env).containsOnly(Map.entry(NativeLibraries.LIB_DIR_ENV, "/opt/llama.cpp/lib"));
    }
}
