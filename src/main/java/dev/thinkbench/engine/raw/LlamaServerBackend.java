package dev.thinkbench.engine.raw;

import dev.thinkbench.engine.RawBackendSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.ChatTemplateSource;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.TokenCounter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * llama.cpp {@code llama-server}'s native {@code POST /completion}: raw prompt, {@code n_predict}, {@code stop},
 * {@code cache_prompt}, streamed as server-sent events. The final event's {@code stop_type} ({@code eos},
 * {@code limit}, {@code word}) and {@code stopping_word} say why it stopped. Despite its name,
 * {@code tokens_evaluated} is the whole prompt's token count (llama.cpp's {@code n_prompt_tokens}), while
 * {@code timings.prompt_n} is how many of them were actually evaluated (not served from the prompt cache).
 *
 * <p>Threading: see {@link CompletionBackend}; {@link #chatTemplate()}, {@link #countTokens} and
 * {@link #listModels()} block too.
 */
public final class LlamaServerBackend extends HttpCompletionBackend implements ChatTemplateSource, TokenCounter {

    public static final String ID = "llama-server";

    public LlamaServerBackend(RawBackendSpec spec) {
        super(ID, spec, true);
    }

    @Override
    public CompletionResult complete(CompletionRequest request, CompletionListener listener, CancelToken cancel)
            throws EngineException {
        return stream("completion", body(request), new Reading(), listener, cancel);
    }

    private ObjectNode body(CompletionRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("prompt", request.prompt());
        body.put("n_predict", request.maxTokens());
        body.set("stop", JSON.valueToTree(request.stop()));
        body.put("stream", true);
        body.put("cache_prompt", request.cachePrompt());
        SamplingFields.put(body, request.sampling());
        return body;
    }

    /** The native stream: one event per piece, the last with {@code stop: true}; a stray {@code [DONE]} is skipped. */
    static final class Reading implements StreamProtocol {
        private int predicted;

        @Override
        public Framing framing() {
            return Framing.SSE;
        }

        @Override
        public boolean endsAtDone() {
            return false;
        }

        @Override
        public String error(JsonNode event) {
            JsonNode error = event.path("error");
            if (error.isMissingNode() || error.isNull()) {
                return null;
            }
            String message = error.isTextual() ? error.asText() : error.path("message").asText(error.toString());
            return message;
        }

        @Override
        public CompletionResult onItem(JsonNode event, Continuation out) {
            String content = event.path("content").asText("");
            int tokens = chunkTokens(event, predicted, content);
            predicted += tokens;
            out.text(content, tokens);
            return event.path("stop").asBoolean(false) ? finish(out, event) : null;
        }

        @Override
        public String missingEnd() {
            return "before its final event";
        }
    }

    /** Tokens in this event: from the running {@code tokens_predicted}, else the token ids, else one per piece. */
    private static int chunkTokens(JsonNode event, int predictedSoFar, String content) {
        JsonNode predicted = event.path("tokens_predicted");
        if (predicted.isIntegralNumber()) {
            return Math.max(0, predicted.asInt() - predictedSoFar);
        }
        JsonNode ids = event.path("tokens");
        if (ids.isArray() && !ids.isEmpty()) {
            return ids.size();
        }
        return content.isEmpty() ? 0 : 1;
    }

    private static CompletionResult finish(Continuation out, JsonNode last) {
        String type = last.path("stop_type").asText("");
        CompletionResult.Stop stop = switch (type) {
            case "eos" -> CompletionResult.Stop.EOS;
            case "limit" -> CompletionResult.Stop.LENGTH;
            case "word" -> CompletionResult.Stop.STOP_STRING;
            default -> legacyStop(last);
        };
        Integer reported = ReportedCount.first(last.path("tokens_predicted"));
        Integer prompt = ReportedCount.first(last.path("tokens_evaluated"));
        Integer evaluated = ReportedCount.first(last.path("timings").path("prompt_n"));
        String word = stop == CompletionResult.Stop.STOP_STRING ? last.path("stopping_word").asText("") : "";
        return out.finish(stop, word, reported, prompt, evaluated);
    }

    /** Older servers said {@code stopped_eos}/{@code stopped_word}/{@code stopped_limit} instead of a type. */
    private static CompletionResult.Stop legacyStop(JsonNode last) {
        if (last.path("stopped_word").asBoolean(false)) {
            return CompletionResult.Stop.STOP_STRING;
        }
        if (last.path("stopped_limit").asBoolean(false)) {
            return CompletionResult.Stop.LENGTH;
        }
        return CompletionResult.Stop.EOS;
    }

    /** The model's Jinja template from {@code GET /props} ({@code chat_template}), empty when none. */
    @Override
    public Optional<String> chatTemplate() throws EngineException {
        String text = http.getJson("props").path("chat_template").asText("");
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** How many tokens the model's tokenizer makes of {@code text} ({@code POST /tokenize}, no BOS added). */
    @Override
    public int countTokens(String text) throws EngineException {
        ObjectNode body = JSON.createObjectNode().put("content", text).put("add_special", false);
        JsonNode tokens = http.postJson("tokenize", body).path("tokens");
        if (!tokens.isArray()) {
            throw new EngineException(FailureKind.MALFORMED_STREAM, http.describe() + " answered /tokenize without a "
                    + "tokens array");
        }
        return tokens.size();
    }

    /** The loaded model(s), from the OpenAI-style {@code GET /v1/models}. */
    @Override
    public List<ModelInfo> listModels() throws EngineException {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode m : http.getJson("v1/models").path("data")) {
            models.add(new ModelInfo(m.path("id").asText(), "loaded in llama-server"));
        }
        return models;
    }
}
