package dev.thinkbench.ui.welcome;

/**
 * A hosted reasoning API the welcome mentions, with the environment variable its key is read from (keys are never
 * typed into or saved by Thinkbench).
 *
 * @param name e.g. {@code DeepSeek}
 * @param keyVariable e.g. {@code DEEPSEEK_API_KEY}
 * @param baseUrl where it is reached, e.g. {@code https://api.deepseek.com}
 * @param model the reasoning model to start with, e.g. {@code deepseek-reasoner}
 */
public record HostedApi(String name, String keyVariable, String baseUrl, String model) {

    /** DeepSeek's OpenAI-compatible API with its reasoning model (the list's first, deepseek-chat, does not think). */
    public static final HostedApi DEEPSEEK = new HostedApi("DeepSeek", "DEEPSEEK_API_KEY", "https://api.deepseek.com",
            "deepseek-reasoner");
}
