package dev.thinkbench.lab.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

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
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(int schemaVersion, String engineId, String baseUrl, String model, String apiKeyEnv,
                       String theme, List<String> columns, boolean welcomeSeen) {

    public static final int SCHEMA_VERSION = 1;

    public Settings {
        columns = columns == null ? List.of() : List.copyOf(columns);
        theme = "dark".equals(theme) ? "dark" : "light";
    }

    public static Settings defaults() {
        return new Settings(SCHEMA_VERSION, null, null, null, null, "light", List.of(), false);
    }

    public Settings withEngine(String id, String url, String modelName) {
        return new Settings(schemaVersion, id, url, modelName, apiKeyEnv, theme, columns, welcomeSeen);
    }

    public Settings withTheme(String name) {
        return new Settings(schemaVersion, engineId, baseUrl, model, apiKeyEnv, name, columns, welcomeSeen);
    }

    public Settings withColumns(List<String> specs) {
        return new Settings(schemaVersion, engineId, baseUrl, model, apiKeyEnv, theme, specs, welcomeSeen);
    }

    public Settings withApiKeyEnv(String variable) {
        return new Settings(schemaVersion, engineId, baseUrl, model, variable, theme, columns, welcomeSeen);
    }

    public Settings withWelcomeSeen() {
        return new Settings(schemaVersion, engineId, baseUrl, model, apiKeyEnv, theme, columns, true);
    }
}
