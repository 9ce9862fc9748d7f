package dev.thinkbench.engine.http;

import dev.langchain4j.http.client.sse.DefaultServerSentEventParsingHandle;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Newline-delimited JSON (Ollama's streams) read as langchain4j events: each non-blank line becomes one event with no
 * name, so line streams and server-sent events go through the same listener code. Like langchain4j's own SSE parser,
 * it reports a broken body to {@code onError} and stops when the listener cancels parsing.
 *
 * <p>Threading: parses on the calling thread and calls the listener on it.
 */
public final class LineEventParser implements ServerSentEventParser {

    @Override
    public void parse(InputStream body, ServerSentEventListener listener) {
        DefaultServerSentEventParsingHandle handle = new DefaultServerSentEventParsingHandle(body);
        ServerSentEventContext context = new ServerSentEventContext(handle);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line; !handle.isCancelled() && (line = lines.readLine()) != null; ) {
                if (!line.isBlank()) {
                    listener.onEvent(new ServerSentEvent(null, line), context);
                }
            }
        } catch (IOException e) {
            if (!handle.isCancelled()) {
                listener.onError(e);
            }
        }
    }
}
