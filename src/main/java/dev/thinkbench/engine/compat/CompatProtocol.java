package dev.thinkbench.engine.compat;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.stream.ChatProtocol;
import dev.thinkbench.engine.stream.ChatRequests;
import dev.thinkbench.engine.stream.Failure;
import dev.thinkbench.engine.stream.FailureMapper;
import dev.thinkbench.engine.stream.UnknownModelCheck;
import dev.thinkbench.engine.stream.WireCheck;

/**
 * OpenAI chat completions for {@link dev.thinkbench.engine.stream.ChatStreamRun}: the budget as
 * {@code reasoning_effort} or {@code max_tokens} (see {@link CompatBudgets}), {@code returnThinking(true)} so
 * {@code reasoning_content} (DeepSeek, llama.cpp) and {@code reasoning} (vLLM) stream as thinking, and usage with
 * {@code completion_tokens_details.reasoning_tokens} as the thinking count.
 */
final class CompatProtocol implements ChatProtocol {

    private static final WireCheck WIRE = new OpenAiWireCheck();

    private final String apiBase;
    private final String apiKey;
    private final FailureMapper failures;
    private final CompatModels models;

    CompatProtocol(String apiBase, String apiKey, FailureMapper failures, CompatModels models) {
        this.apiBase = apiBase;
        this.apiKey = apiKey;
        this.failures = failures;
        this.models = models;
    }

    @Override
    public FailureMapper failures() {
        return failures;
    }

    @Override
    public String whyUnsupported(RunSpec spec) {
        return spec.budget() instanceof Budget.Forcing f ? CompatBudgets.CAPABILITIES.whyUnsupported(f) : null;
    }

    @Override
    public StreamingChatModel model(RunSpec spec, HttpClientBuilder http) {
        CompatBudgets.Plan plan = CompatBudgets.plan(spec.budget(), spec.sampling());
        Sampling s = spec.sampling();
        return OpenAiStreamingChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(apiBase)
                .apiKey(apiKey)
                .modelName(spec.model())
                .returnThinking(true)
                .reasoningEffort(plan.reasoningEffort())
                .maxTokens(plan.maxTokens())
                .customParameters(plan.extraParameters().isEmpty() ? null : plan.extraParameters())
                .temperature(s.temperature())
                .topP(s.topP())
                .seed(ChatRequests.seed(s.seed()))
                .build();
    }

    @Override
    public WireCheck wireCheck() {
        return WIRE;
    }

    /**
     * Prompt and completion tokens, and {@code reasoning_tokens} as the thinking part. Some servers send
     * {@code reasoning_tokens: 0} although they streamed reasoning text; that 0 means "not counted", so it is dropped
     * and the thinking tokens are counted from the stream instead.
     */
    @Override
    public Usage usage(ChatResponse response, boolean thinkingStreamed) {
        TokenUsage t = response.tokenUsage();
        if (t == null || (t.inputTokenCount() == null && t.outputTokenCount() == null)) {
            return null;
        }
        Integer reasoning = t instanceof OpenAiTokenUsage o && o.outputTokensDetails() != null
                ? o.outputTokensDetails().reasoningTokens() : null;
        if (reasoning != null && reasoning == 0 && thinkingStreamed) {
            reasoning = null;
        }
        return new Usage(t.inputTokenCount(), t.outputTokenCount(), reasoning);
    }

    @Override
    public Failure diagnose(Failure failure, RunSpec spec) {
        if (!failure.mayBeUnknownModel()) {
            return failure;
        }
        return UnknownModelCheck.diagnose(failure, spec.model(), failures.endpoint(), models::list,
                "Pick one of those, or load the model on the server.");
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "CompatProtocol[" + apiBase + "]";
    }
}
