package dev.thinkbench.lab.session;

import dev.thinkbench.core.Sampling;

/**
 * What a comparison asked and of whom. Holds the name of the API key's environment variable, never the key.
 *
 * @param prompt the prompt, as run
 * @param system the system prompt, empty for none
 * @param engineId the engine's id in the registry (e.g. {@code builtin}, {@code ollama})
 * @param engineName the engine's name for people, empty when not known
 * @param model the model as the engine named it
 * @param baseUrl the server's base URL, null for an in-process engine or the engine's default
 * @param apiKeyEnv the environment variable that held the API key, null for none
 * @param sampling temperature, top-p, seed and answer cap shared by every column
 * @param template the chat template of a raw-continuation engine, null when the engine applies its own
 * @param expectedAnswer the right answer when known (e.g. the micro model's exercise), for verdicts; null when not
 */
public record RunSetup(String prompt, String system, String engineId, String engineName, String model,
                       String baseUrl, String apiKeyEnv, Sampling sampling, String template, String expectedAnswer) {

    public RunSetup {
        prompt = prompt == null ? "" : prompt;
        system = system == null ? "" : system;
        engineId = engineId == null ? "" : engineId;
        engineName = engineName == null ? "" : engineName;
        model = model == null ? "" : model;
        sampling = sampling == null ? Sampling.defaults() : sampling;
    }
}
