package dev.thinkbench.engine;

import dev.thinkbench.core.Sampling;

import java.util.List;

/**
 * A raw continuation: the backend continues {@code prompt} exactly as given (no chat template applied).
 *
 * @param maxTokens generate at most this many tokens (always sent: some servers default to 16)
 * @param stop stop strings; the matched string is not part of the returned text
 * @param cachePrompt ask the server to reuse its cached prefix (llama.cpp {@code cache_prompt})
 */
public record CompletionRequest(String prompt, int maxTokens, List<String> stop, Sampling sampling,
                                boolean cachePrompt) {

    public CompletionRequest {
        if (prompt == null) {
            throw new IllegalArgumentException("prompt is required");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max tokens must be at least 1, was " + maxTokens);
        }
        stop = List.copyOf(stop == null ? List.of() : stop);
        sampling = sampling == null ? Sampling.defaults() : sampling;
    }
}
