package dev.thinkbench.core;

/**
 * Token counts as a server reports them. Null means "not reported".
 *
 * @param promptTokens input tokens
 * @param outputTokens all generated tokens, thinking included (OpenAI completion_tokens, Ollama eval_count)
 * @param thinkingTokens the thinking part where reported separately (reasoning_tokens, thoughtsTokenCount)
 */
public record Usage(Integer promptTokens, Integer outputTokens, Integer thinkingTokens) {

    public static Usage unknown() {
        return new Usage(null, null, null);
    }
}
