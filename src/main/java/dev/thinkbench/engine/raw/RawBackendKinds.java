package dev.thinkbench.engine.raw;

import dev.thinkbench.engine.EngineRegistry;

import java.util.List;

/**
 * The HTTP raw-continuation engine kinds of this package, as registry entries that make their backends but no
 * engine yet: the composition root adds the budget-forcing engine over them (the forcing layer sits above this one).
 */
public final class RawBackendKinds {

    private RawBackendKinds() {
    }

    /** llama-server, OpenAI-style completions, Ollama raw and DeepSeek prefix completion, in that order. */
    public static List<EngineRegistry.Entry> standard() {
        return List.of(
                new EngineRegistry.Entry(LlamaServerBackend.ID, "llama.cpp server (/completion)",
                        "llama.cpp's llama-server, raw /completion with the prompt cache: budget forcing, stepping",
                        "http://127.0.0.1:8080", null, null, LlamaServerBackend::new),
                new EngineRegistry.Entry(OpenAiCompletionsBackend.ID,
                        "OpenAI-compatible completions (vLLM, LM Studio)",
                        "vLLM, LM Studio or llama.cpp's /v1/completions, raw text: budget forcing, stepping",
                        "http://127.0.0.1:8000/v1", null, null, OpenAiCompletionsBackend::new),
                new EngineRegistry.Entry(OllamaRawBackend.ID, "Ollama raw (/api/generate raw:true)",
                        "Ollama's /api/generate with raw:true: budget forcing, stepping", "http://127.0.0.1:11434",
                        null, null, OllamaRawBackend::new),
                new EngineRegistry.Entry(DeepSeekPrefixBackend.ID, "DeepSeek prefix completion (beta)",
                        "the DeepSeek API's chat prefix completion (beta), continuing reasoning_content: hosted "
                                + "budget forcing", DeepSeekPrefixBackend.DEFAULT_BASE_URL, "DEEPSEEK_API_KEY", null,
                        DeepSeekPrefixBackend::new));
    }
}
