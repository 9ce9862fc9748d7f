package dev.thinkbench.app;

import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.EngineFactory;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.hosted.HostedModels;
import dev.thinkbench.engine.hosted.anthropic.AnthropicEngine;
import dev.thinkbench.engine.hosted.deepseek.DeepSeekEngine;
import dev.thinkbench.engine.hosted.gemini.GeminiEngine;
import dev.thinkbench.engine.hosted.openai.OpenAiResponsesEngine;
import dev.thinkbench.lab.settings.SecretsStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Wires the hosted reasoning APIs (Anthropic, OpenAI Responses, Gemini, DeepSeek) into the engine registry, with what
 * each model takes from {@code assets/hosted-models.json} and each provider's key found the same way for the window
 * and the command line: the variable the user named ({@code --api-key-env}, the connection bar), else the key entered
 * in the app ({@link SecretsStore}), else the provider's standard variable ({@code ANTHROPIC_API_KEY},
 * {@code OPENAI_API_KEY}, {@code GEMINI_API_KEY}, {@code DEEPSEEK_API_KEY}).
 */
final class HostedEngines {

    /** The table's file name in the assets folder. */
    static final String MODELS_FILE = "hosted-models.json";

    private final HostedModels models;
    private final SecretsStore secrets;
    private final UnaryOperator<String> environment;

    HostedEngines(HostedModels models, SecretsStore secrets, UnaryOperator<String> environment) {
        this.models = models;
        this.secrets = secrets;
        this.environment = environment;
    }

    /** Reads the model table from the assets folder; an unreadable table leaves budgets to the providers to judge. */
    static HostedModels loadModels(Path assets) {
        Path file = assets.resolve(MODELS_FILE);
        if (!Files.exists(file)) {
            return HostedModels.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return HostedModels.read(in);
        } catch (IOException e) {
            System.err.println("Thinkbench: cannot read " + file + ": " + e.getMessage()
                    + "; hosted budgets are sent unchecked");
            return HostedModels.empty();
        }
    }

    /** Adds the four hosted engines to {@code registry}, after the others. */
    void registerInto(EngineRegistry registry) {
        register(registry, AnthropicEngine.ID, "Anthropic API (Claude)", AnthropicEngine.DEFAULT_BASE_URL,
                AnthropicEngine.KEY_VARIABLE, AnthropicEngine::new);
        register(registry, OpenAiResponsesEngine.ID, "OpenAI API (Responses)", OpenAiResponsesEngine.DEFAULT_BASE_URL,
                OpenAiResponsesEngine.KEY_VARIABLE, OpenAiResponsesEngine::new);
        register(registry, GeminiEngine.ID, "Gemini API", GeminiEngine.DEFAULT_BASE_URL, GeminiEngine.KEY_VARIABLE,
                GeminiEngine::new);
        register(registry, DeepSeekEngine.ID, "DeepSeek API (thinking mode)", DeepSeekEngine.DEFAULT_BASE_URL,
                DeepSeekEngine.KEY_VARIABLE, DeepSeekEngine::new);
    }

    private void register(EngineRegistry registry, String id, String name, String defaultUrl, String keyVariable,
                          BiFunction<EngineConfig, HostedModels, ? extends ReasoningEngine> make) {
        EngineFactory factory = config -> make.apply(withKey(config, id, keyVariable), models);
        registry.register(new EngineRegistry.Entry(id, name, defaultUrl, factory));
    }

    /** The configuration with the provider's key filled in where none was named; see the class comment. */
    EngineConfig withKey(EngineConfig config, String engineId, String keyVariable) {
        if (config.apiKey() != null && !config.apiKey().isBlank()) {
            return config;
        }
        String stored = secrets.get(engineId).orElse(null);
        if (stored != null) {
            return new EngineConfig(config.engineId(), config.baseUrl(), stored, config.timeout(), null);
        }
        String fromEnvironment = environment.apply(keyVariable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new EngineConfig(config.engineId(), config.baseUrl(), fromEnvironment, config.timeout(),
                    keyVariable);
        }
        return config;
    }
}
