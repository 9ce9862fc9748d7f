package dev.thinkbench.core;

/**
 * What an engine reports about one run, in order, from its own thread. Each event carries a monotonic timestamp
 * ({@link System#nanoTime()}). Unknown numbers stay null, never a fake 0.
 */
public sealed interface ReasoningEvent {

    /** Monotonic time of the event, from {@link System#nanoTime()}. */
    long nanos();

    /**
     * The run began: the request is on its way.
     *
     * @param modelLoadMs how long this run waited for its model to load before the request, null when the model was
     *                    already loaded (or the engine cannot tell); the run's times start after it
     */
    record Started(long nanos, String model, String budgetSpec, Long modelLoadMs) implements ReasoningEvent {

        /** A start with no model load (or none known). */
        public Started(long nanos, String model, String budgetSpec) {
            this(nanos, model, budgetSpec, null);
        }

        /** This start with the model load it waited for. */
        public Started withModelLoad(Long loadMs) {
            return new Started(nanos, model, budgetSpec, loadMs);
        }
    }

    /**
     * Thinking text arrived.
     *
     * @param tokens how many tokens the engine attributes to this text (stream chunks or decoded tokens), 0 if it
     *               cannot tell
     * @param summary whether the text is the provider's summary of the model's thinking rather than the thinking
     *                itself (Anthropic's summarized thinking, OpenAI's reasoning summaries, Gemini's thought
     *                summaries): the model thought more than is shown, and its thinking tokens are not the summary's
     */
    record ThinkingDelta(long nanos, String text, int tokens, boolean summary) implements ReasoningEvent {

        /** The model's own thinking (not a summary). */
        public ThinkingDelta(long nanos, String text, int tokens) {
            this(nanos, text, tokens, false);
        }
    }

    /**
     * How sure the model was of the tokens it just generated, sent before the text they make up, by engines that can
     * tell (the built-in engine). The tokens' texts joined are the text that follows, except where a stop string or
     * the forcer cut it.
     *
     * @param thinking true for thinking tokens, false for answer tokens
     * @param tokens the tokens in order, with their probabilities
     */
    record TokenConfidence(long nanos, boolean thinking, java.util.List<TokenProbability> tokens)
            implements ReasoningEvent {

        public TokenConfidence {
            tokens = java.util.List.copyOf(tokens);
        }
    }

    /** Answer text arrived; {@code tokens} as in {@link ThinkingDelta}. */
    record AnswerDelta(long nanos, String text, int tokens) implements ReasoningEvent {
    }

    /**
     * Budget forcing or the user changed the course of thinking: a Wait inserted, the answer forced, the trace
     * edited. A new thinking segment starts after it.
     *
     * @param text the inserted text (the Wait text, the end marker and answer prefix, or the edited trace)
     * @param thinkingTokensSoFar thinking tokens used before this intervention; for an edit, the edited trace's size
     * @param reason why it happened, for people (e.g. "thinking reached the cap of 512 tokens"), empty if unsaid
     */
    record Intervention(long nanos, InterventionKind kind, String text, int thinkingTokensSoFar, String reason)
            implements ReasoningEvent {

        public Intervention {
            reason = reason == null ? "" : reason;
        }

        /** An intervention without a stated reason. */
        public Intervention(long nanos, InterventionKind kind, String text, int thinkingTokensSoFar) {
            this(nanos, kind, text, thinkingTokensSoFar, "");
        }
    }

    /**
     * The server asked the run to wait before a retry (HTTP 429, 503 or 529 with a short {@code Retry-After}); the
     * run sends again after {@code waitMillis}. Nothing was lost: no text had arrived for that request.
     *
     * @param reason what the server said, for people
     */
    record RetryWaiting(long nanos, long waitMillis, String reason) implements ReasoningEvent {
    }

    /** Token counts as the server reported them; any field may be null. */
    record UsageReported(long nanos, Usage usage) implements ReasoningEvent {
    }

    /** The run ended normally. */
    record Finished(long nanos, StopReason reason) implements ReasoningEvent {
    }

    /** The run was cancelled by the user; what arrived before is kept. */
    record Cancelled(long nanos) implements ReasoningEvent {
    }

    /**
     * The run failed; what arrived before is kept and marked partial.
     *
     * @param retryAfter how long the server asked to wait before a retry (HTTP Retry-After on a 429 or 503), null
     *                   when it did not say
     */
    record Failed(long nanos, FailureKind kind, String message, java.time.Duration retryAfter)
            implements ReasoningEvent {

        /** A failure without a retry-after. */
        public Failed(long nanos, FailureKind kind, String message) {
            this(nanos, kind, message, null);
        }
    }

    /** Why generation stopped. */
    enum StopReason { END_OF_TURN, LENGTH, STOP_STRING, UNKNOWN }
}
