package dev.thinkbench.engine.compat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.stream.JsonGet;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists an OpenAI-compatible server's models: {@code GET {api}/models}, answering
 * {@code {"object":"list","data":[{"id":"...","owned_by":"..."}]}}.
 *
 * <p>Threading: blocks; call it off the UI thread.
 */
final class CompatModels {

    private final JsonGet get;
    private final URI models;
    private final Map<String, String> headers;

    CompatModels(JsonGet get, String apiBase, Map<String, String> headers) {
        this.get = get;
        this.models = URI.create(apiBase + "/models");
        this.headers = Map.copyOf(headers);
    }

    List<ModelInfo> list() throws EngineException {
        JsonNode data = get.get(models, headers).get("data");
        if (data == null || !data.isArray()) {
            throw new EngineException(FailureKind.MALFORMED_STREAM, "The server at " + models
                    + " answered without a \"data\" list of models; is this an OpenAI-compatible server?");
        }
        List<ModelInfo> result = new ArrayList<>();
        for (JsonNode m : data) {
            String id = m.path("id").asText("");
            if (!id.isBlank()) {
                result.add(new ModelInfo(id, m.path("owned_by").asText("")));
            }
        }
        return List.copyOf(result);
    }
}
