package dev.thinkbench.engine.hosted.openai;

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
 * OpenAI's Responses API ({@code POST /v1/responses}) through langchain4j's
 * {@code OpenAiResponsesStreamingChatModel}, on the shared HTTP stack. (OpenAI-compatible servers keep the Chat
 * Completions engine, {@code openai-compatible}.)
 *
 * <p>Budgets: {@code effort:LEVEL} is {@code reasoning.effort} (a ceiling on the newest models); {@code none} is
 * effort {@code none} on models that can skip reasoning; there is no token budget. See {@link #describe(Budget)}.
 *
 * <p>Events follow {@link ReasoningEngine}: reasoning summary deltas as thinking, marked as a summary (OpenAI never
 * shows the reasoning itself); output text as the answer; usage from the final event, with {@code reasoning_tokens}
 * reported apart. {@code response.failed} and {@code error} events fail the run with what arrived kept. The key goes
 * only into the {@code Authorization} header; it is never logged and {@link #toString()} does not show it.
 *
 * <p>Price: the price table's entry for the model, or unknown. Threading: {@link #start} returns at once (see
 * {@link ChatStreamRun}); {@link #listModels()} blocks. Thread-safe.
 */
public final class OpenAiResponsesEngine extends ChatEngine {

    public static final String ID = "openai";
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final String KEY_VARIABLE = "OPENAI_API_KEY";

    /**
     * @param models what each model takes (assets/hosted-models.json)
     * @throws IllegalArgumentException when the base URL or timeout cannot work, or no key is set
     */
    public OpenAiResponsesEngine(EngineConfig config, HostedModels models) {
        super(HostedServers.open(config, DEFAULT_BASE_URL, "OpenAI API", KEY_VARIABLE, KeyHeader.BEARER),
                server -> new ResponsesProtocol(server, models));
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
