package dev.thinkbench.engine.stream;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Usage;
import dev.thinkbench.core.Worded;
import dev.thinkbench.engine.EngineCapabilities;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.http.Failure;

import java.util.List;

/**
 * What one chat API adds to a {@link ChatStreamRun} on a {@link ChatServer}: what it can do and what its budgets
 * mean, how its models are listed, how a run's budget and sampling become a langchain4j model, how its raw stream
 * looks, how its usage reads, and how to explain a failure that may be an unknown model.
 *
 * <p>Threading: called from run threads, several runs at once; implementations are immutable.
 */
public interface ChatProtocol {

    /** What the engine over this protocol can do. */
    EngineCapabilities capabilities();

    /** What {@code budget} means on this API; see {@link ReasoningEngine#meaning}. */
    Worded meaning(Budget budget);

    /** The models the server offers. Blocks; called off the UI thread, and by {@link #diagnose}. */
    List<ModelInfo> listModels() throws EngineException;

    /**
     * Null when the spec's budget can run here, else why not, fit to show the user. By default only forcing is
     * refused (a chat API cannot continue raw text); the protocol maps every other budget onto its own knobs.
     */
    default String whyUnsupported(RunSpec spec) {
        return spec.budget() instanceof Budget.Forcing f ? capabilities().whyUnsupported(f) : null;
    }

    /**
     * What {@link #whyUnsupported} would say of {@code budget} on {@code model}, as far as it can be told without
     * asking the server; see {@link ReasoningEngine#whyModelRefuses}. Null by default: a protocol whose check asks the
     * server (a chat template probed) leaves it to the run.
     */
    default String whyModelRefuses(Budget budget, String model) {
        return null;
    }

    /**
     * Whether each streamed text callback is one token, so that counting callbacks counts tokens (true by default:
     * local servers send one sampled token per chunk). Hosted APIs that batch text say no; their deltas then carry
     * no count and only the usage they report is shown.
     */
    default boolean oneTokenPerCallback() {
        return true;
    }

    /**
     * Whether the thinking this run streams is the provider's summary of the model's thinking rather than the thinking
     * itself (false by default). The deltas are then marked as a summary and their length is never taken for the
     * thinking tokens.
     */
    default boolean summarizesThinking(RunSpec spec) {
        return false;
    }

    /**
     * Whether the server's chat template ends the prompt inside thinking ({@code <think>} written for the model, as
     * DeepSeek-R1 distills' and QwQ's templates do), so that a reply's text up to {@code </think>} is thinking although
     * it does not open with the tag (false by default: then only a reply that opens with it has inline thinking).
     * Blocks; called on the run's own thread before it streams, so it may ask the server.
     */
    default boolean promptOpensThinking(RunSpec spec) {
        return false;
    }

    /** A streaming model for this run, sending through {@code http}. Must not contact the server. */
    StreamingChatModel model(RunSpec spec, HttpClientBuilder http);

    /** Checks this server's raw stream events. */
    WireCheck wireCheck();

    /**
     * The counts in the final response, or null when it carries neither prompt nor output tokens; the thinking part
     * is {@link #thinkingTokens}.
     *
     * @param thinkingStreamed whether thinking text arrived (a reported thinking count of 0 then means "not counted")
     */
    default Usage usage(ChatResponse response, boolean thinkingStreamed) {
        TokenUsage t = response.tokenUsage();
        if (t == null || (t.inputTokenCount() == null && t.outputTokenCount() == null)) {
            return null;
        }
        return new Usage(t.inputTokenCount(), t.outputTokenCount(), thinkingTokens(t, thinkingStreamed),
                cachedPromptTokens(response));
    }

    /**
     * The prompt tokens the server read from its prompt cache (part of the prompt tokens, billed at a cached rate), or
     * null when it does not say (the default).
     */
    default Integer cachedPromptTokens(ChatResponse response) {
        return null;
    }

    /**
     * The thinking tokens within {@code usage}'s output, or null when the server does not report them apart (the
     * default).
     */
    default Integer thinkingTokens(TokenUsage usage, boolean thinkingStreamed) {
        return null;
    }

    /**
     * Refines a failure the server answered with an HTTP error status. Where {@link Failure#mayBeUnknownModel()}
     * holds, this lists the server's models (see {@link UnknownModelCheck}): an unknown model becomes
     * {@code MODEL_NOT_FOUND} naming the models the server has; a wrong base URL becomes {@code UNREACHABLE}. Returns
     * the failure unchanged when there is nothing to add. May block; called on a run's own thread.
     */
    Failure diagnose(Failure failure, RunSpec spec);
}
