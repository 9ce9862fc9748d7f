package dev.thinkbench.engine.local.host;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * A request from the app to the engine host: one JSON object per line on the host's stdin, its kind in {@code op}.
 * Every request carries an id the host echoes in its {@link HostEvent}s.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
        @JsonSubTypes.Type(value = HostRequest.Load.class, name = "load"),
        @JsonSubTypes.Type(value = HostRequest.Complete.class, name = "complete"),
        @JsonSubTypes.Type(value = HostRequest.Cancel.class, name = "cancel"),
        @JsonSubTypes.Type(value = HostRequest.Tokenize.class, name = "tokenize"),
        @JsonSubTypes.Type(value = HostRequest.Shutdown.class, name = "shutdown")})
public sealed interface HostRequest {

    long id();

    /**
     * Loads a model, freeing the one loaded before (a host holds one model at a time).
     *
     * @param cpuVariant the CPU backend the host's first load loads llama.cpp with ({@link
     *                   dev.thinkbench.engine.local.llama.CpuBackendChoice}), null for ggml's choice; later loads in
     *                   the same host keep the first one's (the app starts a fresh host to change it)
     */
    record Load(long id, String model, int contextSize, int threads, String cpuVariant) implements HostRequest {
    }

    /**
     * Continues {@code prompt}; answered by {@link HostEvent.Chunk}s, then {@link HostEvent.Done} or
     * {@link HostEvent.Error}. Completions sent while others run join them: the host decodes every running
     * completion's next token in one batch per step (continuous batching), each with its own stop strings, cap,
     * sampling and seed, and a prompt prefix another completion holds or is evaluating is copied, not re-evaluated.
     *
     * @param seed null for a random seed; only the low 31 bits reach llama.cpp
     * @param topLogprobs null or 0 for no token probabilities; else each chunk lists its tokens' log-probabilities
     *                    with this many alternatives
     * @param reuseGreedyPicks a greedy completion may take, without decoding them, the tokens greedy decoding picked
     *                         after the same prompt before (false when absent)
     */
    record Complete(long id, String prompt, int maxTokens, List<String> stop, Double temperature, Double topP,
                    Long seed, boolean cachePrompt, Integer topLogprobs, boolean reuseGreedyPicks)
            implements HostRequest {

        /** A completion without token probabilities that decodes every token it returns. */
        public Complete(long id, String prompt, int maxTokens, List<String> stop, Double temperature, Double topP,
                        Long seed, boolean cachePrompt) {
            this(id, prompt, maxTokens, stop, temperature, topP, seed, cachePrompt, null, false);
        }
    }

    /** Cancels the completion with id {@code target}, queued or running; it then ends with {@code CANCELLED}. */
    record Cancel(long id, long target) implements HostRequest {
    }

    /**
     * Tokenizes text the way the loaded model does for a prompt: special-token strings are parsed, except those the
     * chat template escaped in user text (see {@code core.SpecialTokens}); no BOS is added.
     */
    record Tokenize(long id, String text) implements HostRequest {
    }

    /** Asks the host to exit now. Closing its stdin does the same. */
    record Shutdown(long id) implements HostRequest {
    }
}
