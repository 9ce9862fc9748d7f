package dev.thinkbench.engine;

import dev.thinkbench.core.Sampling;

import java.util.List;

/**
 * A raw continuation: the backend continues {@code prompt} exactly as given (no chat template applied).
 *
 * @param maxTokens generate at most this many tokens (always sent: some servers default to 16)
 * @param stop stop strings; the matched string is not part of the returned text
 * @param cachePrompt ask the server to reuse its cached prefix (llama.cpp {@code cache_prompt})
 * @param topLogprobs 0 (the default) for no token probabilities; otherwise report each generated token's
 *                    log-probability and this many alternatives through {@link CompletionListener#onTokens}, where
 *                    the backend can (the built-in engine can; others ignore it)
 * @param reuseGreedyPicks a greedy request may take, without decoding them, the tokens greedy decoding picked after
 *                         this same prompt in an earlier request (the built-in engine does; others ignore it); see
 *                         {@link dev.thinkbench.core.RunSpec#reuseGreedyPicks}
 */
public record CompletionRequest(String prompt, int maxTokens, List<String> stop, Sampling sampling,
                                boolean cachePrompt, int topLogprobs, boolean reuseGreedyPicks) {

    /** The most alternatives a request may ask for. */
    public static final int MAX_TOP_LOGPROBS = 1024;

    public CompletionRequest {
        if (prompt == null) {
            throw new IllegalArgumentException("prompt is required");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max tokens must be at least 1, was " + maxTokens);
        }
        if (topLogprobs < 0 || topLogprobs > MAX_TOP_LOGPROBS) {
            throw new IllegalArgumentException("top logprobs must be between 0 and " + MAX_TOP_LOGPROBS + ", was "
                    + topLogprobs);
        }
        stop = List.copyOf(stop == null ? List.of() : stop);
        sampling = sampling == null ? Sampling.defaults() : sampling;
    }

    /** A request that decodes every token it returns. */
    public CompletionRequest(String prompt, int maxTokens, List<String> stop, Sampling sampling, boolean cachePrompt,
                             int topLogprobs) {
        this(prompt, maxTokens, stop, sampling, cachePrompt, topLogprobs, false);
    }

    /** A request without token probabilities that decodes every token it returns. */
    public CompletionRequest(String prompt, int maxTokens, List<String> stop, Sampling sampling, boolean cachePrompt) {
        this(prompt, maxTokens, stop, sampling, cachePrompt, 0);
    }

    /** This request, reporting token log-probabilities with {@code n} alternatives (0: none). */
    public CompletionRequest withTopLogprobs(int n) {
        return new CompletionRequest(prompt, maxTokens, stop, sampling, cachePrompt, n, reuseGreedyPicks);
    }

    /** This request, allowed or not to reuse earlier greedy picks (see {@link #reuseGreedyPicks}). */
    public CompletionRequest withGreedyPicksReused(boolean reuse) {
        return new CompletionRequest(prompt, maxTokens, stop, sampling, cachePrompt, topLogprobs, reuse);
    }
}
