package dev.thinkbench.app;

import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.compat.OpenAiCompatEngine;
import dev.thinkbench.engine.ollama.OllamaEngine;

/** The engine kinds this build wires in, in the order the UI lists them. */
final class Engines {

    private Engines() {
    }

    static EngineRegistry registry() {
        return new EngineRegistry()
                .register(new EngineRegistry.Entry(OllamaEngine.ID, "Ollama", OllamaEngine.DEFAULT_BASE_URL,
                        OllamaEngine::new))
                .register(new EngineRegistry.Entry(OpenAiCompatEngine.ID,
                        "OpenAI-compatible (llama.cpp server, vLLM, LM Studio, DeepSeek)",
                        OpenAiCompatEngine.DEFAULT_BASE_URL, OpenAiCompatEngine::new));
    }
}
