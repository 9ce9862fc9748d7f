package dev.thinkbench.engine.raw;

import dev.thinkbench.engine.EngineException;

/**
 * Server-sent events over {@link StreamLines}: returns the {@code data} of each event (multi-line data joined with
 * {@code \n}), skipping comments, {@code event:}/{@code id:}/{@code retry:} fields and empty events. The OpenAI-style
 * terminator {@code data: [DONE]} is returned as {@link #DONE}. Reads on the calling thread.
 */
final class SseEvents {

    /** The payload of the {@code [DONE]} terminator. */
    static final String DONE = "[DONE]";

    private final StreamLines lines;

    SseEvents(StreamLines lines) {
        this.lines = lines;
    }

    /** The next event's data, {@link #DONE}, or null at the end of the stream or after a cancel. */
    String next() throws EngineException {
        StringBuilder data = null;
        for (String line; (line = lines.next()) != null; ) {
            if (line.isEmpty()) {
                if (data != null) {
                    return data.toString();
                }
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            if (!field.equals("data")) {
                continue;
            }
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
        // A body that ends without the blank line still delivers its last event.
        return data == null ? null : data.toString();
    }
}
