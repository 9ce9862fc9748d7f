package dev.thinkbench.forcing;

import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.raw.DeepSeekPrefixBackend;
import dev.thinkbench.engine.EngineRegistry;

/**
 * Builds forcing engines over raw backends by engine id, for the engine registry and for commands that take a
 * {@code --template}. Creating an engine never contacts the server.
 */
public final class RawEngines {

    private RawEngines() {
    }

    /**
     * A {@link ForcingReasoningEngine} over {@code kind}'s raw backends: one backend per model, on the config's base
     * URL (the kind's default when null), with its key and timeout.
     *
     * @throws IllegalArgumentException for a kind that cannot continue raw text or a base URL that is not http(s)
     */
    public static ForcingReasoningEngine create(EngineRegistry.Entry kind, EngineConfig config,
                                                ChatTemplate template) {
        return create(kind, config, TemplateChooser.fixed(template));
    }

    /**
     * As {@link #create(EngineRegistry.Entry, EngineConfig, ChatTemplate)}, each run's template chosen by
     * {@code templates} (e.g. the model's own, {@link TemplateChooser#forOption}).
     */
    public static ForcingReasoningEngine create(EngineRegistry.Entry kind, EngineConfig config,
                                                TemplateChooser templates) {
        String url = config.baseUrl() == null ? null : config.baseUrl().toString();
        // Validate the URL now, so a bad one is reported when the engine is made, not at the first run.
        kind.backendSpec(url, config.apiKey(), "", config.timeout(), config.apiKeyEnv());
        String server = url == null || url.isBlank() ? kind.defaultBaseUrl() : url;
        return new ForcingReasoningEngine(kind.id(), kind.displayName() + " at " + server,
                model -> kind.backend(kind.backendSpec(url, config.apiKey(), model, config.timeout(),
                        config.apiKeyEnv())),
                templates, !kind.id().equals(DeepSeekPrefixBackend.ID));
    }

    /** {@code kind} with a factory that makes its forcing engines over {@code template}. */
    public static EngineRegistry.Entry forcing(EngineRegistry.Entry kind, ChatTemplate template) {
        return kind.withFactory(config -> create(kind, config, template));
    }
}
