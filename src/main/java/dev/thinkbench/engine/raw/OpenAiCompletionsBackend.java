package dev.thinkbench.engine.raw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelCatalog;
import dev.thinkbench.engine.ModelInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI-style legacy completions, {@code POST /v1/completions} (vLLM, LM Studio, llama.cpp's OpenAI route): raw
 * prompt, always {@code max_tokens} (vLLM defaults to 16), {@code stop}, streamed as server-sent events with
 * {@code stream_options.include_usage} so the last event carries {@code usage}. {@code finish_reason} says
 * {@code stop} or {@code length}; vLLM's {@code stop_reason} tells a stop string from the end of sequence.
 *
 * <p>The base URL may end in {@code /v1} or not. Threading: see {@link CompletionBackend}.
 */
public final class OpenAiCompletionsBackend implements CompletionBackend, ModelCatalog {

    public static final String ID = "openai-completions";

    private final RawHttp http;
    private final String model;
    private final String prefix;

    public OpenAiCompletionsBackend(RawBackendSpec spec) {
        this.http = new RawHttp(ID, spec.baseUrl(), spec.apiKey(), spec.timeout());
        this.model = spec.model();
        String path = spec.baseUrl().getPath() == null ? "" : spec.baseUrl().getPath();
        this.prefix = path.endsWith("/v1") || path.endsWith("/v1/") ? "" : "v1/";
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return http.server();
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public CompletionResult complete(CompletionRequest request, CompletionListener listener, CancelToken cancel)
            throws EngineException {
        Continuation out = new Continuation(listener);
        StreamLines lines = http.stream(prefix + "completions", body(request), cancel);
        if (lines == null) {
            return out.cancelled();
        }
        try (lines) {
            return read(new SseEvents(lines), lines, out, request);
        }
    }

    private CompletionResult read(SseEvents events, StreamLines lines, Continuation out, CompletionRequest request)
            throws EngineException {
        String finish = null;
        JsonNode stopReason = null;
        JsonNode usage = null;
        for (String data; (data = events.next()) != null; ) {
            if (data.equals(SseEvents.DONE)) {
                break;
            }
            JsonNode event = http.parse(data);
            if (event.has("error")) {
                throw new EngineException(FailureKind.SERVER_ERROR, http.server() + " reported an error mid-stream: "
                        + HttpFailures.errorMessage(event.toString()));
            }
            JsonNode choice = event.path("choices").path(0);
            String text = choice.path("text").asText("");
            out.text(text, text.isEmpty() ? 0 : 1);
            if (choice.path("finish_reason").isTextual()) {
                finish = choice.path("finish_reason").asText();
                stopReason = choice.path("stop_reason");
            }
            if (event.path("usage").isObject()) {
                usage = event.path("usage");
            }
        }
        if (lines.cancelled()) {
            return out.cancelled();
        }
        if (finish == null) {
            throw new EngineException(FailureKind.STREAM_CUT, http.server()
                    + " ended the stream without a finish_reason; the text so far is kept");
        }
        return finish(out, finish, stopReason, usage, request);
    }

    private static CompletionResult finish(Continuation out, String finish, JsonNode stopReason, JsonNode usage,
                                           CompletionRequest request) {
        Integer completion = usage != null && usage.path("completion_tokens").isIntegralNumber()
                ? usage.path("completion_tokens").asInt() : null;
        Integer prompt = promptEvaluated(usage);
        if (finish.equals("length")) {
            return out.finish(CompletionResult.Stop.LENGTH, "", completion, prompt);
        }
        if (stopReason != null && stopReason.isTextual()) {
            return out.finish(CompletionResult.Stop.STOP_STRING, stopReason.asText(), completion, prompt);
        }
        // vLLM says null (or a token id) for the end of sequence; servers without stop_reason cannot tell, and a
        // stop string is then the likelier cause when stop strings were sent.
        boolean unknown = stopReason == null || stopReason.isMissingNode();
        CompletionResult.Stop stop = unknown && !request.stop().isEmpty()
                ? CompletionResult.Stop.STOP_STRING : CompletionResult.Stop.EOS;
        return out.finish(stop, "", completion, prompt);
    }

    /** Prompt tokens less those served from the prefix cache, where the server says so. */
    private static Integer promptEvaluated(JsonNode usage) {
        if (usage == null || !usage.path("prompt_tokens").isIntegralNumber()) {
            return null;
        }
        int prompt = usage.path("prompt_tokens").asInt();
        JsonNode cached = usage.path("prompt_tokens_details").path("cached_tokens");
        return cached.isIntegralNumber() ? Math.max(0, prompt - cached.asInt()) : prompt;
    }

    private ObjectNode body(CompletionRequest request) {
        ObjectNode body = RawHttp.JSON.createObjectNode();
        body.put("model", model);
        body.put("prompt", request.prompt());
        body.put("max_tokens", request.maxTokens());
        body.set("stop", RawHttp.JSON.valueToTree(request.stop()));
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        SamplingFields.put(body, request.sampling());
        return body;
    }

    /** {@code GET /v1/models}. */
    @Override
    public List<ModelInfo> listModels() throws EngineException {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode m : http.getJson(prefix + "models").path("data")) {
            models.add(new ModelInfo(m.path("id").asText(), m.path("owned_by").asText("")));
        }
        return models;
    }
}
