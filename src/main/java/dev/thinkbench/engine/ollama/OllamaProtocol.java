package dev.thinkbench.engine.ollama;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.stream.ChatProtocol;
import dev.thinkbench.engine.stream.ChatRequests;
import dev.thinkbench.engine.stream.Failure;
import dev.thinkbench.engine.stream.FailureMapper;
import dev.thinkbench.engine.stream.UnknownModelCheck;
import dev.thinkbench.engine.stream.WireCheck;

import java.util.Locale;
import java.util.Map;

/**
 * Ollama's {@code /api/chat} for {@link dev.thinkbench.engine.stream.ChatStreamRun}: the budget as {@code think} and
 * {@code num_predict} (see {@link OllamaBudgets}), {@code returnThinking(true)} so the {@code thinking} field streams,
 * usage from {@code prompt_eval_count} and {@code eval_count} (Ollama does not split out thinking tokens).
 */
final class OllamaProtocol implements ChatProtocol {

    private static final WireCheck WIRE = new OllamaWireCheck();

    private final String baseUrl;
    private final Map<String, String> headers;
    private final FailureMapper failures;
    private final OllamaModels models;

    OllamaProtocol(String baseUrl, Map<String, String> headers, FailureMapper failures, OllamaModels models) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
        this.failures = failures;
        this.models = models;
    }

    @Override
    public FailureMapper failures() {
        return failures;
    }

    @Override
    public String whyUnsupported(RunSpec spec) {
        return spec.budget() instanceof Budget.Forcing f ? OllamaBudgets.CAPABILITIES.whyUnsupported(f) : null;
    }

    @Override
    public StreamingChatModel model(RunSpec spec, HttpClientBuilder http) {
        OllamaBudgets.Plan plan = OllamaBudgets.plan(spec.budget(), spec.sampling());
        Sampling s = spec.sampling();
        return OllamaStreamingChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(baseUrl)
                .customHeaders(headers)
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
    public Usage usage(ChatResponse response, boolean thinkingStreamed) {
        TokenUsage t = response.tokenUsage();
        if (t == null || (t.inputTokenCount() == null && t.outputTokenCount() == null)) {
            return null;
        }
        return new Usage(t.inputTokenCount(), t.outputTokenCount(), null);
    }

    @Override
    public Failure diagnose(Failure failure, RunSpec spec) {
        String said = failure.serverMessage() == null ? "" : failure.serverMessage().toLowerCase(Locale.ROOT);
        if (said.contains("does not support thinking")) {
            return new Failure(FailureKind.UNSUPPORTED, "Model '" + spec.model() + "' on "
                    + failures.endpoint().describe() + " cannot think (it said: " + failure.serverMessage()
                    + "). Use the budget 'none' for this model.", failure.httpStatus(), failure.serverMessage());
        }
        if (!failure.mayBeUnknownModel()) {
            return failure;
        }
        return UnknownModelCheck.diagnose(failure, spec.model(), failures.endpoint(), models::list,
                "Pull it with: ollama pull " + spec.model());
    }
}
