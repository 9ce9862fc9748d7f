package dev.thinkbench.engine.hosted.anthropic;

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
 * Anthropic's Messages API ({@code POST /v1/messages}) through langchain4j's {@code AnthropicStreamingChatModel}, on
 * the shared HTTP stack.
 *
 * <p>Budgets: {@code tokens:N} is manual thinking with {@code budget_tokens=N}; {@code effort:LEVEL} is adaptive
 * thinking with {@code output_config.effort}; {@code none} switches thinking off; which of them a model takes comes
 * from {@code assets/hosted-models.json}, and a budget the model cannot take fails its column with the knob to use
 * instead. See {@link #describe(Budget)}.
 *
 * <p>Events follow {@link ReasoningEngine}: thinking deltas as thinking, marked as a summary (what the API shows is a
 * summary; the model thought more); text deltas as the answer; usage from the final events: output tokens include
 * thinking, which is reported apart only where the API sends {@code thinking_tokens} (else the thinking count stays
 * unknown: it is never guessed from the summary). An {@code event: error} inside the stream (overloaded_error) fails
 * the run with what arrived kept. The key goes only into the {@code x-api-key} header, with
 * {@code anthropic-version: 2023-06-01}; it is never logged and {@link #toString()} does not show it.
 *
 * <p>Price: the price table's entry for the model, or unknown. Threading: {@link #start} returns at once (see
 * {@link ChatStreamRun}); {@link #listModels()} blocks. Thread-safe.
 */
public final class AnthropicEngine extends ChatEngine {

    public static final String ID = "anthropic";
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com/v1";
    public static final String KEY_VARIABLE = "ANTHROPIC_API_KEY";
    static final String API_VERSION = "2023-06-01";

    /**
     * @param models what each model takes (assets/hosted-models.json)
     * @throws IllegalArgumentException when the base URL or timeout cannot work, or no key is set
     */
    public AnthropicEngine(EngineConfig config, HostedModels models) {
        super(HostedServers.open(config, DEFAULT_BASE_URL, "Anthropic API", KEY_VARIABLE,
                        KeyHeader.named("x-api-key").with("anthropic-version", API_VERSION)),
                server -> new AnthropicProtocol(server, models));
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
