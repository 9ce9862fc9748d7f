package dev.thinkbench.engine.http;

import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.thinkbench.engine.EngineException;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a streamed body on the calling thread with the parsers every engine shares (langchain4j's server-sent-event
 * parser, or {@link LineEventParser} for NDJSON) and hands each event to a handler, for engines that read their
 * stream themselves (the raw-continuation backends). A handler's exception stops the reading and comes back out of
 * {@link #read}, instead of being logged and ignored as langchain4j would.
 *
 * <p>Threading: the handler runs on the thread that calls {@link #read}.
 */
public final class EventReader {

    /** Takes one event. */
    @FunctionalInterface
    public interface Handler {

        /**
         * @param name the SSE event name, null for unnamed events and NDJSON lines
         * @param data the event's data (joined data lines) or the NDJSON line
         * @return true to read on, false to stop (the rest of the body is not read)
         */
        boolean onEvent(String name, String data) throws EngineException;
    }

    private EventReader() {
    }

    /** The parser for a framing. */
    public static ServerSentEventParser parser(BoundedBody.Framing framing) {
        return framing == BoundedBody.Framing.SSE ? new DefaultServerSentEventParser() : new LineEventParser();
    }

    /**
     * Reads {@code body} to its end or until the handler stops.
     *
     * @throws EngineException what the handler threw
     * @throws IOException the body broke off (a closed connection, a cap of {@link BoundedBody}, an abort)
     */
    public static void read(InputStream body, BoundedBody.Framing framing, Handler handler)
            throws EngineException, IOException {
        Collector collector = new Collector(handler);
        parser(framing).parse(body, collector);
        if (collector.failure != null) {
            throw collector.failure;
        }
        if (collector.bug != null) {
            throw collector.bug;
        }
        if (collector.broken != null) {
            throw collector.broken instanceof IOException io ? io : new IOException(collector.broken);
        }
    }

    /** Hands events to the handler until it stops or throws; keeps what went wrong. */
    private static final class Collector implements ServerSentEventListener {
        private final Handler handler;
        private EngineException failure;
        private RuntimeException bug;
        private Throwable broken;
        private boolean stopped;

        Collector(Handler handler) {
            this.handler = handler;
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            if (stopped) {
                return;
            }
            try {
                if (!handler.onEvent(event.event(), event.data())) {
                    stop(context);
                }
            } catch (EngineException e) {
                failure = e;
                stop(context);
            } catch (RuntimeException e) {
                bug = e; // langchain4j would log and ignore it; the caller must see it
                stop(context);
            }
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            throw new UnsupportedOperationException("parsers pass a context");
        }

        @Override
        public void onError(Throwable error) {
            if (!stopped) {
                broken = error;
            }
        }

        private void stop(ServerSentEventContext context) {
            stopped = true;
            context.parsingHandle().cancel();
        }
    }
}
