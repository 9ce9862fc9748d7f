package dev.thinkbench.lab.settings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.thinkbench.engine.local.LocalEngineSettings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the workbench remembers between launches. Never holds an API key: keys come from environment variables,
 * named here by {@code apiKeyEnvs}.
 *
 * @param schemaVersion the file format version
 * @param engineId the last engine used
 * @param baseUrls the base URL set on each engine, by engine id; an engine not in it uses its own default. Per engine
 *                 because the engine's key goes with it: one URL shared by all sent one provider's key to another's
 *                 server
 * @param model the last model
 * @param apiKeyEnvs the environment variable that holds each engine's key, by engine id; none for an engine not in it
 * @param theme {@code light} or {@code dark}
 * @param columns the last column budgets as {@code label=spec}, empty for the engine's presets
 * @param welcomeSeen whether the first-launch welcome was dismissed
 * @param builtinThreads CPU threads of the built-in engine; {@value #AUTO_THREADS} (the default, and what a file
 *                       written before this field loads as) means one per physical core of the machine it runs on
 * @param builtinContextSize the built-in engine's context in tokens; a file without it loads with
 *                           {@value LocalEngineSettings#DEFAULT_CONTEXT}
 * @param language the window's language: {@value #SYSTEM_LANGUAGE} (the default, and what a file written before
 *                 this field loads as) for the system's, else a language tag such as {@code en} or {@code ko}
 * @param temperature the Compare tab's temperature as last typed, blank when it was cleared (the engine's default);
 *                    null before one was ever kept (a file written before this field), for the window's first value
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(int schemaVersion, String engineId, Map<String, String> baseUrls, String model,
                       Map<String, String> apiKeyEnvs, String theme, List<String> columns, boolean welcomeSeen, int builtinThreads,
                       int builtinContextSize, String language, String temperature) {

    public static final int SCHEMA_VERSION = 1;
    /** {@link #builtinThreads()} for "one per physical core". */
    public static final int AUTO_THREADS = 0;
    /** {@link #language()} for "the system's language". */
    public static final String SYSTEM_LANGUAGE = "system";

    public Settings {
        baseUrls = cleaned(baseUrls);
        apiKeyEnvs = cleaned(apiKeyEnvs);
        columns = columns == null ? List.of() : List.copyOf(columns);
        theme = "dark".equals(theme) ? "dark" : "light";
        builtinThreads = Math.max(AUTO_THREADS, builtinThreads);
        // absent from files written before the field existed, which Jackson reads as 0
        builtinContextSize = builtinContextSize <= 0 ? LocalEngineSettings.DEFAULT_CONTEXT : builtinContextSize;
        language = language == null || language.isBlank() ? SYSTEM_LANGUAGE : language.strip();
    }

    /**
     * Reads a file, old or new. A file written before URLs and key variables were kept per engine has one
     * {@code baseUrl} and one {@code apiKeyEnv}: they were set on the engine it names ({@code engineId}), so they go
     * to that engine only, never to the others.
     */
    @JsonCreator
    static Settings read(@JsonProperty("schemaVersion") int schemaVersion, @JsonProperty("engineId") String engineId,
                         @JsonProperty("baseUrls") Map<String, String> baseUrls,
                         @JsonProperty("baseUrl") String legacyBaseUrl, @JsonProperty("model") String model,
                         @JsonProperty("apiKeyEnvs") Map<String, String> apiKeyEnvs,
                         @JsonProperty("apiKeyEnv") String legacyApiKeyEnv, @JsonProperty("theme") String theme,
                         @JsonProperty("columns") List<String> columns,
                         @JsonProperty("welcomeSeen") boolean welcomeSeen,
                         @JsonProperty("builtinThreads") int builtinThreads,
                         @JsonProperty("builtinContextSize") int builtinContextSize,
                         @JsonProperty("language") String language,
                         @JsonProperty("temperature") String temperature) {
        return new Settings(schemaVersion, engineId, migrated(baseUrls, engineId, legacyBaseUrl), model,
                migrated(apiKeyEnvs, engineId, legacyApiKeyEnv), theme, columns, welcomeSeen, builtinThreads,
                builtinContextSize, language, temperature);
    }

    private static Map<String, String> migrated(Map<String, String> perEngine, String engineId, String legacy) {
        Map<String, String> all = new HashMap<>(perEngine == null ? Map.of() : perEngine);
        if (engineId != null && !engineId.isBlank() && legacy != null && !legacy.isBlank()) {
            all.putIfAbsent(engineId, legacy);
        }
        return all;
    }

    /** Sorted (a stable file), without blank ids or values, unmodifiable. */
    private static Map<String, String> cleaned(Map<String, String> perEngine) {
        Map<String, String> kept = new TreeMap<>();
        if (perEngine != null) {
            perEngine.forEach((id, value) -> {
                if (id != null && !id.isBlank() && value != null && !value.isBlank()) {
                    kept.put(id, value.strip());
                }
            });
        }
        return java.util.Collections.unmodifiableMap(kept);
    }

    /** The base URL set on engine {@code id}, null for its default. */
    public String baseUrlOf(String id) {
        return id == null ? null : baseUrls.get(id);
    }

    /** The variable named for engine {@code id}'s key, null for none. */
    public String apiKeyEnvOf(String id) {
        return id == null ? null : apiKeyEnvs.get(id);
    }

    public static Settings defaults() {
        return new Settings(SCHEMA_VERSION, null, Map.of(), null, Map.of(), "light", List.of(), false, AUTO_THREADS,
                LocalEngineSettings.DEFAULT_CONTEXT, SYSTEM_LANGUAGE, null);
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
        return new Settings(schemaVersion, engineId, baseUrls, model, apiKeyEnvs, theme, columns, welcomeSeen, threads,
                contextSize, language, temperature);
    }

    /** These settings with engine {@code id} chosen, its base URL {@code url} (null for its default) and a model. */
    public Settings withEngine(String id, String url, String modelName) {
        return new Settings(schemaVersion, id, with(baseUrls, id, url), modelName, apiKeyEnvs, theme, columns,
                welcomeSeen, builtinThreads, builtinContextSize, language, temperature);
    }

    /** These settings with each engine's base URL as given (an engine not in {@code urls} uses its default). */
    public Settings withBaseUrls(Map<String, String> urls) {
        return new Settings(schemaVersion, engineId, urls, model, apiKeyEnvs, theme, columns, welcomeSeen,
                builtinThreads, builtinContextSize, language, temperature);
    }

    /** These settings with each engine's key variable as given (an engine not in {@code variables} names none). */
    public Settings withApiKeyEnvs(Map<String, String> variables) {
        return new Settings(schemaVersion, engineId, baseUrls, model, variables, theme, columns, welcomeSeen,
                builtinThreads, builtinContextSize, language, temperature);
    }

    private static Map<String, String> with(Map<String, String> perEngine, String id, String value) {
        Map<String, String> all = new HashMap<>(perEngine);
        if (id != null) {
            all.remove(id);
            if (value != null) {
                all.put(id, value);
            }
        }
        return all;
    }

    public Settings withTheme(String name) {
        return new Settings(schemaVersion, engineId, baseUrls, model, apiKeyEnvs, name, columns, welcomeSeen,
                builtinThreads, builtinContextSize, language, temperature);
    }

    public Settings withColumns(List<String> specs) {
        return new Settings(schemaVersion, engineId, baseUrls, model, apiKeyEnvs, theme, specs, welcomeSeen,
                builtinThreads, builtinContextSize, language, temperature);
    }

    /** These settings with {@code variable} (null for none) named for the chosen engine's key. */
    public Settings withApiKeyEnv(String variable) {
        return new Settings(schemaVersion, engineId, baseUrls, model, with(apiKeyEnvs, engineId, variable), theme,
                columns, welcomeSeen, builtinThreads, builtinContextSize, language, temperature);
    }

    /** These settings with the window's language ({@value #SYSTEM_LANGUAGE} or a language tag), read at start. */
    public Settings withLanguage(String tag) {
        return new Settings(schemaVersion, engineId, baseUrls, model, apiKeyEnvs, theme, columns, welcomeSeen,
                builtinThreads, builtinContextSize, tag, temperature);
    }

    /** These settings with the Compare tab's temperature as typed (blank: cleared, the engine's default). */
    public Settings withTemperature(String typed) {
        return new Settings(schemaVersion, engineId, baseUrls, model, apiKeyEnvs, theme, columns, welcomeSeen,
                builtinThreads, builtinContextSize, language, typed == null ? "" : typed.strip());
    }

    public Settings withWelcomeSeen() {
        return new Settings(schemaVersion, engineId, baseUrls, model, apiKeyEnvs, theme, columns, true, builtinThreads,
                builtinContextSize, language, temperature);
    }
}
