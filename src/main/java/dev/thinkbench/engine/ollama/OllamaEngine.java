package dev.thinkbench.engine.ollama;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.http.BaseUrl;
import dev.thinkbench.engine.stream.ChatEngine;
import dev.thinkbench.engine.stream.ChatServer;
import dev.thinkbench.engine.stream.ChatStreamRun;

/**
 * A local Ollama server's chat API ({@code /api/chat}) through langchain4j's {@code OllamaStreamingChatModel}.
 *
 * <p>Budgets: {@code none} is {@code think=false}; every effort level is {@code think=true} (langchain4j 1.18.1 sends
 * {@code think} as a Boolean only); {@code tokens:N} is {@code think=true} with {@code num_predict=N} capping thinking
 * and answer together; forcing is not supported. See {@link #describe(Budget)}.
 *
 * <p>Events follow {@link ReasoningEngine}: thinking from the {@code thinking} field and answer from {@code content},
 * one token per stream chunk (Ollama sends one token per line), thinking before answer when a line holds both; usage
 * from {@code prompt_eval_count} and {@code eval_count} (thinking included, not split out). A stream that ends without
 * {@code "done":true} fails as {@code STREAM_CUT}; silence longer than {@link EngineConfig#timeout()} as
 * {@code TIMEOUT}. Runs are independent. An API key, if configured, is sent as a bearer token (for Ollama behind a
 * proxy); it is never logged.
 *
 * <p>Threading: {@link #start} returns at once (see {@link ChatStreamRun}); {@link #listModels()} blocks. Thread-safe.
 */
public final class OllamaEngine extends ChatEngine {

    public static final String ID = "ollama";
    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:11434";

    /** @throws IllegalArgumentException when the base URL or timeout cannot work, with a message for the user */
    public OllamaEngine(EngineConfig config) {
        super(new ChatServer(config, BaseUrl.check(config.baseUrl(), DEFAULT_BASE_URL, "Ollama"), "Ollama",
                "Is Ollama running (ollama serve)? Check the base URL."), OllamaProtocol::new);
    }

    @Override
    public String id() {
        return ID;
    }

    /** Free: Ollama runs on the user's own machine or network. */
    @Override
    public Price price(String model, PriceTable table) {
        return Price.free("local server: free");
    }
}
