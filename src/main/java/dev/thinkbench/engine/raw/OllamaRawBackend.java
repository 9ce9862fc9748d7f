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

import java.util.ArrayList;
import java.util.List;

/**
 * Ollama's {@code POST /api/generate} with {@code raw: true} (no template applied by Ollama), streamed as
 * newline-delimited JSON. {@code options.num_predict} caps the tokens, {@code options.stop} stops; the last line has
 * {@code done: true}, {@code done_reason} ({@code stop}|{@code length}), {@code prompt_eval_count} and
 * {@code eval_count}. Despite its name, {@code prompt_eval_count} is the whole prompt's size whether or not Ollama
 * served part of it from its cache (so since mid-2024, ollama/ollama#5371; older versions left it out for a cached
 * prompt, which reads as unknown here); the tokens actually evaluated are known only where Ollama also sends
 * {@code prompt_eval_cached_count}. Ollama does not say whether {@code stop} meant a stop string or the end of
 * sequence: when stop strings were sent it is reported as a stop string with an unknown word. Should Ollama split
 * out a {@code thinking} field even in raw mode, that text is treated as continuation text too.
 *
 * <p>Threading: see {@link CompletionBackend}.
 */
public final class OllamaRawBackend extends HttpCompletionBackend {

    public static final String ID = "ollama-raw";

    public OllamaRawBackend(RawBackendSpec spec) {
        super(ID, spec);
    }

    @Override
    public CompletionResult complete(CompletionRequest request, CompletionListener listener, CancelToken cancel)
            throws EngineException {
        return stream("api/generate", body(request), new Reading(request), listener, cancel);
    }

    /** NDJSON chunks; the one with {@code done: true} ends the continuation. */
    record Reading(CompletionRequest request) implements StreamProtocol {

        @Override
        public Framing framing() {
            return Framing.NDJSON;
        }

        @Override
        public String error(JsonNode chunk) {
            JsonNode error = chunk.path("error");
            return error.isMissingNode() || error.isNull() ? null
                    : error.isTextual() ? error.asText() : error.toString();
        }

        @Override
        public CompletionResult onItem(JsonNode chunk, Continuation out) {
            String text = chunk.path("thinking").asText("") + chunk.path("response").asText("");
            out.text(text, text.isEmpty() ? 0 : 1);
            return chunk.path("done").asBoolean(false) ? finish(out, chunk, request) : null;
        }

        @Override
        public String missingEnd() {
            return "before \"done\": true";
        }
    }

    private static CompletionResult finish(Continuation out, JsonNode last, CompletionRequest request) {
        String reason = last.path("done_reason").asText("stop");
        Integer evalCount = ReportedCount.first(last.path("eval_count"));
        Integer prompt = ReportedCount.first(last.path("prompt_eval_count"));
        Integer cached = ReportedCount.first(last.path("prompt_eval_cached_count"));
        Integer evaluated = prompt == null || cached == null ? null : Math.max(0, prompt - cached);
        if (reason.equals("length")) {
            return out.finish(CompletionResult.Stop.LENGTH, "", evalCount, prompt, evaluated);
        }
        CompletionResult.Stop stop = request.stop().isEmpty() ? CompletionResult.Stop.EOS
                : CompletionResult.Stop.STOP_STRING;
        return out.finish(stop, "", evalCount, prompt, evaluated);
    }

    private ObjectNode body(CompletionRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model());
        body.put("prompt", request.prompt());
        body.put("raw", true);
        // A thinking model would otherwise have its text split into a separate field, leaving the answer empty.
        body.put("think", false);
        body.put("stream", true);
        ObjectNode options = body.putObject("options");
        options.put("num_predict", request.maxTokens());
        options.set("stop", JSON.valueToTree(request.stop()));
        SamplingFields.put(options, request.sampling());
        return body;
    }

    /** {@code GET /api/tags}: the models pulled into this Ollama. */
    @Override
    public List<ModelInfo> listModels() throws EngineException {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode m : http.getJson("api/tags").path("models")) {
            JsonNode d = m.path("details");
            String detail = String.join(" ", d.path("parameter_size").asText(""),
                    d.path("quantization_level").asText(""), d.path("family").asText("")).strip();
            models.add(new ModelInfo(m.path("name").asText(), detail));
        }
        return models;
    }
}
