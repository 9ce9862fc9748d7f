package dev.thinkbench.forcing;

import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.raw.DeepSeekPrefixBackend;
import dev.thinkbench.engine.raw.RawBackends;

/**
 * Builds forcing engines over raw backends by engine id, for the engine registry and for commands that take a
 * {@code --template}. Creating an engine never contacts the server.
 */
public final class RawEngines {

    private RawEngines() {
    }

    /**
     * A {@link ForcingReasoningEngine} of kind {@code config.engineId()}: one backend per model, on the config's base
     * URL (the kind's default when null), with its key and timeout.
     *
     * @throws IllegalArgumentException for an unknown id or a base URL that is not http(s)
     */
    public static ForcingReasoningEngine create(RawBackends kinds, EngineConfig config, ChatTemplate template) {
        RawBackends.Kind kind = kinds.kind(config.engineId());
        String url = config.baseUrl() == null ? null : config.baseUrl().toString();
        // Validate the URL now, so a bad one is reported when the engine is made, not at the first run.
        kinds.spec(kind.id(), url, config.apiKey(), "", config.timeout());
        String server = url == null || url.isBlank() ? kind.defaultBaseUrl() : url;
        return new ForcingReasoningEngine(kind.id(), kind.displayName() + " at " + server,
                model -> kinds.create(kind.id(), kinds.spec(kind.id(), url, config.apiKey(), model, config.timeout(),
                        config.apiKeyEnv())),
                template, !kind.id().equals(DeepSeekPrefixBackend.ID));
    }
}
