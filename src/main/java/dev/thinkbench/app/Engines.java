package dev.thinkbench.app;

import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.compat.OpenAiCompatEngine;
import dev.thinkbench.engine.ollama.OllamaEngine;
import dev.thinkbench.engine.raw.RawBackends;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.RawEngines;

/** The engine kinds this build wires in, in the order the UI lists them. */
final class Engines {

    private Engines() {
    }

    static EngineRegistry registry() {
        EngineRegistry registry = new EngineRegistry()
                .register(new EngineRegistry.Entry(OllamaEngine.ID, "Ollama", OllamaEngine.DEFAULT_BASE_URL,
                        OllamaEngine::new))
                .register(new EngineRegistry.Entry(OpenAiCompatEngine.ID,
                        "OpenAI-compatible (llama.cpp server, vLLM, LM Studio, DeepSeek)",
                        OpenAiCompatEngine.DEFAULT_BASE_URL, OpenAiCompatEngine::new));
        registerRaw(registry, RawBackends.standard());
        return registry;
    }

    /**
     * The raw-continuation engines (llama-server, openai-completions, ollama-raw, deepseek-prefix): budget forcing
     * over the chatml-think template by default.
     */
    static void registerRaw(EngineRegistry registry, RawBackends kinds) {
        for (RawBackends.Kind kind : kinds.kinds()) {
            registry.register(new EngineRegistry.Entry(kind.id(), kind.displayName(), kind.defaultBaseUrl(),
                    config -> RawEngines.create(kinds, config, ChatTemplates.CHATML_THINK)));
        }
    }
}
