package dev.thinkbench.engine.stream;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Usage;

/**
 * What one chat API adds to a {@link ChatStreamRun}: how a run's budget and sampling become a langchain4j model, how
 * its raw stream looks, how its usage reads, and how to explain a failure that may be an unknown model.
 *
 * <p>Threading: called from run threads, several runs at once; implementations are immutable.
 */
public interface ChatProtocol {

    /** Words failures for this server. */
    FailureMapper failures();

    /** Null when the spec's budget can run here, else why not, fit to show the user. */
    String whyUnsupported(RunSpec spec);

    /** A streaming model for this run, sending through {@code http}. Must not contact the server. */
    StreamingChatModel model(RunSpec spec, HttpClientBuilder http);

    /** Checks this server's raw stream events. */
    WireCheck wireCheck();

    /**
     * The counts in the final response, or null when it carries none.
     *
     * @param thinkingStreamed whether thinking text arrived (a reported thinking count of 0 then means "not counted")
     */
    Usage usage(ChatResponse response, boolean thinkingStreamed);

    /**
     * Refines a failure the server answered with an HTTP error status. Where {@link Failure#mayBeUnknownModel()}
     * holds, this lists the server's models (see {@link UnknownModelCheck}): an unknown model becomes
     * {@code MODEL_NOT_FOUND} naming the models the server has; a wrong base URL becomes {@code UNREACHABLE}. Returns
     * the failure unchanged when there is nothing to add. May block; called on a run's own thread.
     */
    Failure diagnose(Failure failure, RunSpec spec);
}
