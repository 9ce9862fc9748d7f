package dev.thinkbench.engine.raw;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;

/**
 * One wire protocol's reading of one streamed continuation: how the body is framed, where a server reports an error,
 * what each item adds to the text and which item ends the continuation. {@link HttpCompletionBackend} owns the rest
 * (the request, the read loop, cancel and silence, the failures). A fresh instance per call, since it may keep state
 * across items; used on the calling thread only.
 */
interface StreamProtocol {

    /** How the streamed body is cut into JSON items. */
    enum Framing {
        /** Server-sent events, one JSON object per event's data. */
        SSE,
        /** Newline-delimited JSON, one object per non-blank line. */
        NDJSON
    }

    /** The payload of the OpenAI-style {@code data: [DONE]} terminator. */
    String DONE = "[DONE]";

    Framing framing();

    /**
     * Whether an SSE {@code data: [DONE]} ends the stream (OpenAI style). When false it is skipped and the stream
     * is read on until the protocol's own final item or the end of the body.
     */
    default boolean endsAtDone() {
        return true;
    }

    /**
     * The server's error message in {@code item} as sent (the failure mapper scrubs and shortens it), or null when
     * it reports none.
     */
    String error(JsonNode item);

    /**
     * Takes one item, passing its text to {@code out}.
     *
     * @return the result when this item ended the continuation (the stream is then closed), else null
     */
    CompletionResult onItem(JsonNode item, Continuation out) throws EngineException;

    /**
     * The stream ended, not cancelled, without {@link #onItem} returning a result. By default that means the final
     * item never came, for protocols whose final item is the only way to end.
     *
     * @return the result, or null when the protocol's final item never came (the stream was cut)
     */
    default CompletionResult onEnd(Continuation out) {
        return null;
    }

    /** What never came when {@link #onEnd} returns null, e.g. {@code without a finish_reason}. */
    String missingEnd();

    /**
     * Why the server broke the continuation off itself although its stream ended properly (DeepSeek's
     * {@code finish_reason: "insufficient_system_resource"}), fit to quote; null when the continuation ended as the
     * model or the cap ended it (the default). Asked after {@link #onEnd} gave a result: the text stays delivered, the
     * continuation then fails.
     */
    default String brokenOff() {
        return null;
    }
}
