package dev.thinkbench.engine.http;

/**
 * What a {@link StreamTransport} tells its run about the raw stream, around langchain4j's own handling of it.
 *
 * <p>Threading: called on the HTTP client's thread that reads the response body, in stream order.
 */
public interface StreamTap {

    /** The server answered 2xx; the body follows. */
    void opened();

    /**
     * A raw event arrived, before langchain4j sees it.
     *
     * @return true to hand it to langchain4j, false to skip it (the run may have ended because of it)
     */
    boolean beforeEvent(String eventName, String data);

    /** langchain4j has handled the event that {@link #beforeEvent} let through. */
    void afterEvent();

    /** langchain4j threw while handling an event that looked well formed. */
    void eventRejected(RuntimeException error);

    /** The body ended without a transport error (after langchain4j's own end-of-stream handling). */
    void ended();
}
