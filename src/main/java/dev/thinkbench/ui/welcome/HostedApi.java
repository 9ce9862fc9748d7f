package dev.thinkbench.ui.welcome;

/**
 * A hosted reasoning API the welcome mentions, with the environment variable its key is read from (keys are never
 * typed into or saved by Thinkbench).
 *
 * @param name e.g. {@code DeepSeek}
 * @param keyVariable e.g. {@code DEEPSEEK_API_KEY}
 * @param baseUrl where it is reached, e.g. {@code https://api.deepseek.com}
 */
public record HostedApi(String name, String keyVariable, String baseUrl) {

    /** DeepSeek's OpenAI-compatible API. */
    public static final HostedApi DEEPSEEK = new HostedApi("DeepSeek", "DEEPSEEK_API_KEY", "https://api.deepseek.com");
}
