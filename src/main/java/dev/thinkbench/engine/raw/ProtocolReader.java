package dev.thinkbench.engine.raw;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.http.EventReader;
import dev.thinkbench.engine.http.FailureMapper;

/**
 * Reads one streamed continuation's events for a {@link StreamProtocol}: parses each item as JSON, fails on an error
 * the server reports inside the stream or on an item that does not parse, and passes the rest to the protocol until
 * it returns a result. An {@link EventReader.Handler}; used on the reading thread only.
 */
final class ProtocolReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamProtocol protocol;
    private final Continuation out;
    private final FailureMapper failures;
    private CompletionResult result;
    private boolean opened;

    ProtocolReader(StreamProtocol protocol, Continuation out, FailureMapper failures) {
        this.protocol = protocol;
        this.out = out;
        this.failures = failures;
    }

    /** Takes one event; see {@link EventReader.Handler#onEvent}. */
    boolean onEvent(String name, String data) throws EngineException {
        if (data == null || data.isBlank()) {
            return true;
        }
        if (data.strip().equals(StreamProtocol.DONE)) {
            return !protocol.endsAtDone();
        }
        JsonNode item = parse(data);
        String error = protocol.error(item);
        if (error != null || "error".equals(name)) {
            throw failures.inStream(FailureKind.SERVER_ERROR, error != null ? error : data).toException();
        }
        result = protocol.onItem(item, out);
        return result == null;
    }

    private JsonNode parse(String data) throws EngineException {
        try {
            JsonNode node = JSON.readTree(data);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // Worded below, with the line quoted safely.
        }
        throw failures.unreadableLine(data).toException();
    }

    /** The body arrived: a broken connection from now on cuts the stream (rather than failing to reach it). */
    void opened() {
        opened = true;
    }

    boolean wasOpened() {
        return opened;
    }

    /** The protocol's result once an item ended the continuation, else null. */
    CompletionResult result() {
        return result;
    }

    /**
     * The continuation after the body ended without an item that ended it: the protocol's own end, or null when the
     * stream was cut.
     */
    CompletionResult atEnd() {
        return result != null ? result : protocol.onEnd(out);
    }
}
