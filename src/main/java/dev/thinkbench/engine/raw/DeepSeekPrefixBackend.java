package dev.thinkbench.engine.raw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * DeepSeek's chat prefix completion (beta, base URL {@code https://api.deepseek.com/beta}) as a raw continuation.
 * The raw prompt (built with the {@code chatml-think} or {@code deepseek-r1} template) is taken apart into messages;
 * the last is {@code {"role":"assistant","content":"<answer so far>","reasoning_content":"<CoT so far>",
 * "prefix":true}}, and the model continues the chain of thought. The streamed {@code reasoning_content} and
 * {@code content} are put back together as the text the template would show ({@code ...thinking</think>\nanswer}),
 * and stop strings are matched here: the API cannot stop on {@code </think>} itself, so the stream is closed as soon
 * as the answer begins. When the prompt already closed thinking, any further reasoning the API streams is left out
 * of the text (its tokens still count in the reported usage): only the answer continues the prompt.
 *
 * <p>Threading: see {@link CompletionBackend}.
 */
public final class DeepSeekPrefixBackend implements CompletionBackend, ModelCatalog {

    public static final String ID = "deepseek-prefix";
    public static final String DEFAULT_BASE_URL = "https://api.deepseek.com/beta";

    private final RawHttp http;
    private final String model;

    public DeepSeekPrefixBackend(RawBackendSpec spec) {
        this.http = new RawHttp(ID, spec.baseUrl(), spec.apiKey(), spec.timeout());
        this.model = spec.model();
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
        PrefixPrompt prompt;
        try {
            prompt = PrefixPrompt.parse(request.prompt());
        } catch (IllegalArgumentException e) {
            throw new EngineException(FailureKind.UNSUPPORTED, e.getMessage());
        }
        Continuation out = new Continuation(listener);
        CancelToken stream = new CancelToken();
        cancel.onCancel(stream::cancel);
        StreamLines lines = http.stream("chat/completions", body(request, prompt), stream);
        if (lines == null) {
            return out.cancelled();
        }
        try (lines) {
            return read(new SseEvents(lines), lines, out, new Reassembly(prompt, request.stop()), stream);
        }
    }

    private CompletionResult read(SseEvents events, StreamLines lines, Continuation out, Reassembly text,
                                  CancelToken stream) throws EngineException {
        String finish = null;
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
            JsonNode delta = choice.path("delta");
            text.reasoning(delta.path("reasoning_content").asText(""), out);
            text.content(delta.path("content").asText(""), out);
            if (text.stopped()) {
                stream.cancel();
                return out.finish(CompletionResult.Stop.STOP_STRING, text.matched(), null, null);
            }
            if (choice.path("finish_reason").isTextual()) {
                finish = choice.path("finish_reason").asText();
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
        text.flush(out);
        Integer completion = usage != null && usage.path("completion_tokens").isIntegralNumber()
                ? usage.path("completion_tokens").asInt() : null;
        Integer promptTokens = usage != null && usage.path("prompt_cache_miss_tokens").isIntegralNumber()
                ? Integer.valueOf(usage.path("prompt_cache_miss_tokens").asInt())
                : usage != null && usage.path("prompt_tokens").isIntegralNumber()
                ? usage.path("prompt_tokens").asInt() : null;
        CompletionResult.Stop stop = finish.equals("length") ? CompletionResult.Stop.LENGTH
                : CompletionResult.Stop.EOS;
        return out.finish(stop, "", completion, promptTokens);
    }

    private ObjectNode body(CompletionRequest request, PrefixPrompt prompt) {
        ObjectNode body = RawHttp.JSON.createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        if (!prompt.system().isEmpty()) {
            messages.addObject().put("role", "system").put("content", prompt.system());
        }
        messages.addObject().put("role", "user").put("content", prompt.user());
        messages.addObject().put("role", "assistant").put("content", prompt.content())
                .put("reasoning_content", prompt.reasoning()).put("prefix", true);
        body.put("max_tokens", request.maxTokens());
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        SamplingFields.put(body, request.sampling());
        return body;
    }

    /** {@code GET /models} on the API (the beta base serves it too). */
    @Override
    public List<ModelInfo> listModels() throws EngineException {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode m : http.getJson("models").path("data")) {
            models.add(new ModelInfo(m.path("id").asText(), m.path("owned_by").asText("")));
        }
        return models;
    }

    /** Rebuilds the raw text from reasoning and content deltas and watches it for stop strings. */
    private static final class Reassembly {
        private final StopStringMatcher matcher;
        private final String closing;
        private boolean inReasoning;

        Reassembly(PrefixPrompt prompt, List<String> stops) {
            this.matcher = new StopStringMatcher(stops);
            this.closing = prompt.closing();
            this.inReasoning = !prompt.thinkingClosed();
        }

        void reasoning(String piece, Continuation out) {
            if (!piece.isEmpty() && inReasoning) {
                emit(piece, 1, out);
            }
        }

        void content(String piece, Continuation out) {
            if (piece.isEmpty()) {
                return;
            }
            if (inReasoning) {
                inReasoning = false;
                emit(closing, 0, out);
                if (stopped()) {
                    return;
                }
            }
            emit(piece, 1, out);
        }

        private void emit(String piece, int tokens, Continuation out) {
            String safe = matcher.feed(piece);
            out.text(safe, tokens);
        }

        void flush(Continuation out) {
            out.text(matcher.flush(), 0);
        }

        boolean stopped() {
            return matcher.matched() != null;
        }

        String matched() {
            return matcher.matched();
        }
    }
}
