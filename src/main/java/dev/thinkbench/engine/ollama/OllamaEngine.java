package dev.thinkbench.engine.ollama;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.Price;
import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.ReasoningEventSink;
import dev.thinkbench.engine.RunHandle;
import dev.thinkbench.engine.stream.BaseUrl;
import dev.thinkbench.engine.stream.ChatStreamRun;
import dev.thinkbench.engine.stream.Endpoint;
import dev.thinkbench.engine.stream.FailureMapper;
import dev.thinkbench.engine.stream.HttpClients;
import dev.thinkbench.engine.stream.JsonGet;
import dev.thinkbench.engine.stream.SilenceWatchdog;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
public final class OllamaEngine implements ReasoningEngine {

    public static final String ID = "ollama";
    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:11434";

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final SilenceWatchdog watchdog;
    private final OllamaModels models;
    private final OllamaProtocol protocol;

    /** @throws IllegalArgumentException when the base URL or timeout cannot work, with a message for the user */
    public OllamaEngine(EngineConfig config) {
        this(config, SilenceWatchdog.shared());
    }

    OllamaEngine(EngineConfig config, SilenceWatchdog watchdog) {
        this.baseUrl = BaseUrl.check(config.baseUrl(), DEFAULT_BASE_URL, "Ollama");
        if (config.timeout().isNegative() || config.timeout().isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, was " + config.timeout());
        }
        this.timeout = config.timeout();
        this.watchdog = watchdog;
        this.http = HttpClients.create(timeout);
        boolean keySet = config.apiKey() != null && !config.apiKey().isBlank();
        Map<String, String> headers = keySet ? Map.of("Authorization", "Bearer " + config.apiKey()) : Map.of();
        FailureMapper failures = new FailureMapper(new Endpoint("Ollama", baseUrl, keySet, config.apiKeyEnv(),
                "Is Ollama running (ollama serve)? Check the base URL."), config.apiKey());
        this.models = new OllamaModels(new JsonGet(http, failures, timeout), baseUrl, headers);
        this.protocol = new OllamaProtocol(baseUrl, headers, failures, models);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Ollama at " + baseUrl;
    }

    @Override
    public EngineCapabilities capabilities() {
        return OllamaBudgets.CAPABILITIES;
    }

    @Override
    public List<ModelInfo> listModels() throws EngineException {
        return models.list();
    }

    @Override
    public String describe(Budget budget) {
        return OllamaBudgets.describe(budget);
    }

    /** Free: Ollama runs on the user's own machine or network. */
    @Override
    public Price price(String model, PriceTable table) {
        return Price.free("local server: free");
    }

    @Override
    public RunHandle start(RunSpec spec, ReasoningEventSink sink) {
        return ChatStreamRun.start(spec, sink, protocol, http, watchdog, timeout);
    }

    @Override
    public String toString() {
        return displayName();
    }
}
