package dev.thinkbench.engine.http;

import java.io.IOException;

/**
 * The server said 2xx but sent something other than the stream asked for: a captive portal's or a proxy's HTML page,
 * a web server at the wrong address, a JSON document instead of events. {@link #what()} says what came, for a message
 * ({@code an HTML page titled “Sign in”}), already scrubbed and shortened.
 */
public final class NotAnEventStreamException extends IOException {

    private final String what;

    /**
     * @param contentType the response's content type
     * @param title the HTML page's title, or for JSON its message; null when it has none
     */
    public NotAnEventStreamException(String contentType, String title) {
        super("not an event stream (" + contentType + ")");
        boolean html = contentType == null || contentType.toLowerCase(java.util.Locale.ROOT).contains("html");
        this.what = html
                ? title == null ? "an HTML page" : "an HTML page titled \u201c" + title + "\u201d"
                : title == null ? "a " + contentType + " document" : "a " + contentType + " document (" + title + ")";
    }

    /** What came instead of a stream, worded for a message. */
    public String what() {
        return what;
    }
}
