package dev.thinkbench.engine.raw;

import dev.thinkbench.engine.RawBackendSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.HttpException;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelCatalog;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.http.BaseUrl;
import dev.thinkbench.engine.http.BoundedBody;
import dev.thinkbench.engine.http.Endpoint;
import dev.thinkbench.engine.http.EventReader;
import dev.thinkbench.engine.http.FailureMapper;
import dev.thinkbench.engine.http.ServerClient;
import dev.thinkbench.engine.http.StreamExchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A raw-continuation backend that streams from one HTTP server, on the same transport as every HTTP engine
 * ({@link ServerClient}, {@link StreamExchange}, {@link EventReader}, {@link FailureMapper}). Holds what every such
 * backend shares (its id, the server, the model) and the streamed call itself: POST the request, read the framed
 * items, stop on a cancel or on silence, fail on a reported error or a cut stream. Each subclass keeps only its
 * protocol: the request body and a {@link StreamProtocol}.
 *
 * <p>Threading: see {@link CompletionBackend}; {@link #stream} blocks the calling thread and calls the listener on
 * it.
 */
abstract sealed class HttpCompletionBackend implements CompletionBackend, ModelCatalog
        permits LlamaServerBackend, OllamaRawBackend, OpenAiCompletionsBackend, DeepSeekPrefixBackend {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The server; the API key, if any, stays inside it. */
    final ServerClient http;
    private final String id;
    private final String model;

    HttpCompletionBackend(String id, RawBackendSpec spec) {
        this(id, spec, false);
    }

    /**
     * @param atServerRoot whether the API sits at the server's root (llama-server's {@code /completion}): a base URL
     *                     given with the {@code /v1} of the server's OpenAI routes is then taken without it
     */
    HttpCompletionBackend(String id, RawBackendSpec spec, boolean atServerRoot) {
        String checked = BaseUrl.check(spec.baseUrl(), spec.baseUrl().toString(), id);
        String base = atServerRoot && checked.endsWith("/v1") ? checked.substring(0, checked.length() - 3) : checked;
        boolean keySet = spec.apiKey() != null && !spec.apiKey().isBlank();
        this.http = new ServerClient(base, new Endpoint(id, base, keySet, spec.apiKeyEnv(),
                "Is the server running, and is the base URL right?"), spec.apiKey(), spec.timeout());
        this.id = id;
        this.model = spec.model();
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String displayName() {
        return http.describe();
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
     *         protocol's final item, TIMEOUT when the server went silent, and the exchange's failures
     */
    final CompletionResult stream(String path, Object body, StreamProtocol protocol, CompletionListener listener,
                                  CancelToken cancel) throws EngineException {
        Continuation out = new Continuation(listener);
        FailureMapper failures = http.failures();
        AtomicBoolean silent = new AtomicBoolean();
        AtomicReference<StreamExchange> current = new AtomicReference<>();
        StreamExchange exchange = http.exchange(() -> {
            silent.set(true);
            current.get().abort();
        }, (wait, status, said) -> listener.onRetryWait(wait, http.describe() + " answered HTTP " + status
                + (said == null ? "" : " (" + said + ")") + " and asked to wait"));
        current.set(exchange);
        cancel.onCancel(exchange::abort);
        BoundedBody.Framing framing = protocol.framing() == StreamProtocol.Framing.SSE
                ? BoundedBody.Framing.SSE : BoundedBody.Framing.LINES;
        ProtocolReader reading = new ProtocolReader(protocol, out, failures);
        try (exchange) {
            InputStream in = exchange.open(http.streamRequest(path, body), framing);
            if (in != null) {
                reading.opened();
                EventReader.read(in, framing, reading::onEvent);
            }
        } catch (IOException e) {
            if (!silent.get() && !cancel.isCancelled()) {
                throw failures.map(e, reading.wasOpened()).toException();
            }
        } catch (HttpException e) {
            throw failures.map(e, false).toException();
        }
        if (reading.result() != null) {
            return reading.result();
        }
        if (silent.get()) {
            throw failures.silent(http.timeout()).toException();
        }
        if (cancel.isCancelled()) {
            return out.cancelled();
        }
        CompletionResult result = reading.atEnd();
        if (result == null) {
            throw failures.cut(protocol.missingEnd()).toException();
        }
        String brokenOff = protocol.brokenOff();
        if (brokenOff != null) {
            throw failures.inStream(FailureKind.SERVER_ERROR, brokenOff).toException();
        }
        return result;
    }
}
