package dev.thinkbench.engine.local.host;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import dev.thinkbench.engine.TokenLogprob;

import java.util.List;
import java.util.Map;

/** What the engine host writes back: one JSON object per line on its stdout, its kind in {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = HostEvent.Ready.class, name = "ready"),
        @JsonSubTypes.Type(value = HostEvent.Progress.class, name = "progress"),
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

    /** Loading a model: the fraction done so far (a few per load). */
    record Progress(long id, double fraction) implements HostEvent {
    }

    /**
     * The model is loaded.
     *
     * @param specialTokens the vocabulary's control and user-defined token strings (e.g. {@code <|im_end|>}), which
     *                      llama.cpp parses when they appear in prompt text
     * @param details what llama.cpp says about the model and itself (description, parameters, backend, ...), for
     *                the Models tab; null from older hosts
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Loaded(long id, String model, int contextSize, List<String> specialTokens, Map<String, String> details)
            implements HostEvent {

        public Loaded(long id, String model, int contextSize, List<String> specialTokens) {
            this(id, model, contextSize, specialTokens, null);
        }
    }

    /**
     * Generated text: {@code tokens} decoded tokens whose text is {@code text} (text may be empty). Tokens are
     * coalesced: one chunk carries what was generated since the last one, a few milliseconds' worth.
     *
     * @param logprobs the chunk's tokens with their log-probabilities, when the request asked for them
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Chunk(long id, String text, int tokens, List<TokenLogprob> logprobs) implements HostEvent {

        public Chunk(long id, String text, int tokens) {
            this(id, text, tokens, null);
        }
    }

    /**
     * The completion ended.
     *
     * @param stop {@code EOS}, {@code STOP_STRING}, {@code LENGTH} or {@code CANCELLED}
     * @param promptTokens the prompt's tokens, BOS included; null when the request was cancelled before it was
     *                     tokenized
     * @param promptTokensEvaluated prompt tokens not served from the cache, null when the cache state is uncertain
     * @param decodeSteps the host's decode steps this completion took part in (each step is one llama_decode for
     *                    every running completion); null when it never reached the decode loop
     * @param sharedSteps of those, the steps that decoded other completions' tokens too (it ran batched with them)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Done(long id, String stop, String stoppingWord, int tokens, Integer promptTokens,
                Integer promptTokensEvaluated, Integer decodeSteps, Integer sharedSteps) implements HostEvent {

        public Done(long id, String stop, String stoppingWord, int tokens, Integer promptTokens,
                    Integer promptTokensEvaluated) {
            this(id, stop, stoppingWord, tokens, promptTokens, promptTokensEvaluated, null, null);
        }
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
