package dev.thinkbench.app;

import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ReasoningEngine;
import org.junit.jupiter.api.Test;

import dev.thinkbench.engine.local.LocalBackends;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EnginesTest {

    private final LocalBackends builtin = LocalBackends.standard(Path.of("target/engines-test-data"));

    @Test
    void registersTheLocalServerEnginesWithTheirDefaultUrls() {
        EngineRegistry registry = Engines.registry(builtin);

        assertThat(registry.entries()).extracting(EngineRegistry.Entry::id)
                .containsSubsequence("builtin", "ollama", "openai-compatible", "llama-server");
        assertThat(registry.get("ollama").defaultBaseUrl()).isEqualTo("http://127.0.0.1:11434");
        assertThat(registry.get("openai-compatible").defaultBaseUrl()).isEqualTo("http://127.0.0.1:8080/v1");
    }

    @Test
    void factoriesBuildEnginesWithoutContactingTheServer() {
        EngineRegistry registry = Engines.registry(builtin);
        for (String id : new String[] {"ollama", "openai-compatible"}) {
            EngineRegistry.Entry entry = registry.get(id);
            ReasoningEngine engine = entry.factory().create(new EngineConfig(id, URI.create(entry.defaultBaseUrl()),
                    null, Duration.ofSeconds(5)));
            assertThat(engine.id()).isEqualTo(id);
            assertThat(engine.displayName()).contains(entry.defaultBaseUrl());
        }
    }

    @Test
    void theBuiltInEngineChoosesEachModelsTemplate() {
        EngineRegistry.Entry entry = Engines.registry(builtin).get("builtin");

        ReasoningEngine engine = entry.factory().create(new EngineConfig("builtin", null, null,
                Duration.ofSeconds(5)));

        assertThat(engine.displayName()).isEqualTo("Built-in engine (llama.cpp) \u00b7 template per model "
                + "(else chatml-think)");
    }

    @Test
    void configNeverPrintsTheKey() {
        EngineConfig config = new EngineConfig("openai-compatible", URI.create("https://api.deepseek.com"),
                "sk-very-secret", null, "DEEPSEEK_API_KEY");
        assertThat(config.toString()).doesNotContain("sk-very-secret").contains("DEEPSEEK_API_KEY");
    }
}
