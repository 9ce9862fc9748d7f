package dev.thinkbench.engine.compat;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.stream.ChatEngine;
import dev.thinkbench.engine.stream.ChatServer;
import dev.thinkbench.engine.stream.ChatStreamRun;

import java.net.URI;

/**
 * An OpenAI-compatible chat server (llama.cpp server, vLLM, LM Studio, the DeepSeek API) through langchain4j's
 * {@code OpenAiStreamingChatModel}.
 *
 * <p>Budgets: {@code effort:LEVEL} is {@code reasoning_effort}; {@code tokens:N} is {@code max_tokens=N} capping
 * thinking and answer together; {@code none} asks the chat template to skip thinking; forcing is not supported. See
 * {@link #describe(Budget)}.
 *
 * <p>Events follow {@link ReasoningEngine}: thinking from {@code reasoning_content} or {@code reasoning}, answer from
 * {@code content}, one token per stream chunk, thinking before answer when a chunk holds both; usage from the final
 * usage chunk, with {@code completion_tokens_details.reasoning_tokens} as the thinking count where the server reports
 * it. A stream that ends with neither a {@code finish_reason} nor {@code [DONE]} fails as {@code STREAM_CUT}; silence
 * longer than {@link EngineConfig#timeout()} as {@code TIMEOUT}. Runs are independent. The API key goes only into the
 * {@code Authorization} header; it is never logged and {@link #toString()} does not show it.
 *
 * <p>Price: free when the base URL's host is this machine or a private network ({@link LocalHosts}), else the price
 * table's entry for the model (e.g. DeepSeek), or unknown.
 *
 * <p>Threading: {@link #start} returns at once (see {@link ChatStreamRun}); {@link #listModels()} blocks. Thread-safe.
 */
public final class OpenAiCompatEngine extends ChatEngine {

    public static final String ID = "openai-compatible";
    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:8080/v1";

    private final boolean local;

    /** @throws IllegalArgumentException when the base URL or timeout cannot work, with a message for the user */
    public OpenAiCompatEngine(EngineConfig config) {
        super(new ChatServer(config, ApiBase.of(config.baseUrl(), DEFAULT_BASE_URL), "OpenAI-compatible server",
                "Is the server running (llama-server, vllm serve, LM Studio)? Check the base URL."),
                CompatProtocol::new);
        this.local = LocalHosts.isLocal(URI.create(server().baseUrl()).getHost());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Price price(String model, PriceTable table) {
        return local ? Price.free("local server: free") : table.lookup(model).orElse(null);
    }
}
