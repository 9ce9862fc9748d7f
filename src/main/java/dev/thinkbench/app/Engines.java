package dev.thinkbench.app;

import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.compat.OpenAiCompatEngine;
import dev.thinkbench.engine.local.LocalBackends;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.ollama.OllamaEngine;
import dev.thinkbench.engine.raw.RawBackends;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.ForcingReasoningEngine;
import dev.thinkbench.forcing.RawEngines;
import dev.thinkbench.forcing.TemplateChooser;
import dev.thinkbench.forcing.TemplateMarkers;

/** The engine kinds this build wires in, in the order the UI lists them. */
final class Engines {

    private Engines() {
    }

    static EngineRegistry registry(LocalBackends builtin) {
        EngineRegistry registry = new EngineRegistry();
        registerBuiltin(registry, builtin);
        registry.register(new EngineRegistry.Entry(OllamaEngine.ID, "Ollama", OllamaEngine.DEFAULT_BASE_URL,
                        OllamaEngine::new))
                .register(new EngineRegistry.Entry(OpenAiCompatEngine.ID,
                        "OpenAI-compatible (llama.cpp server, vLLM, LM Studio, DeepSeek)",
                        OpenAiCompatEngine.DEFAULT_BASE_URL, OpenAiCompatEngine::new));
        registerRaw(registry, RawBackends.standard());
        return registry;
    }

    /**
     * The built-in engine (llama.cpp in a child process, started on the first run): budget forcing with each model's
     * template (the catalog's or family's, else the GGUF's own Jinja template, else chatml-think), models from the
     * models folder and other tools' stores.
     */
    static void registerBuiltin(EngineRegistry registry, LocalBackends builtins) {
        String name = "Built-in engine (llama.cpp)";
        registry.register(new EngineRegistry.Entry(LocalCompletionBackend.ID, name, null,
                config -> new ForcingReasoningEngine(LocalCompletionBackend.ID, name, builtins::backend,
                        TemplateChooser.perModel(ChatTemplates.CHATML_THINK, TemplateMarkers.THINK), true)));
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
