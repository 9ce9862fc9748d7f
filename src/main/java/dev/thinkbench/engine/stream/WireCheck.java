package dev.thinkbench.engine.stream;

import dev.thinkbench.core.FailureKind;

/**
 * Looks at each raw stream event before langchain4j parses it, for what langchain4j does not report: whether the
 * server said the stream is complete (so an early end is a cut, not an answer), lines that do not parse, and error
 * objects sent inside a 200 stream.
 *
 * <p>Threading: called on the stream's thread, one event at a time; implementations are stateless.
 */
@FunctionalInterface
public interface WireCheck {

    /**
     * @param eventName the SSE event name, null for NDJSON lines and unnamed events
     * @param data the event's data (an NDJSON line or the SSE data field)
     */
    Verdict inspect(String eventName, String data);

    /** What to do with one raw event. */
    sealed interface Verdict {

        /** Hand the event to langchain4j; {@code complete} when it tells that the server finished the stream. */
        record Deliver(boolean complete) implements Verdict {
        }

        /** Nothing to parse (a blank keep-alive line). */
        record Skip() implements Verdict {
        }

        /**
         * The event does not parse: the stream is broken or the server is not the kind we expected.
         *
         * @param data the event as received (unscrubbed: only ever quoted through the failure mapper)
         */
        record Malformed(String data) implements Verdict {
        }

        /** The server reported an error inside the stream; {@code message} as sent, unscrubbed and uncut. */
        record ServerError(FailureKind kind, String message) implements Verdict {
        }

        /**
         * The server ended the answer early for a fault of its own, in an event that still carries text (DeepSeek's
         * {@code finish_reason: "insufficient_system_resource"}), or its content filter stopped the answer
         * ({@link FailureKind#CONTENT_FILTERED}): the event is handed to langchain4j so its text is
         * kept, the stream counts as complete so its usage is still read, and the run then fails with
         * {@code message} instead of finishing as if the answer were whole.
         */
        record Interrupted(FailureKind kind, String message) implements Verdict {
        }
    }
}
