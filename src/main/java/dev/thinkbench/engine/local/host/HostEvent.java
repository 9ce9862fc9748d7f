package dev.thinkbench.engine.local.host;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/** What the engine host writes back: one JSON object per line on its stdout, its kind in {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = HostEvent.Ready.class, name = "ready"),
        @JsonSubTypes.Type(value = HostEvent.Loaded.class, name = "loaded"),
        @JsonSubTypes.Type(value = HostEvent.Chunk.class, name = "chunk"),
        @JsonSubTypes.Type(value = HostEvent.Done.class, name = "done"),
        @JsonSubTypes.Type(value = HostEvent.Tokens.class, name = "tokens"),
        @JsonSubTypes.Type(value = HostEvent.Error.class, name = "error")})
public sealed interface HostEvent {

    /** The request this event answers (0 for {@link Ready}). */
    long id();

    /** Sent once at start, before any request is read. */
    record Ready(long id, long pid) implements HostEvent {
    }

    /**
     * The model is loaded.
     *
     * @param specialTokens the vocabulary's control and user-defined token strings (e.g. {@code <|im_end|>}), which
     *                      llama.cpp parses when they appear in prompt text
     */
    record Loaded(long id, String model, int contextSize, List<String> specialTokens) implements HostEvent {
    }

    /** Generated text: {@code tokens} decoded tokens whose text is {@code text} (text may be empty). */
    record Chunk(long id, String text, int tokens) implements HostEvent {
    }

    /**
     * The completion ended.
     *
     * @param stop {@code EOS}, {@code STOP_STRING}, {@code LENGTH} or {@code CANCELLED}
     * @param promptTokens the prompt's tokens, BOS included; null when the request was cancelled before it was
     *                     tokenized
     * @param promptTokensEvaluated prompt tokens not served from the cache, null when the cache state is uncertain
     */
    record Done(long id, String stop, String stoppingWord, int tokens, Integer promptTokens,
                Integer promptTokensEvaluated) implements HostEvent {
    }

    record Tokens(long id, int[] tokens) implements HostEvent {
    }

    /**
     * A request failed; the host lives on.
     *
     * @param kind a {@code FailureKind} name
     */
    record Error(long id, String kind, String message) implements HostEvent {
    }
}
