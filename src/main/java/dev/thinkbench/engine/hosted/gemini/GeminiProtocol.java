package dev.thinkbench.engine.hosted.gemini;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.googleai.GeminiThinkingConfig;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
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
import dev.thinkbench.engine.http.Failure;
import dev.thinkbench.engine.stream.ChatRequests;
import dev.thinkbench.engine.stream.ChatServer;
import dev.thinkbench.engine.stream.ModelListing;
import dev.thinkbench.engine.stream.WireCheck;

import java.util.List;
import java.util.Locale;

/**
 * The Gemini API for {@link dev.thinkbench.engine.stream.ChatStreamRun}, through langchain4j's
 * {@code GoogleAiGeminiStreamingChatModel}: the budget as {@code thinkingBudget} or {@code thinkingLevel} with
 * {@code includeThoughts} (see {@link GeminiBudgets}), checked first against what the model takes
 * ({@link HostedModels}); thought parts streamed as thinking, marked as a summary; usage with
 * {@code thoughtsTokenCount} reported apart and added to the output ({@code candidatesTokenCount} excludes it, but
 * both are billed as output). A bad key, which Gemini answers with HTTP 400 {@code API_KEY_INVALID}, is an
 * authentication failure. Models from {@code GET /v1beta/models}, answering {@code {"models":[{"name":
 * "models/gemini-2.5-flash","displayName":"Gemini 2.5 Flash"}]}}.
 */
final class GeminiProtocol extends HostedProtocol {

    private static final WireCheck WIRE = new GeminiWireCheck();
    private static final List<String> BUDGET_WORDS = List.of("thinking", "budget");
    private static final String MODELS_PREFIX = "models/";

    GeminiProtocol(ChatServer server, HostedModels table) {
        super(server, table, GeminiEngine.ID, new ModelListing(server, "/models?pageSize=1000", "models",
                        "a \"models\" list; is this the Gemini API?",
                        m -> new ModelInfo(withoutPrefix(m.path("name").asText("")), m.path("displayName").asText(""))),
                WIRE, BUDGET_WORDS, "Pick one of those (e.g. gemini-2.5-flash).");
    }

    private static String withoutPrefix(String name) {
        return name.startsWith(MODELS_PREFIX) ? name.substring(MODELS_PREFIX.length()) : name;
    }

    @Override
    public EngineCapabilities capabilities() {
        return GeminiBudgets.CAPABILITIES;
    }

    @Override
    public Worded meaning(Budget budget) {
        return GeminiBudgets.meaning(budget);
    }

    @Override
    public String whyUnsupported(RunSpec spec) {
        return GeminiBudgets.whyUnsupported(spec, row(spec));
    }

    @Override
    public boolean oneTokenPerCallback() {
        return false; // Gemini sends whole sentences per chunk
    }

    @Override
    public boolean summarizesThinking(RunSpec spec) {
        return row(spec).map(HostedModel::summarizedThinking).orElse(true);
    }

    @Override
    public StreamingChatModel model(RunSpec spec, HttpClientBuilder http) {
        GeminiBudgets.Plan plan = GeminiBudgets.plan(spec);
        Sampling s = spec.sampling();
        return GoogleAiGeminiStreamingChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(server.baseUrl())
                .apiKey(server.apiKey())
                .modelName(spec.model())
                .thinkingConfig(GeminiThinkingConfig.builder()
                        .includeThoughts(plan.includeThoughts())
                        .thinkingBudget(plan.thinkingBudget())
                        .thinkingLevel(plan.thinkingLevel())
                        .build())
                .returnThinking(true)
                .maxOutputTokens(plan.maxOutputTokens())
                .temperature(s.temperature())
                .topP(s.topP())
                .seed(ChatRequests.seed(s.seed()))
                .build();
    }

    /**
     * Output is the answer's candidates plus the thoughts, since both are billed as output; the prompt's
     * {@code cachedContentTokenCount} (part of {@code promptTokenCount}) are its cached tokens.
     */
    @Override
    public Usage usage(ChatResponse response, boolean thinkingStreamed) {
        TokenUsage t = response.tokenUsage();
        if (!(t instanceof GoogleAiGeminiTokenUsage g)) {
            return super.usage(response, thinkingStreamed);
        }
        Integer candidates = g.outputTokenCount();
        Integer thoughts = g.thoughtsTokenCount();
        Integer output = candidates == null && thoughts == null ? null
                : (candidates == null ? 0 : candidates) + (thoughts == null ? 0 : thoughts);
        return g.inputTokenCount() == null && output == null ? null : new Usage(g.inputTokenCount(), output, thoughts,
                g.cachedContentTokenCount());
    }

    @Override
    public Failure diagnose(Failure failure, RunSpec spec) {
        if (isKeyRejection(failure)) {
            return server.failures().rejectedKey(failure.httpStatus());
        }
        return super.diagnose(failure, spec);
    }

    /** Gemini answers a bad key with HTTP 400 ("API key not valid", reason API_KEY_INVALID), not 401. */
    private static boolean isKeyRejection(Failure failure) {
        if (failure.httpStatus() == null || failure.httpStatus() != 400 || failure.serverMessage() == null) {
            return false;
        }
        String said = failure.serverMessage().toLowerCase(Locale.ROOT);
        return said.contains("api_key_invalid") || said.contains("api key") && (said.contains("not valid")
                || said.contains("invalid") || said.contains("expired"));
    }

}
