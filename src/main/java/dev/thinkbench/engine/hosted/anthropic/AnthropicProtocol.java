package dev.thinkbench.engine.hosted.anthropic;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatResponseMetadata;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.Usage;
import dev.thinkbench.core.Worded;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.hosted.HostedModel;
import dev.thinkbench.engine.hosted.HostedModels;
import dev.thinkbench.engine.hosted.HostedProtocol;
import dev.thinkbench.engine.stream.ChatServer;
import dev.thinkbench.engine.stream.ModelListing;
import dev.thinkbench.engine.stream.WireCheck;

import java.util.List;

/**
 * Anthropic's Messages API for {@link dev.thinkbench.engine.stream.ChatStreamRun}, through langchain4j's
 * {@code AnthropicStreamingChatModel}: the budget as manual or adaptive thinking (see {@link AnthropicBudgets}),
 * checked first against what the model takes ({@link HostedModels}); thinking deltas streamed as a summary (Claude 4
 * and later summarize their thinking; signatures are kept by langchain4j, never shown); usage from the raw events
 * ({@link AnthropicUsage}). Models from {@code GET /v1/models}, answering {@code {"data":[{"id":"claude-...",
 * "display_name":"Claude ..."}]}}.
 */
final class AnthropicProtocol extends HostedProtocol {

    private static final WireCheck WIRE = new AnthropicWireCheck();
    private static final List<String> BUDGET_WORDS = List.of("budget_tokens", "thinking", "effort", "adaptive",
            "output_config");

    AnthropicProtocol(ChatServer server, HostedModels table) {
        super(server, table, AnthropicEngine.ID, new ModelListing(server, "/models?limit=1000", "data",
                        "a \"data\" list of models; is this Anthropic's API?",
                        m -> new ModelInfo(m.path("id").asText(""), m.path("display_name").asText(""))),
                WIRE, BUDGET_WORDS, "Pick one of those; Anthropic's model names look like claude-sonnet-4-5.");
    }

    @Override
    public EngineCapabilities capabilities() {
        return AnthropicBudgets.CAPABILITIES;
    }

    @Override
    public Worded meaning(Budget budget) {
        return AnthropicBudgets.meaning(budget);
    }

    @Override
    public String whyUnsupported(RunSpec spec) {
        return AnthropicBudgets.whyUnsupported(spec, row(spec));
    }

    @Override
    public boolean oneTokenPerCallback() {
        return false; // Anthropic batches several tokens into each delta
    }

    @Override
    public boolean summarizesThinking(RunSpec spec) {
        return row(spec).map(HostedModel::summarizedThinking).orElse(true);
    }

    @Override
    public StreamingChatModel model(RunSpec spec, HttpClientBuilder http) {
        AnthropicBudgets.Plan plan = AnthropicBudgets.plan(spec, row(spec));
        Sampling s = spec.sampling();
        boolean thinking = plan.thinkingType() != null;
        return AnthropicStreamingChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(server.baseUrl())
                .apiKey(server.apiKey())
                .modelName(spec.model())
                .maxTokens(plan.maxTokens())
                .thinkingType(plan.thinkingType())
                .thinkingBudgetTokens(plan.budgetTokens())
                .thinkingDisplay(plan.display())
                .returnThinking(true)
                .sendThinking(true)
                .customParameters(plan.customParameters().isEmpty() ? null : plan.customParameters())
                .temperature(thinking ? null : s.temperature())
                .topP(s.topP())
                .build();
    }

    /** From the raw events, so a count the stream did not send stays unknown (see {@link AnthropicUsage}). */
    @Override
    public Usage usage(ChatResponse response, boolean thinkingStreamed) {
        return response.metadata() instanceof AnthropicChatResponseMetadata m && m.rawServerSentEvents() != null
                ? AnthropicUsage.of(m.rawServerSentEvents()) : super.usage(response, thinkingStreamed);
    }
}
