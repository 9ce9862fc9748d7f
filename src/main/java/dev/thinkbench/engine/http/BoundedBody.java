package dev.thinkbench.engine.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A streamed response body that refuses to grow a line or an event without bound, so an endless line from a broken
 * or hostile server fails the run with a clear message instead of exhausting the heap. Lines end at CR, LF or CRLF;
 * with {@link Framing#SSE} an event ends at a blank line and is capped as a whole too. Every read that returns data
 * also tells {@code onData} (the silence watchdog), so a slow but live stream is not taken for a stalled one.
 *
 * <p>Threading: read on one thread; {@link #close()} may be called from any thread to wake a blocked read.
 */
public final class BoundedBody extends FilterInputStream {

    /** How a body is cut into items, for the caps. */
    public enum Framing {
        /** Server-sent events: lines grouped into events by blank lines. */
        SSE,
        /** One item per line (NDJSON). */
        LINES
    }

    /** The longest line any stream may send. */
    public static final int MAX_LINE_BYTES = 8 << 20;
    /** The largest server-sent event any stream may send. */
    public static final int MAX_EVENT_BYTES = 16 << 20;

    private final long maxLine;
    private final long maxEvent;
    private final Runnable onData;
    private long line;
    private long event;
    private boolean lastWasCr;

    /** A body with the standard caps. */
    public BoundedBody(InputStream in, Framing framing, Runnable onData) {
        this(in, framing, onData, MAX_LINE_BYTES, MAX_EVENT_BYTES);
    }

    BoundedBody(InputStream in, Framing framing, Runnable onData, long maxLine, long maxEvent) {
        super(in);
        this.maxLine = maxLine;
        this.maxEvent = framing == Framing.SSE ? maxEvent : Long.MAX_VALUE;
        this.onData = onData == null ? () -> { } : onData;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            onData.run();
            count((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            onData.run();
            for (int i = off; i < off + n; i++) {
                count(buf[i]);
            }
        }
        return n;
    }

    private void count(byte b) throws StreamLimitException {
        if (b == '\n' && lastWasCr) {
            lastWasCr = false;
            return;
        }
        lastWasCr = b == '\r';
        if (b == '\n' || b == '\r') {
            if (line == 0) {
                event = 0;
            }
            line = 0;
            return;
        }
        if (++line > maxLine) {
            throw new StreamLimitException("a line over " + megabytes(maxLine));
        }
        if (++event > maxEvent) {
            throw new StreamLimitException("an event over " + megabytes(maxEvent));
        }
    }

    private static String megabytes(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** A stream item was longer than any real server sends; the message says what, e.g. "a line over 8 MB". */
    public static final class StreamLimitException extends IOException {
        StreamLimitException(String what) {
            super(what);
        }

        /** What was too long, e.g. {@code a line over 8 MB}. */
        public String what() {
            return getMessage();
        }
    }
}
