package dev.thinkbench.testing;

import java.time.Duration;
import java.util.List;

/**
 * One scripted HTTP reply of a loopback test server: a status, a content type, the body as steps (text to send, pauses)
 * and how the body ends. Build streaming replies with {@link OllamaChatScript} or {@link OpenAiChatScript}; error
 * replies with {@link #status(int, String)}.
 *
 * @param status the HTTP status
 * @param contentType the Content-Type header
 * @param headerDelay how long to wait before sending the status line and headers (a server loading a model)
 * @param steps the body, in order
 * @param ending how the body ends
 * @param stall with {@link Ending#STALL}: how long to stay silent (bounded; the server's close ends it early)
 */
public record ScriptedReply(int status, String contentType, Duration headerDelay, List<Step> steps, Ending ending,
                     Duration stall) {

    /** A piece of the body. */
    public sealed interface Step {
    }

    /** Sends {@code text} (UTF-8) and flushes it, so the client sees it at once. */
    public record Send(String text) implements Step {
    }

    /** Waits before the next step. */
    public record Pause(Duration duration) implements Step {
    }

    /** How a scripted body ends. */
    public enum Ending {
        /** The body ends cleanly after the last step (whether or not the protocol's "done" was sent). */
        COMPLETE,
        /** The connection drops in the middle of the body: the client sees a broken transfer, not a clean end. */
        ABORT,
        /** After the last step the server sends nothing more for {@link #stall()}, then ends the body cleanly. */
        STALL
    }

    public ScriptedReply {
        steps = List.copyOf(steps);
        headerDelay = headerDelay == null ? Duration.ZERO : headerDelay;
        stall = stall == null ? Duration.ZERO : stall;
    }

    /** A complete, non-streaming reply, e.g. {@code status(404, "{\"error\":\"model 'x' not found\"}")}. */
    public static ScriptedReply status(int status, String jsonBody) {
        return new ScriptedReply(status, "application/json", Duration.ZERO, List.of(new Send(jsonBody)),
                Ending.COMPLETE, Duration.ZERO);
    }

    /** The same reply, sent only after {@code delay}. */
    public ScriptedReply withHeaderDelay(Duration delay) {
        return new ScriptedReply(status, contentType, delay, steps, ending, stall);
    }

    /** Everything the body sends, concatenated (for assertions about what the client could have seen). */
    public String sentText() {
        StringBuilder b = new StringBuilder();
        for (Step s : steps) {
            if (s instanceof Send send) {
                b.append(send.text());
            }
        }
        return b.toString();
    }
}
