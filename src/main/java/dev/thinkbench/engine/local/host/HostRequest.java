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

    /** Loads a model (replacing none: a host holds at most one model, since llama.cpp cannot free one). */
    record Load(long id, String model, int contextSize, int threads) implements HostRequest {
    }

    /**
     * Continues {@code prompt}; answered by {@link HostEvent.Chunk}s, then {@link HostEvent.Done} or
     * {@link HostEvent.Error}.
     *
     * @param seed null for a random seed; only the low 32 bits reach llama.cpp
     */
    record Complete(long id, String prompt, int maxTokens, List<String> stop, Double temperature, Double topP,
                    Long seed, boolean cachePrompt) implements HostRequest {
    }

    /** Cancels the completion with id {@code target}, queued or running; it then ends with {@code CANCELLED}. */
    record Cancel(long id, long target) implements HostRequest {
    }

    /** Tokenizes text the way the loaded model does (special-token strings are parsed). */
    record Tokenize(long id, String text) implements HostRequest {
    }

    /** Asks the host to exit now. Closing its stdin does the same. */
    record Shutdown(long id) implements HostRequest {
    }
}
