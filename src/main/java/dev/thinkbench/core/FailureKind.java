package dev.thinkbench.core;

/** Why a run failed, so the UI can word it and offer the right remedy. */
public enum FailureKind {
    /** Connection refused, unknown host, DNS failure. */
    UNREACHABLE,
    /** 401/403, wrong or missing key. */
    AUTHENTICATION,
    /** The model is not on the server. */
    MODEL_NOT_FOUND,
    /** 429. */
    RATE_LIMITED,
    /** 4xx other than the above: the server rejected the request. */
    BAD_REQUEST,
    /** 5xx. */
    SERVER_ERROR,
    /** The stream ended before the server said it was done. */
    STREAM_CUT,
    /** A line or event that does not parse. */
    MALFORMED_STREAM,
    /** No data within the timeout. */
    TIMEOUT,
    /** The engine process or native code crashed. */
    ENGINE_CRASHED,
    /** The budget or another setting is not supported by this engine. */
    UNSUPPORTED,
    /**
     * The provider's content filter stopped the answer (Gemini {@code finishReason: SAFETY} and kin, Anthropic
     * {@code stop_reason: refusal}, OpenAI {@code finish_reason: content_filter}): the text so far is kept, but the
     * answer is not the model's whole answer, so it is not graded.
     */
    CONTENT_FILTERED,
    UNKNOWN
}
