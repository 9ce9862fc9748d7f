package dev.thinkbench.engine.raw;

import dev.thinkbench.engine.CompletionBackend;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds raw-continuation backends by engine id: {@code llama-server}, {@code openai-completions},
 * {@code ollama-raw}, {@code deepseek-prefix}, plus any the composition root adds (the built-in engine). Creating a
 * backend never contacts the server. Thread-safe once built.
 */
public final class RawBackends {

    /** One kind of raw backend. */
    public record Kind(String id, String displayName, String defaultBaseUrl, String apiKeyHint,
                       Function<RawBackendSpec, CompletionBackend> factory) {
    }

    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    /** The four HTTP backends of this package. */
    public static RawBackends standard() {
        return new RawBackends()
                .add(new Kind(LlamaServerBackend.ID, "llama.cpp server (/completion)", "http://127.0.0.1:8080",
                        "", LlamaServerBackend::new))
                .add(new Kind(OpenAiCompletionsBackend.ID, "OpenAI-compatible completions (vLLM, LM Studio)",
                        "http://127.0.0.1:8000/v1", "", OpenAiCompletionsBackend::new))
                .add(new Kind(OllamaRawBackend.ID, "Ollama raw (/api/generate raw:true)", "http://127.0.0.1:11434",
                        "", OllamaRawBackend::new))
                .add(new Kind(DeepSeekPrefixBackend.ID, "DeepSeek prefix completion (beta)",
                        DeepSeekPrefixBackend.DEFAULT_BASE_URL, "DEEPSEEK_API_KEY", DeepSeekPrefixBackend::new));
    }

    /** Adds (or replaces) a kind; returns this. */
    public RawBackends add(Kind kind) {
        kinds.put(kind.id(), kind);
        return this;
    }

    public List<Kind> kinds() {
        return List.copyOf(kinds.values());
    }

    /** @throws IllegalArgumentException naming the known ids */
    public Kind kind(String id) {
        Kind k = kinds.get(id);
        if (k == null) {
            throw new IllegalArgumentException("unknown raw engine '" + id + "' (known: "
                    + String.join(", ", kinds.keySet()) + ")");
        }
        return k;
    }

    /**
     * A backend of kind {@code id}; a null {@code spec.baseUrl()} is not allowed, use {@link #spec} to fill the
     * default.
     */
    public CompletionBackend create(String id, RawBackendSpec spec) {
        return kind(id).factory().apply(spec);
    }

    /**
     * A spec for kind {@code id}, with the kind's default base URL when {@code baseUrl} is null or blank.
     *
     * @throws IllegalArgumentException for an unknown id or a base URL that is not http(s)
     */
    public RawBackendSpec spec(String id, String baseUrl, String apiKey, String model, java.time.Duration timeout) {
        return spec(id, baseUrl, apiKey, model, timeout, null);
    }

    /** As {@link #spec(String, String, String, String, java.time.Duration)}, naming the key's variable. */
    public RawBackendSpec spec(String id, String baseUrl, String apiKey, String model, java.time.Duration timeout,
                               String apiKeyEnv) {
        String url = baseUrl == null || baseUrl.isBlank() ? kind(id).defaultBaseUrl() : baseUrl.strip();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("base URL '" + url + "' is not a URL: " + e.getMessage());
        }
        return new RawBackendSpec(uri, apiKey, model, timeout, apiKeyEnv);
    }
}
