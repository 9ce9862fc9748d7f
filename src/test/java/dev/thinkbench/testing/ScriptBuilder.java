package dev.thinkbench.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The timing and ending part of a streaming {@link Script}, shared by the protocol builders ({@link OllamaScript},
 * {@link OpenAiScript}), which add the protocol's chunks.
 *
 * @param <B> the protocol builder, so calls chain
 */
public abstract class ScriptBuilder<B extends ScriptBuilder<B>> {

    private final String contentType;
    private final List<Script.Step> steps = new ArrayList<>();
    private Duration every = Duration.ZERO;
    private Duration headerDelay = Duration.ZERO;

    protected ScriptBuilder(String contentType) {
        this.contentType = contentType;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Sends {@code text} exactly as given (a raw line or event, malformed if you like), with the automatic pause. */
    public B raw(String text) {
        if (!every.isZero()) {
            steps.add(new Script.Pause(every));
        }
        steps.add(new Script.Send(text));
        return self();
    }

    /** Waits {@code millis} before the next chunk. */
    public B pause(long millis) {
        steps.add(new Script.Pause(Duration.ofMillis(millis)));
        return self();
    }

    /** Waits {@code delay} before each chunk added after this call (a steady token rate). */
    public B every(Duration delay) {
        this.every = delay;
        return self();
    }

    /** Waits {@code delay} before sending the response headers (a server loading a model). */
    public B headersAfter(Duration delay) {
        this.headerDelay = delay;
        return self();
    }

    /** The body ends cleanly after the chunks so far. */
    public Script build() {
        return new Script(200, contentType, headerDelay, steps, Script.Ending.COMPLETE, Duration.ZERO);
    }

    /** After the chunks so far the connection drops mid-body. */
    public Script abort() {
        return new Script(200, contentType, headerDelay, steps, Script.Ending.ABORT, Duration.ZERO);
    }

    /** After the chunks so far the server stays silent for {@code atMost}, then ends the body. */
    public Script stall(Duration atMost) {
        return new Script(200, contentType, headerDelay, steps, Script.Ending.STALL, atMost);
    }
}
