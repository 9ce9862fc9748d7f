package dev.thinkbench.engine.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.stream.JsonGet;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lists the models an Ollama server has pulled: {@code GET /api/tags}, answering
 * {@code {"models":[{"name":"qwen3:8b","details":{"family":"qwen3","parameter_size":"8.2B",
 * "quantization_level":"Q4_K_M"}}]}}.
 *
 * <p>Threading: blocks; call it off the UI thread.
 */
final class OllamaModels {

    private final JsonGet get;
    private final URI tags;
    private final Map<String, String> headers;

    OllamaModels(JsonGet get, String baseUrl, Map<String, String> headers) {
        this.get = get;
        this.tags = URI.create(baseUrl + "/api/tags");
        this.headers = Map.copyOf(headers);
    }

    List<ModelInfo> list() throws EngineException {
        JsonNode root = get.get(tags, headers);
        JsonNode models = root.get("models");
        if (models == null || !models.isArray()) {
            throw new EngineException(FailureKind.MALFORMED_STREAM, "The server at " + tags
                    + " answered without a \"models\" list; is this an Ollama server?");
        }
        List<ModelInfo> result = new ArrayList<>();
        for (JsonNode m : models) {
            String name = m.path("name").asText(m.path("model").asText(""));
            if (!name.isBlank()) {
                result.add(new ModelInfo(name, detail(m.path("details"))));
            }
        }
        return List.copyOf(result);
    }

    private static String detail(JsonNode details) {
        return Stream.of("family", "parameter_size", "quantization_level")
                .map(f -> details.path(f).asText(""))
                .filter(s -> !s.isBlank())
                .collect(Collectors.joining(" \u00b7 "));
    }
}
