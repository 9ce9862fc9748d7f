package dev.thinkbench.engine.raw;

import dev.thinkbench.engine.StopStringMatcher;

import dev.thinkbench.engine.RawBackendSpec;

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
import dev.thinkbench.engine.ModelInfo;

import java.util.List;

/**
 * DeepSeek's chat prefix completion (beta, base URL {@code https://api.deepseek.com/beta}) as a raw continuation.
 * The raw prompt (built with the {@code chatml-think} or {@code deepseek-r1} template) is taken apart into messages;
 * the last is {@code {"role":"assistant","content":"<answer so far>","reasoning_content":"<CoT so far>",
 * "prefix":true}}, and the model continues the chain of thought. The streamed {@code reasoning_content} and
 * {@code content} are put back together as the text the template would show ({@code ...thinking</think>\nanswer}),
 * and stop strings are matched here: the API cannot stop on {@code </think>} itself, so the stream is closed as soon
 * as the answer begins. When the prompt already closed thinking, any further reasoning the API streams is left out
 * of the text (its tokens still count in the reported usage): only the answer continues the prompt. The usage's
 * {@code prompt_tokens} is the prompt's size, {@code prompt_cache_miss_tokens} the part not served from DeepSeek's
 * context cache; a continuation closed here at a stop string ends before the usage comes, so both stay unknown.
 *
 * <p>Threading: see {@link CompletionBackend}.
 */
public final class DeepSeekPrefixBackend extends HttpCompletionBackend {

    public static final String ID = "deepseek-prefix";
    public static final String DEFAULT_BASE_URL = "https://api.deepseek.com/beta";

    public DeepSeekPrefixBackend(RawBackendSpec spec) {
        super(ID, spec);
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
        return stream("chat/completions", body(request, prompt), new Reading(new Reassembly(prompt, request.stop())),
                listener, cancel);
    }

    /** The reading of one continuation of {@code rawPrompt} (a chatml-think or deepseek-r1 prompt). */
    static StreamProtocol reading(String rawPrompt, List<String> stops) {
        return new Reading(new Reassembly(PrefixPrompt.parse(rawPrompt), stops));
    }

    /**
     * Chat deltas until {@code [DONE]}; a stop string matched here ends the continuation at once (the stream is then
     * closed), otherwise the finish reason and the usage decide.
     */
    static final class Reading extends ChoiceStream {
        private final Reassembly text;

        Reading(Reassembly text) {
            this.text = text;
        }

        @Override
        public CompletionResult onItem(JsonNode event, Continuation out) {
            JsonNode delta = event.path("choices").path(0).path("delta");
            text.reasoning(delta.path("reasoning_content").asText(""), out);
            text.content(delta.path("content").asText(""), out);
            if (text.stopped()) {
                return out.finish(CompletionResult.Stop.STOP_STRING, text.matched(), null, null, null);
            }
            track(event);
            return null;
        }

        @Override
        public CompletionResult onEnd(Continuation out) {
            if (finish() == null) {
                return null;
            }
            text.flush(out);
            JsonNode usage = usage();
            Integer prompt = ReportedCount.first(usage.path("prompt_tokens"));
            Integer evaluated = ReportedCount.first(usage.path("prompt_cache_miss_tokens"),
                    usage.path("prompt_tokens"));
            CompletionResult.Stop stop = finish().equals("length") ? CompletionResult.Stop.LENGTH
                    : CompletionResult.Stop.EOS;
            return out.finish(stop, "", completionTokens(), prompt, evaluated);
        }
    }

    private ObjectNode body(CompletionRequest request, PrefixPrompt prompt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model());
        ArrayNode messages = body.putArray("messages");
        if (!prompt.system().isEmpty()) {
            messages.addObject().put("role", "system").put("content", prompt.system());
        }
        messages.addObject().put("role", "user").put("content", prompt.user());
        messages.addObject().put("role", "assistant").put("content", prompt.content())
                .put("reasoning_content", prompt.reasoning()).put("prefix", true);
        ChoiceStream.putStreaming(body, request);
        return body;
    }

    /** {@code GET /models} on the API (the beta base serves it too). */
    @Override
    public List<ModelInfo> listModels() throws EngineException {
        return openAiModels("models");
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
