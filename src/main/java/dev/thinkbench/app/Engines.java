package dev.thinkbench.app;

import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.compat.OpenAiCompatEngine;
import dev.thinkbench.engine.local.LocalBackends;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.engine.ollama.OllamaEngine;
import dev.thinkbench.engine.raw.RawBackendKinds;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.ForcingReasoningEngine;
import dev.thinkbench.forcing.RawEngines;
import dev.thinkbench.forcing.TemplateChooser;

/** The engine kinds this build wires in, in the order the UI lists them: the one registry every part reads. */
final class Engines {

    private Engines() {
    }

    static EngineRegistry registry(LocalBackends builtin) {
        EngineRegistry registry = new EngineRegistry();
        registerBuiltin(registry, builtin);
        registry.register(new EngineRegistry.Entry(OllamaEngine.ID, "Ollama",
                        "Ollama's /api/chat: thinking on or off, a token cap", OllamaEngine.DEFAULT_BASE_URL, null,
                        OllamaEngine::new, null))
                .register(new EngineRegistry.Entry(OpenAiCompatEngine.ID,
                        "OpenAI-compatible (llama.cpp server, vLLM, LM Studio, DeepSeek)",
                        "/v1/chat/completions of llama.cpp, vLLM, LM Studio or DeepSeek: reasoning_effort, max_tokens",
                        OpenAiCompatEngine.DEFAULT_BASE_URL, null, OpenAiCompatEngine::new, null));
        for (EngineRegistry.Entry kind : RawBackendKinds.standard()) {
            registry.register(RawEngines.forcing(kind, ChatTemplates.CHATML_THINK));
        }
        return registry;
    }

    /**
     * The built-in engine (llama.cpp in a child process, started on the first run): budget forcing with each model's
     * template (the catalog's or family's, else the GGUF's own Jinja template, else chatml-think), models from the
     * models folder and other tools' stores; it steps like the HTTP raw engines, on the workbench's shared process.
     */
    static void registerBuiltin(EngineRegistry registry, LocalBackends builtins) {
        String name = "Built-in engine (llama.cpp)";
        registry.register(new EngineRegistry.Entry(LocalCompletionBackend.ID, name,
                "llama.cpp in a child process on this machine; --model is a GGUF file or a model in the models folder",
                null, null,
                config -> new ForcingReasoningEngine(LocalCompletionBackend.ID, name, builtins::backend,
                        TemplateChooser.byModel(), true),
                spec -> builtins.backend(spec.model())));
    }
}
