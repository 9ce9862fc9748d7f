package dev.thinkbench.engine.stream;

import dev.thinkbench.engine.http.StreamTap;

import dev.thinkbench.engine.http.StreamTransport;

import dev.thinkbench.engine.http.ServerMessage;

import dev.thinkbench.engine.http.Failure;

import dev.thinkbench.engine.http.FailureMapper;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.ReasoningEventSink;
import dev.thinkbench.engine.RunHandle;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One run of a chat lane through a langchain4j streaming model, held to the
 * {@link dev.thinkbench.engine.ReasoningEngine} contract: {@code Started}, thinking and answer deltas (thinking first
 * within a chunk, see {@link ThinkingFirst}), usage, then exactly one of {@code Finished}, {@code Cancelled},
 * {@code Failed}. Nothing escapes as an exception. A stream that ends before the server said it was done fails as
 * {@code STREAM_CUT}; silence longer than the timeout fails as {@code TIMEOUT} and stops the stream; an answer the
 * server broke off itself ({@link WireCheck.Verdict.Interrupted}) fails once its usage was reported. Text received
 * before a failure or cancel has already been delivered, so it stays in the recorder.
 *
 * <p>Threading: {@link ChatServer#start} returns at once; the request is built and sent on a virtual thread, deltas
 * arrive on the HTTP client's thread, a timeout on the watchdog's, and {@link #cancel()} (any thread, any number of
 * times) emits {@code Cancelled} on a virtual thread of its own. {@link RunEvents} keeps them serial.
 */
public final class ChatStreamRun implements RunHandle {

    private final RunSpec spec;
    private final ChatProtocol protocol;
    private final FailureMapper failures;
    private final WireCheck wire;
    private final RunEvents events;
    private final ThinkingFirst order;
    private final StreamTransport transport;
    private final Duration silence;
    private volatile boolean opened;
    private volatile boolean completeSeen;
    /** Set when the server ended the answer early for a fault of its own; the run fails with it once it ends. */
    private volatile Failure interrupted;

    private ChatStreamRun(RunSpec spec, ReasoningEventSink sink, ChatProtocol protocol, ChatServer server) {
        this.spec = spec;
        this.protocol = protocol;
        this.failures = server.failures();
        this.wire = protocol.wireCheck();
        this.events = new RunEvents(sink, spec.model(), spec.budget().spec());
        this.order = new ThinkingFirst(events, protocol.oneTokenPerCallback(), protocol.summarizesThinking(spec));
        this.silence = server.timeout();
        this.transport = new StreamTransport(server.client().exchange(this::silent, this::retrying), new Tap());
    }

    /** Starts a run of {@code protocol} on {@code server}; see the class comment. */
    static ChatStreamRun start(RunSpec spec, ReasoningEventSink sink, ChatProtocol protocol, ChatServer server) {
        ChatStreamRun run = new ChatStreamRun(spec, sink, protocol, server);
        Thread.ofVirtual().name("thinkbench-run-" + spec.model()).start(run::begin);
        return run;
    }

    private void begin() {
        events.started();
        String unsupported = protocol.whyUnsupported(spec);
        if (unsupported != null) {
            fail(Failure.of(FailureKind.UNSUPPORTED, unsupported));
            return;
        }
        try {
            if (protocol.promptOpensThinking(spec)) {
                order.promptOpenedThinking();
            }
            StreamingChatModel model = protocol.model(spec, transport.asBuilder());
            if (!events.ended()) {
                model.chat(ChatRequests.of(spec), new Handler());
            }
        } catch (RuntimeException e) {
            error(e);
        } catch (OutOfMemoryError e) {
            fail(Failure.of(FailureKind.UNKNOWN, "Thinkbench ran out of memory while reading the answer from "
                    + failures.endpoint().describe() + "; the other runs go on."));
        }
    }

    @Override
    public void cancel() {
        if (events.ended()) {
            return;
        }
        Thread.ofVirtual().name("thinkbench-cancel").start(() -> {
            order.flush();
            if (events.cancelled()) {
                stop();
            }
        });
    }

    @Override
    public CompletableFuture<Void> done() {
        return events.done();
    }

    private void complete(ChatResponse response) {
        if (!completeSeen) {
            streamCut();
            return;
        }
        order.flush();
        Usage usage = protocol.usage(response, events.sawThinking());
        if (usage != null) {
            events.usage(usage);
        }
        end(ChatRequests.stopReason(response.finishReason()));
    }

    /** Ends a stream the server said was complete: finished, or failed where the server cut the answer short. */
    private void end(ReasoningEvent.StopReason reason) {
        Failure cutShort = interrupted;
        if (cutShort != null) {
            fail(cutShort);
        } else if (events.finished(reason)) {
            stop();
        }
    }

    private void error(Throwable error) {
        if (events.ended()) {
            return;
        }
        Failure failure = failures.map(error, opened);
        if (failure.httpStatus() == null) {
            fail(failure);
            return;
        }
        // The server answered with an error status: the protocol may list its models to explain it, which blocks.
        Thread.ofVirtual().name("thinkbench-diagnose").start(() -> fail(diagnose(failure)));
    }

    private Failure diagnose(Failure failure) {
        try {
            return protocol.diagnose(failure, spec);
        } catch (RuntimeException e) {
            return failure; // the explanation is a bonus; the run must end with what is known
        }
    }

    private void silent() {
        fail(failures.silent(silence));
    }

    private void retrying(Duration wait, int status, String serverMessage) {
        events.retryWaiting(wait, failures.endpoint().describe() + " answered HTTP " + status
                + (serverMessage == null ? "" : " (" + serverMessage + ")") + " and asked to wait");
    }

    private void streamCut() {
        fail(failures.cut("before the server said it was done"));
    }

    /** Fails the run; the message says that what arrived is kept only when something did. */
    private void fail(Failure failure) {
        order.flush();
        String kept = events.sawText() ? " What arrived before is kept." : "";
        if (events.failed(failure.kind(), failure.message() + kept, failure.retryAfter())) {
            stop();
        }
    }

    private void stop() {
        transport.abort();
    }

    /** langchain4j's callbacks, on the HTTP client's thread. */
    private final class Handler implements StreamingChatResponseHandler {

        @Override
        public void onPartialResponse(String text) {
            order.answer(text);
        }

        @Override
        public void onPartialThinking(PartialThinking thinking) {
            order.thinking(thinking.text());
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            complete(response);
        }

        @Override
        public void onError(Throwable error) {
            error(error);
        }
    }

    /** The raw stream, around langchain4j's handling of it. */
    private final class Tap implements StreamTap {

        @Override
        public void opened() {
            opened = true;
        }

        @Override
        public boolean beforeEvent(String eventName, String data) {
            if (events.ended()) {
                return false;
            }
            return switch (wire.inspect(eventName, data)) {
                case WireCheck.Verdict.Deliver d -> {
                    completeSeen |= d.complete();
                    yield true;
                }
                case WireCheck.Verdict.Skip s -> false;
                case WireCheck.Verdict.Malformed m -> {
                    fail(failures.unreadableLine(m.data()));
                    yield false;
                }
                case WireCheck.Verdict.ServerError e -> {
                    fail(failures.inStream(e.kind(), e.message()));
                    yield false;
                }
                case WireCheck.Verdict.Interrupted i -> {
                    interrupted = failures.inStream(i.kind(), i.message());
                    completeSeen = true;
                    yield true;
                }
            };
        }

        @Override
        public void afterEvent() {
            order.endOfChunk();
        }

        @Override
        public void eventRejected(RuntimeException error) {
            fail(failures.malformed("an event that could not be read ("
                    + ServerMessage.excerpt(String.valueOf(error.getMessage())) + ")"));
        }

        @Override
        public void ended() {
            if (events.ended()) {
                return;
            }
            if (!completeSeen) {
                streamCut();
                return;
            }
            // The server said it was done but langchain4j did not complete: keep what arrived, as finished.
            order.flush();
            end(ReasoningEvent.StopReason.UNKNOWN);
        }
    }
}
