package dev.thinkbench.engine.raw;

import dev.thinkbench.engine.RawBackendSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelInfo;

import java.util.List;

/**
 * OpenAI-style legacy completions, {@code POST /v1/completions} (vLLM, LM Studio, llama.cpp's OpenAI route): raw
 * prompt, always {@code max_tokens} (vLLM defaults to 16), {@code stop}, streamed as server-sent events with
 * {@code stream_options.include_usage} so the last event carries {@code usage}. {@code finish_reason} says
 * {@code stop} or {@code length}; vLLM's {@code stop_reason} tells a stop string from the end of sequence.
 *
 * <p>The base URL may end in {@code /v1} or not. Threading: see {@link CompletionBackend}.
 */
public final class OpenAiCompletionsBackend extends HttpCompletionBackend {

    public static final String ID = "openai-completions";

    private final String prefix;

    public OpenAiCompletionsBackend(RawBackendSpec spec) {
        super(ID, spec);
        String path = spec.baseUrl().getPath() == null ? "" : spec.baseUrl().getPath();
        this.prefix = path.endsWith("/v1") || path.endsWith("/v1/") ? "" : "v1/";
    }

    @Override
    public CompletionResult complete(CompletionRequest request, CompletionListener listener, CancelToken cancel)
            throws EngineException {
        return stream(prefix + "completions", body(request), new Reading(request), listener, cancel);
    }

    /** Text events until {@code [DONE]}; the finish reason and the usage may come in any event before it. */
    static final class Reading extends ChoiceStream {
        private final CompletionRequest request;
        private JsonNode stopReason;

        Reading(CompletionRequest request) {
            this.request = request;
        }

        @Override
        public CompletionResult onItem(JsonNode event, Continuation out) {
            JsonNode choice = event.path("choices").path(0);
            String text = choice.path("text").asText("");
            out.text(text, text.isEmpty() ? 0 : 1);
            if (track(event)) {
                stopReason = choice.path("stop_reason");
            }
            return null;
        }

        @Override
        public CompletionResult onEnd(Continuation out) {
            String finish = finish();
            if (finish == null) {
                return null;
            }
            Integer completion = completionTokens();
            Integer prompt = ReportedCount.first(usage().path("prompt_tokens"));
            Integer evaluated = promptEvaluated(prompt, usage());
            if (finish.equals("length")) {
                return out.finish(CompletionResult.Stop.LENGTH, "", completion, prompt, evaluated);
            }
            if (stopReason != null && stopReason.isTextual()) {
                return out.finish(CompletionResult.Stop.STOP_STRING, stopReason.asText(), completion, prompt,
                        evaluated);
            }
            // vLLM says null (or a token id) for the end of sequence; servers without stop_reason cannot tell, and a
            // stop string is then the likelier cause when stop strings were sent.
            boolean unknown = stopReason == null || stopReason.isMissingNode();
            CompletionResult.Stop stop = unknown && !request.stop().isEmpty()
                    ? CompletionResult.Stop.STOP_STRING : CompletionResult.Stop.EOS;
            return out.finish(stop, "", completion, prompt, evaluated);
        }
    }

    /** Prompt tokens less those served from the prefix cache, where the server says so. */
    private static Integer promptEvaluated(Integer prompt, JsonNode usage) {
        Integer cached = ReportedCount.first(usage.path("prompt_tokens_details").path("cached_tokens"));
        // Boxed on purpose: 'cond ? prompt : int' would unbox a null prompt and throw.
        return prompt == null || cached == null ? prompt : Integer.valueOf(Math.max(0, prompt - cached));
    }

    private ObjectNode body(CompletionRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model());
        body.put("prompt", request.prompt());
        body.set("stop", JSON.valueToTree(request.stop()));
        ChoiceStream.putStreaming(body, request);
        return body;
    }

    /** {@code GET /v1/models}. */
    @Override
    public List<ModelInfo> listModels() throws EngineException {
        return openAiModels(prefix + "models");
    }
}
