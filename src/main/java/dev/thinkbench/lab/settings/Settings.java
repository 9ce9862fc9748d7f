package dev.thinkbench.lab.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.thinkbench.engine.local.LocalEngineSettings;

import java.util.List;

/**
 * What the workbench remembers between launches. Never holds an API key: keys come from environment variables,
 * named here by {@code apiKeyEnv}.
 *
 * @param schemaVersion the file format version
 * @param engineId the last engine used
 * @param baseUrl the last base URL, null for the engine's default
 * @param model the last model
 * @param apiKeyEnv the environment variable that holds the key, null for none
 * @param theme {@code light} or {@code dark}
 * @param columns the last column budgets as {@code label=spec}, empty for the engine's presets
 * @param welcomeSeen whether the first-launch welcome was dismissed
 * @param builtinThreads CPU threads of the built-in engine; {@value #AUTO_THREADS} (the default, and what a file
 *                       written before this field loads as) means one per physical core of the machine it runs on
 * @param builtinContextSize the built-in engine's context in tokens; a file without it loads with
 *                           {@value LocalEngineSettings#DEFAULT_CONTEXT}
 * @param language the window's language: {@value #SYSTEM_LANGUAGE} (the default, and what a file written before
 *                 this field loads as) for the system's, else a language tag such as {@code en} or {@code ko}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(int schemaVersion, String engineId, String baseUrl, String model, String apiKeyEnv,
                       String theme, List<String> columns, boolean welcomeSeen, int builtinThreads,
                       int builtinContextSize, String language) {

    public static final int SCHEMA_VERSION = 1;
    /** {@link #builtinThreads()} for "one per physical core". */
    public static final int AUTO_THREADS = 0;
    /** {@link #language()} for "the system's language". */
    public static final String SYSTEM_LANGUAGE = "system";

    public Settings {
        columns = columns == null ? List.of() : List.copyOf(columns);
        theme = "dark".equals(theme) ? "dark" : "light";
        builtinThreads = Math.max(AUTO_THREADS, builtinThreads);
        // absent from files written before the field existed, which Jackson reads as 0
        builtinContextSize = builtinContextSize <= 0 ? LocalEngineSettings.DEFAULT_CONTEXT : builtinContextSize;
        language = language == null || language.isBlank() ? SYSTEM_LANGUAGE : language.strip();
    }

    public static Settings defaults() {
        return new Settings(SCHEMA_VERSION, null, null, null, null, "light", List.of(), false, AUTO_THREADS,
                LocalEngineSettings.DEFAULT_CONTEXT, SYSTEM_LANGUAGE);
    }

    /**
     * The built-in engine's settings: {@link #AUTO_THREADS} becomes one thread per physical core, and a value out of the
     * engine's range (a hand-edited file) gives way to its default, so a bad file never stops the engine.
     */
    public LocalEngineSettings builtinEngine() {
        LocalEngineSettings defaults = LocalEngineSettings.defaults();
        int threads = builtinThreads >= 1 && builtinThreads <= LocalEngineSettings.MAX_THREADS
                ? builtinThreads : defaults.threads();
        int context = builtinContextSize >= LocalEngineSettings.MIN_CONTEXT
                && builtinContextSize <= LocalEngineSettings.MAX_CONTEXT ? builtinContextSize : defaults.contextSize();
        return new LocalEngineSettings(threads, context);
    }

    /** These settings with the built-in engine's threads ({@link #AUTO_THREADS} for one per physical core) and context. */
    public Settings withBuiltinEngine(int threads, int contextSize) {
        return new Settings(schemaVersion, engineId, baseUrl, model, apiKeyEnv, theme, columns, welcomeSeen, threads,
                contextSize, language);
    }

    public Settings withEngine(String id, String url, String modelName) {
        return new Settings(schemaVersion, id, url, modelName, apiKeyEnv, theme, columns, welcomeSeen,
                builtinThreads, builtinContextSize, language);
    }

    public Settings withTheme(String name) {
        return new Settings(schemaVersion, engineId, baseUrl, model, apiKeyEnv, name, columns, welcomeSeen,
                builtinThreads, builtinContextSize, language);
    }

    public Settings withColumns(List<String> specs) {
        return new Settings(schemaVersion, engineId, baseUrl, model, apiKeyEnv, theme, specs, welcomeSeen,
                builtinThreads, builtinContextSize, language);
    }

    public Settings withApiKeyEnv(String variable) {
        return new Settings(schemaVersion, engineId, baseUrl, model, variable, theme, columns, welcomeSeen,
                builtinThreads, builtinContextSize, language);
    }

    /** These settings with the window's language ({@value #SYSTEM_LANGUAGE} or a language tag), read at start. */
    public Settings withLanguage(String tag) {
        return new Settings(schemaVersion, engineId, baseUrl, model, apiKeyEnv, theme, columns, welcomeSeen,
                builtinThreads, builtinContextSize, tag);
    }

    public Settings withWelcomeSeen() {
        return new Settings(schemaVersion, engineId, baseUrl, model, apiKeyEnv, theme, columns, true, builtinThreads,
                builtinContextSize, language);
    }
}
