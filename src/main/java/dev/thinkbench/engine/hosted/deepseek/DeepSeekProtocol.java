package dev.thinkbench.engine.hosted.deepseek;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.Worded;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.compat.OpenAiWireCheck;
import dev.thinkbench.engine.hosted.HostedModels;
import dev.thinkbench.engine.hosted.HostedProtocol;
import dev.thinkbench.engine.hosted.RawEvents;
import dev.thinkbench.engine.stream.ChatRequests;
import dev.thinkbench.engine.stream.ChatServer;
import dev.thinkbench.engine.stream.ModelListing;
import dev.thinkbench.engine.stream.WireCheck;

import java.util.List;

/**
 * DeepSeek's chat API in thinking mode for {@link dev.thinkbench.engine.stream.ChatStreamRun}, through langchain4j's
 * {@code OpenAiStreamingChatModel} (DeepSeek speaks the OpenAI chat-completions stream): the budget as
 * {@code thinking.type} and {@code reasoning_effort} (see {@link DeepSeekBudgets}); {@code reasoning_content}
 * streamed as thinking (the full reasoning, thinking kept ahead of the answer at the boundary chunk); usage with
 * {@code completion_tokens_details.reasoning_tokens} and {@code prompt_cache_hit_tokens}, the only token counts
 * shown: a chunk may carry a word or a sentence, so chunks are not counted as tokens. Models from {@code GET /models}.
 */
final class DeepSeekProtocol extends HostedProtocol {

    private static final WireCheck WIRE = new OpenAiWireCheck();
    private static final List<String> BUDGET_WORDS = List.of("thinking", "reasoning_effort");

    DeepSeekProtocol(ChatServer server, HostedModels table) {
        super(server, table, DeepSeekEngine.ID, new ModelListing(server, "/models", "data",
                        "a \"data\" list of models; is this DeepSeek's API?",
                        m -> new ModelInfo(m.path("id").asText(""), m.path("owned_by").asText(""))),
                WIRE, BUDGET_WORDS, "Pick one of those (e.g. deepseek-v4-flash).");
    }

    @Override
    public EngineCapabilities capabilities() {
        return DeepSeekBudgets.CAPABILITIES;
    }

    @Override
    public Worded meaning(Budget budget) {
        return DeepSeekBudgets.meaning(budget);
    }

    @Override
    public String whyUnsupported(RunSpec spec) {
        return DeepSeekBudgets.whyUnsupported(spec, row(spec));
    }

    @Override
    public boolean oneTokenPerCallback() {
        return false; // a chunk is not a token (a stalled stream showed one sentence as "1 token"): usage counts
    }

    @Override
    public StreamingChatModel model(RunSpec spec, HttpClientBuilder http) {
        DeepSeekBudgets.Plan plan = DeepSeekBudgets.plan(spec);
        Sampling s = spec.sampling();
        return OpenAiStreamingChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(server.baseUrl())
                .apiKey(server.apiKey())
                .modelName(spec.model())
                .returnThinking(true)
                .reasoningEffort(plan.reasoningEffort())
                .maxTokens(plan.maxTokens())
                .customParameters(plan.customParameters())
                .temperature(s.temperature())
                .topP(s.topP())
                .seed(ChatRequests.seed(s.seed()))
                .build();
    }

    /**
     * DeepSeek's {@code usage.prompt_cache_hit_tokens} (its own name; the prompt tokens are hits and misses together),
     * read from the raw events since langchain4j drops it; else {@code prompt_tokens_details.cached_tokens}.
     */
    @Override
    public Integer cachedPromptTokens(ChatResponse response) {
        Integer hits = null;
        if (response.metadata() instanceof OpenAiChatResponseMetadata m && m.rawServerSentEvents() != null) {
            for (ServerSentEvent e : m.rawServerSentEvents()) {
                hits = RawEvents.count(RawEvents.parse(e.data()).path("usage"), hits, "prompt_cache_hit_tokens");
            }
        }
        if (hits != null) {
            return hits;
        }
        return response.tokenUsage() instanceof OpenAiTokenUsage o && o.inputTokensDetails() != null
                ? o.inputTokensDetails().cachedTokens() : null;
    }

    /** {@code reasoning_tokens}, as reported (0 with thinking off is a real 0). */
    @Override
    public Integer thinkingTokens(TokenUsage usage, boolean thinkingStreamed) {
        return usage instanceof OpenAiTokenUsage o && o.outputTokensDetails() != null
                ? o.outputTokensDetails().reasoningTokens() : null;
    }
}
