package dev.thinkbench.engine.raw;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelCatalog;
import dev.thinkbench.engine.ModelInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * A raw-continuation backend that streams from one HTTP server. Holds what every such backend shares (its id, the
 * server, the model) and the streamed call itself: POST the request, read the framed items, stop on a cancel or on
 * silence, fail on a reported error or a cut stream. Each subclass keeps only its protocol: the request body and a
 * {@link StreamProtocol}.
 *
 * <p>Threading: see {@link CompletionBackend}; {@link #stream} blocks the calling thread and calls the listener on
 * it.
 */
abstract sealed class HttpCompletionBackend implements CompletionBackend, ModelCatalog
        permits LlamaServerBackend, OllamaRawBackend, OpenAiCompletionsBackend, DeepSeekPrefixBackend {

    /** The server; the API key, if any, stays inside it. */
    final RawHttp http;
    private final String id;
    private final String model;

    HttpCompletionBackend(String id, RawBackendSpec spec) {
        this.http = new RawHttp(id, spec.baseUrl(), spec.apiKey(), spec.timeout());
        this.id = id;
        this.model = spec.model();
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String displayName() {
        return http.server();
    }

    @Override
    public final String model() {
        return model;
    }

    /** The models an OpenAI-style {@code GET path} lists: {@code data[].id}, with {@code owned_by} as the detail. */
    final List<ModelInfo> openAiModels(String path) throws EngineException {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode m : http.getJson(path).path("data")) {
            models.add(new ModelInfo(m.path("id").asText(), m.path("owned_by").asText("")));
        }
        return models;
    }

    /**
     * POSTs {@code body} to {@code path} and reads the streamed continuation with {@code protocol}.
     *
     * @return the protocol's result, or a {@code CANCELLED} one with the text so far when {@code cancel} fired
     * @throws EngineException SERVER_ERROR when the stream reports an error, STREAM_CUT when it ends before the
     *         protocol's final item, and whatever {@link RawHttp} and {@link StreamLines} throw
     */
    final CompletionResult stream(String path, Object body, StreamProtocol protocol, CompletionListener listener,
                                  CancelToken cancel) throws EngineException {
        Continuation out = new Continuation(listener);
        StreamLines lines = http.stream(path, body, cancel);
        if (lines == null) {
            return out.cancelled();
        }
        try (lines) {
            SseEvents events = protocol.framing() == StreamProtocol.Framing.SSE ? new SseEvents(lines) : null;
            for (String payload; (payload = next(lines, events, protocol)) != null; ) {
                CompletionResult result = protocol.onItem(checked(http.parse(payload), protocol), out);
                if (result != null) {
                    return result;
                }
            }
            if (lines.cancelled()) {
                return out.cancelled();
            }
            CompletionResult result = protocol.onEnd(out);
            if (result == null) {
                throw new EngineException(FailureKind.STREAM_CUT, http.server() + " ended the stream "
                        + protocol.missingEnd() + "; the text so far is kept");
            }
            return result;
        }
    }

    /** The next item's payload; null at the end of the body, and for SSE at a {@code [DONE]} that ends it. */
    private static String next(StreamLines lines, SseEvents events, StreamProtocol protocol) throws EngineException {
        if (events == null) {
            for (String line; (line = lines.next()) != null; ) {
                if (!line.isBlank()) {
                    return line;
                }
            }
            return null;
        }
        for (String data; (data = events.next()) != null; ) {
            if (!data.equals(SseEvents.DONE)) {
                return data;
            }
            if (protocol.endsAtDone()) {
                return null;
            }
        }
        return null;
    }

    private JsonNode checked(JsonNode item, StreamProtocol protocol) throws EngineException {
        String error = protocol.error(item);
        if (error != null) {
            throw new EngineException(FailureKind.SERVER_ERROR, http.server() + " reported an error mid-stream: "
                    + error);
        }
        return item;
    }
}
