package dev.thinkbench.engine.hosted.openai;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiResponsesChatResponseMetadata;
import dev.langchain4j.model.openai.OpenAiResponsesStreamingChatModel;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Sampling;
import dev.thinkbench.core.Usage;
import dev.thinkbench.core.Worded;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.hosted.HostedModels;
import dev.thinkbench.engine.hosted.HostedProtocol;
import dev.thinkbench.engine.http.Failure;
import dev.thinkbench.engine.stream.ChatServer;
import dev.thinkbench.engine.stream.ModelListing;
import dev.thinkbench.engine.stream.WireCheck;

import java.util.List;
import java.util.Locale;

/**
 * OpenAI's Responses API for {@link dev.thinkbench.engine.stream.ChatStreamRun}, through langchain4j's
 * {@code OpenAiResponsesStreamingChatModel}: the budget as {@code reasoning.effort} with a reasoning summary (see
 * {@link ResponsesBudgets}), checked first against what the model takes ({@link HostedModels}); reasoning summary
 * deltas streamed as thinking, marked as a summary; output text as the answer; usage with {@code reasoning_tokens}
 * from the final event ({@link ResponsesUsage}). Nothing is stored at OpenAI ({@code store: false}). Models from
 * {@code GET /v1/models}.
 */
final class ResponsesProtocol extends HostedProtocol {

    private static final WireCheck WIRE = new ResponsesWireCheck();
    private static final List<String> BUDGET_WORDS = List.of("reasoning", "effort");

    ResponsesProtocol(ChatServer server, HostedModels table) {
        super(server, table, OpenAiResponsesEngine.ID, new ModelListing(server, "/models", "data",
                        "a \"data\" list of models; is this OpenAI's API?",
                        m -> new ModelInfo(m.path("id").asText(""), m.path("owned_by").asText(""))),
                WIRE, BUDGET_WORDS, "Pick one of those (a reasoning model such as gpt-5.5 or gpt-5-mini).");
    }

    @Override
    public EngineCapabilities capabilities() {
        return ResponsesBudgets.CAPABILITIES;
    }

    @Override
    public Worded meaning(Budget budget) {
        return ResponsesBudgets.meaning(budget);
    }

    @Override
    public String whyUnsupported(RunSpec spec) {
        return ResponsesBudgets.whyUnsupported(spec, row(spec));
    }

    @Override
    public boolean oneTokenPerCallback() {
        return false; // counts come from the final usage
    }

    /** OpenAI never shows reasoning itself, only its summary. */
    @Override
    public boolean summarizesThinking(RunSpec spec) {
        return true;
    }

    @Override
    public StreamingChatModel model(RunSpec spec, HttpClientBuilder http) {
        ResponsesBudgets.Plan plan = ResponsesBudgets.plan(spec);
        Sampling s = spec.sampling();
        return OpenAiResponsesStreamingChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(server.baseUrl())
                .apiKey(server.apiKey())
                .modelName(spec.model())
                .reasoningEffort(plan.effort())
                .reasoningSummary(plan.summary())
                .maxOutputTokens(plan.maxOutputTokens())
                .temperature(plan.reasons() ? null : s.temperature()) // refused while reasoning: see ResponsesBudgets
                .topP(plan.reasons() ? null : s.topP())
                .store(false)
                .build();
    }

    @Override
    public Usage usage(ChatResponse response, boolean thinkingStreamed) {
        return response.metadata() instanceof OpenAiResponsesChatResponseMetadata m && m.rawServerSentEvents() != null
                ? ResponsesUsage.of(m.rawServerSentEvents()) : super.usage(response, thinkingStreamed);
    }

    @Override
    public Failure diagnose(Failure failure, RunSpec spec) {
        if (summariesNeedVerification(failure)) {
            return new Failure(FailureKind.AUTHENTICATION, server.describe() + " streams reasoning summaries only to"
                    + " verified organizations (HTTP 400: " + failure.serverMessage() + "). Verify the organization in"
                    + " OpenAI's settings, or use the budget none, which asks for no summary.", failure.httpStatus(),
                    failure.serverMessage(), null);
        }
        return super.diagnose(failure, spec);
    }

    /** OpenAI refuses {@code reasoning.summary} for organizations it has not verified. */
    private static boolean summariesNeedVerification(Failure failure) {
        String said = failure.serverMessage() == null ? "" : failure.serverMessage().toLowerCase(Locale.ROOT);
        return failure.httpStatus() != null && failure.httpStatus() == 400 && said.contains("summar")
                && said.contains("verif");
    }

}
