package dev.thinkbench.core;

/**
 * Token counts as a server reports them. Null means "not reported".
 *
 * @param promptTokens input tokens, those read from the provider's prompt cache included
 * @param outputTokens all generated tokens, thinking included (OpenAI completion_tokens, Ollama eval_count)
 * @param thinkingTokens the thinking part where reported separately (reasoning_tokens, thoughtsTokenCount)
 * @param cachedPromptTokens the part of {@code promptTokens} the provider read from its prompt cache and bills at its
 *                           cached-input rate (OpenAI {@code cached_tokens}, DeepSeek {@code prompt_cache_hit_tokens},
 *                           Gemini {@code cachedContentTokenCount}, Anthropic {@code cache_read_input_tokens}), null
 *                           where the provider does not say
 */
public record Usage(Integer promptTokens, Integer outputTokens, Integer thinkingTokens, Integer cachedPromptTokens) {

    /** Counts without a word on the prompt cache. */
    public Usage(Integer promptTokens, Integer outputTokens, Integer thinkingTokens) {
        this(promptTokens, outputTokens, thinkingTokens, null);
    }

    public static Usage unknown() {
        return new Usage(null, null, null, null);
    }
}
