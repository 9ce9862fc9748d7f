package dev.thinkbench.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The timing and ending part of a streaming {@link ScriptedReply}, shared by the protocol builders
 * ({@link OllamaChatScript}, {@link OpenAiChatScript}), which add the protocol's chunks.
 *
 * @param <B> the protocol builder, so calls chain
 */
public abstract class ReplyBuilder<B extends ReplyBuilder<B>> {

    private final String contentType;
    private final List<ScriptedReply.Step> steps = new ArrayList<>();
    private Duration every = Duration.ZERO;
    private Duration headerDelay = Duration.ZERO;

    protected ReplyBuilder(String contentType) {
        this.contentType = contentType;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Sends {@code text} exactly as given (a raw line or event, malformed if you like), with the automatic pause. */
    public B raw(String text) {
        if (!every.isZero()) {
            steps.add(new ScriptedReply.Pause(every));
        }
        steps.add(new ScriptedReply.Send(text));
        return self();
    }

    /** Waits {@code millis} before the next chunk. */
    public B pause(long millis) {
        steps.add(new ScriptedReply.Pause(Duration.ofMillis(millis)));
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
    public ScriptedReply build() {
        return new ScriptedReply(200, contentType, headerDelay, steps, ScriptedReply.Ending.COMPLETE, Duration.ZERO);
    }

    /** After the chunks so far the connection drops mid-body. */
    public ScriptedReply abort() {
        return new ScriptedReply(200, contentType, headerDelay, steps, ScriptedReply.Ending.ABORT, Duration.ZERO);
    }

    /** After the chunks so far the server stays silent for {@code atMost}, then ends the body. */
    public ScriptedReply stall(Duration atMost) {
        return new ScriptedReply(200, contentType, headerDelay, steps, ScriptedReply.Ending.STALL, atMost);
    }
}
