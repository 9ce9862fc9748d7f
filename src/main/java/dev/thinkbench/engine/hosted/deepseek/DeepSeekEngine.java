package dev.thinkbench.engine.hosted.deepseek;

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
 * DeepSeek's chat API ({@code POST /chat/completions}) in thinking mode, through langchain4j's
 * {@code OpenAiStreamingChatModel}, on the shared HTTP stack. Budget forcing on DeepSeek stays with the raw
 * {@code deepseek-prefix} engine (chat-prefix completion).
 *
 * <p>Budgets: {@code effort:LEVEL} is thinking on with {@code reasoning_effort} low, high or max; {@code none} is
 * thinking off; there is no token budget. See {@link #describe(Budget)}.
 *
 * <p>Events follow {@link ReasoningEngine}: the full {@code reasoning_content} as thinking (not a summary), one token
 * per chunk, thinking before answer within a chunk; usage from the final chunk with {@code reasoning_tokens} reported
 * apart. The key goes only into the {@code Authorization} header; it is never logged and {@link #toString()} does
 * not show it.
 *
 * <p>Price: the price table's entry for the model, or unknown. Threading: {@link #start} returns at once (see
 * {@link ChatStreamRun}); {@link #listModels()} blocks. Thread-safe.
 */
public final class DeepSeekEngine extends ChatEngine {

    public static final String ID = "deepseek";
    public static final String DEFAULT_BASE_URL = "https://api.deepseek.com";
    public static final String KEY_VARIABLE = "DEEPSEEK_API_KEY";

    /**
     * @param models what each model takes (assets/hosted-models.json)
     * @throws IllegalArgumentException when the base URL or timeout cannot work, or no key is set
     */
    public DeepSeekEngine(EngineConfig config, HostedModels models) {
        super(HostedServers.open(config, DEFAULT_BASE_URL, "DeepSeek API", KEY_VARIABLE, KeyHeader.BEARER),
                server -> new DeepSeekProtocol(server, models));
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
