package dev.thinkbench.engine.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.Worded;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.http.Failure;
import dev.thinkbench.engine.stream.ChatProtocol;
import dev.thinkbench.engine.stream.ChatRequests;
import dev.thinkbench.engine.stream.ChatServer;
import dev.thinkbench.engine.stream.ModelListing;
import dev.thinkbench.engine.stream.UnknownModelCheck;
import dev.thinkbench.engine.stream.WireCheck;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Ollama's {@code /api/chat} for {@link dev.thinkbench.engine.stream.ChatStreamRun}: the budget as {@code think} and
 * {@code num_predict} (see {@link OllamaBudgets}), {@code returnThinking(true)} so the {@code thinking} field streams,
 * usage from {@code prompt_eval_count} and {@code eval_count} (Ollama does not split out thinking tokens). Models
 * from {@code GET /api/tags}, answering {@code {"models":[{"name":"qwen3:8b","details":{"family":"qwen3",
 * "parameter_size":"8.2B","quantization_level":"Q4_K_M"}}]}}.
 */
final class OllamaProtocol implements ChatProtocol {

    private static final WireCheck WIRE = new OllamaWireCheck();

    private final ChatServer server;
    private final ModelListing models;

    OllamaProtocol(ChatServer server) {
        this.server = server;
        this.models = new ModelListing(server, "/api/tags", "models", "a \"models\" list; is this an Ollama server?",
                m -> new ModelInfo(m.path("name").asText(m.path("model").asText("")), detail(m.path("details"))));
    }

    private static String detail(JsonNode details) {
        return Stream.of("family", "parameter_size", "quantization_level")
                .map(f -> details.path(f).asText(""))
                .filter(s -> !s.isBlank())
                .collect(Collectors.joining(" \u00b7 "));
    }

    @Override
    public List<ModelInfo> listModels() throws EngineException {
        return models.list();
    }

    @Override
    public EngineCapabilities capabilities() {
        return OllamaBudgets.CAPABILITIES;
    }

    @Override
    public Worded meaning(Budget budget) {
        return OllamaBudgets.meaning(budget);
    }

    @Override
    public StreamingChatModel model(RunSpec spec, HttpClientBuilder http) {
        OllamaBudgets.Plan plan = OllamaBudgets.plan(spec.budget(), spec.sampling());
        Sampling s = spec.sampling();
        return OllamaStreamingChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(server.baseUrl())
                .customHeaders(server.headers())
                .modelName(spec.model())
                .think(plan.think())
                .returnThinking(true)
                .numPredict(plan.numPredict())
                .temperature(s.temperature())
                .topP(s.topP())
                .seed(ChatRequests.seed(s.seed()))
                .build();
    }

    @Override
    public WireCheck wireCheck() {
        return WIRE;
    }

    @Override
    public Failure diagnose(Failure failure, RunSpec spec) {
        String said = failure.serverMessage() == null ? "" : failure.serverMessage().toLowerCase(Locale.ROOT);
        if (said.contains("does not support thinking")) {
            return new Failure(FailureKind.UNSUPPORTED, "Model '" + spec.model() + "' on " + server.describe()
                    + " cannot think (it said: " + failure.serverMessage() + "). Use the budget 'none' for this model.",
                    failure.httpStatus(), failure.serverMessage(), null);
        }
        return UnknownModelCheck.diagnose(failure, spec.model(), server.failures().endpoint(), models,
                "Pull it with: ollama pull " + spec.model());
    }
}
