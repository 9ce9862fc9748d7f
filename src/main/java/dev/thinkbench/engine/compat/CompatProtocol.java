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

/**
 * OpenAI chat completions for {@link dev.thinkbench.engine.stream.ChatStreamRun}: the budget as
 * {@code reasoning_effort} or {@code max_tokens} (see {@link CompatBudgets}), {@code returnThinking(true)} so
 * {@code reasoning_content} (DeepSeek, llama.cpp) and {@code reasoning} (vLLM) stream as thinking, and usage with
 * {@code completion_tokens_details.reasoning_tokens} as the thinking count; a reply that starts inside thinking the
 * prompt opened is split at {@code </think>} where the server tells ({@link TemplateProbe}). Models from
 * {@code GET {api}/models},
 * answering {@code {"object":"list","data":[{"id":"...","owned_by":"..."}]}}.
 */
final class CompatProtocol implements ChatProtocol {

    private static final WireCheck WIRE = new OpenAiWireCheck();

    private final ChatServer server;
    private final ModelListing models;
    private final TemplateProbe template;

    CompatProtocol(ChatServer server) {
        this.server = server;
        this.template = new TemplateProbe(server, System::nanoTime);
        this.models = new ModelListing(server, "/models", "data",
                "a \"data\" list of models; is this an OpenAI-compatible server?",
                m -> new ModelInfo(m.path("id").asText(""), m.path("owned_by").asText("")));
    }

    @Override
    public List<ModelInfo> listModels() throws EngineException {
        return models.list();
    }

    @Override
    public EngineCapabilities capabilities() {
        return CompatBudgets.CAPABILITIES;
    }

    @Override
    public Worded meaning(Budget budget) {
        return CompatBudgets.meaning(budget);
    }

    @Override
    public StreamingChatModel model(RunSpec spec, HttpClientBuilder http) {
        CompatBudgets.Plan plan = CompatBudgets.plan(spec.budget(), spec.sampling());
        Sampling s = spec.sampling();
        return OpenAiStreamingChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(server.baseUrl())
                .apiKey(server.apiKey())
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
     * Forcing, as everywhere here; and an effort level where the server says its chat template does not read
     * {@code reasoning_effort} (llama-server's {@code /props}, see {@link TemplateProbe}): every level would think
     * alike there, and three look-alike columns would teach the wrong thing.
     */
    @Override
    public String whyUnsupported(RunSpec spec) {
        String forcing = ChatProtocol.super.whyUnsupported(spec);
        if (forcing != null || !(spec.budget() instanceof Budget.Effort e)
                || !template.template(spec.model()).ignoresEffort()) {
            return forcing;
        }
        return server.describe() + " says the chat template of " + spec.model() + " does not read reasoning_effort,"
                + " so effort '" + e.level().wireName() + "' would think as long as every other level. Give this"
                + " column a tokens:N budget (it caps thinking and answer together), or use the llama-server engine,"
                + " which holds thinking to a budget itself.";
    }

    /** From llama-server's rendered prompt ({@link TemplateProbe}); other servers do not tell, and say no. */
    @Override
    public boolean promptOpensThinking(RunSpec spec) {
        return template.opensThinking(spec.model());
    }

    /**
     * {@code reasoning_tokens}. Some servers send {@code reasoning_tokens: 0} although they streamed reasoning text;
     * that 0 means "not counted", so it is dropped and the thinking tokens are counted from the stream instead.
     */
    @Override
    public Integer thinkingTokens(TokenUsage usage, boolean thinkingStreamed) {
        Integer reasoning = usage instanceof OpenAiTokenUsage o && o.outputTokensDetails() != null
                ? o.outputTokensDetails().reasoningTokens() : null;
        return reasoning != null && reasoning == 0 && thinkingStreamed ? null : reasoning;
    }

    /** {@code usage.prompt_tokens_details.cached_tokens}, where the server sends it (OpenAI does). */
    @Override
    public Integer cachedPromptTokens(ChatResponse response) {
        return response.tokenUsage() instanceof OpenAiTokenUsage o && o.inputTokensDetails() != null
                ? o.inputTokensDetails().cachedTokens() : null;
    }

    @Override
    public Failure diagnose(Failure failure, RunSpec spec) {
        return UnknownModelCheck.diagnose(failure, spec.model(), server.failures().endpoint(), models,
                "Pick one of those, or load the model on the server.");
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "CompatProtocol[" + server.baseUrl() + "]";
    }
}
