package dev.thinkbench.engine.hosted.gemini;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.hosted.HostedModels;
import dev.thinkbench.engine.hosted.HostedServers;
import dev.thinkbench.engine.http.KeyHeader;
import dev.thinkbench.engine.stream.ChatEngine;
import dev.thinkbench.engine.stream.ChatStreamRun;

/**
 * The Gemini API ({@code POST /v1beta/models/MODEL:streamGenerateContent?alt=sse}) through langchain4j's
 * {@code GoogleAiGeminiStreamingChatModel}, on the shared HTTP stack.
 *
 * <p>Budgets: {@code tokens:N} is {@code thinkingBudget} (Gemini 2.5); {@code effort:LEVEL} is {@code thinkingLevel}
 * (Gemini 3.x); {@code none} is a thinking budget of 0 where the model allows it; which a model takes comes from
 * {@code assets/hosted-models.json}. See {@link #describe(Budget)}.
 *
 * <p>Events follow {@link ReasoningEngine}: thought summaries as thinking, marked as a summary; answer parts as the
 * answer; usage with {@code thoughtsTokenCount} reported apart and counted into the output for the cost. The key goes
 * only into the {@code x-goog-api-key} header; it is never logged and {@link #toString()} does not show it.
 *
 * <p>Price: the price table's entry for the model, or unknown. Threading: {@link #start} returns at once (see
 * {@link ChatStreamRun}); {@link #listModels()} blocks. Thread-safe.
 */
public final class GeminiEngine extends ChatEngine {

    public static final String ID = "gemini";
    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";
    public static final String KEY_VARIABLE = "GEMINI_API_KEY";

    /**
     * @param models what each model takes (assets/hosted-models.json)
     * @throws IllegalArgumentException when the base URL or timeout cannot work, or no key is set
     */
    public GeminiEngine(EngineConfig config, HostedModels models) {
        super(HostedServers.open(config, DEFAULT_BASE_URL, "Gemini API", KEY_VARIABLE,
                KeyHeader.named("x-goog-api-key")), server -> new GeminiProtocol(server, models));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Price price(String model, PriceTable table) {
        return table.lookup(model).orElse(null);
    }
}
