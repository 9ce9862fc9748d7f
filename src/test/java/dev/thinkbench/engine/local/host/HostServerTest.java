package dev.thinkbench.engine.local.host;

import dev.thinkbench.core.FailureKind;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host answers every request, whatever its session throws: refusals and runtime exceptions leave it serving,
 * an {@link Error} is answered and then ends the process. In-process, with a scripted session and a recorded exit.
 */
class HostServerTest {

    /** Test double: a session whose calls throw what the test scripts. */
    private static final class ThrowingTestSession implements HostSession {
        private final Throwable onLoad;
        private final Throwable onTokenize;

        ThrowingTestSession(Throwable onLoad, Throwable onTokenize) {
            this.onLoad = onLoad;
            this.onTokenize = onTokenize;
        }

        @Override
        public HostEvent.Loaded load(HostRequest.Load request, Consumer<HostEvent> progress) {
            if (onLoad != null) {
                throw sneaky(onLoad);
            }
            return new HostEvent.Loaded(request.id(), request.model(), request.contextSize(), List.of());
        }

        @Override
        public int[] tokenize(String text) {
            if (onTokenize != null) {
                throw sneaky(onTokenize);
            }
            return new int[] {text.length()};
        }

        @Override
        public void admit(HostRequest.Complete request, ContinuousBatch.Replies replies) {
            throw new StackOverflowError();
        }

        @Override
        public boolean generating() {
            return false;
        }

        @Override
        public void step(LongPredicate cancelled) {
        }

        @Override
        public void reset() {
        }

        @Override
        public void close() {
        }

        @SuppressWarnings("unchecked")
        private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
            throw (T) t;
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final AtomicInteger exitStatus = new AtomicInteger(-1);
    private final CountDownLatch exited = new CountDownLatch(1);

    private HostServer server(HostSession session, String... requests) {
        return new HostServer(new BufferedReader(new StringReader(String.join("\n", requests) + "\n")),
                out, new PrintStream(log, true, StandardCharsets.UTF_8), session, status -> {
                    exitStatus.set(status);
                    exited.countDown();
                });
    }

    private List<String> answers() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void outOfMemoryWhileLoadingIsAnsweredThenTheHostExits() throws Exception {
        HostServer server = server(new ThrowingTestSession(new OutOfMemoryError("Java heap space"), null),
                "{\"op\":\"load\",\"id\":5,\"model\":\"m.gguf\",\"contextSize\":256,\"threads\":1}");

        server.run();

        assertThat(exited.await(30, TimeUnit.SECONDS)).as("the host exits after a fatal error").isTrue();
        assertThat(exitStatus.get()).isEqualTo(HostServer.FATAL_STATUS);
        assertThat(answers()).anySatisfy(line -> assertThat(line).contains("\"type\":\"error\"", "\"id\":5",
                FailureKind.ENGINE_CRASHED.name(), "ran out of memory (Java heap space)"));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("java.lang.OutOfMemoryError", HostMain.LOG_MARK + 5);
    }

    @Test
    void anErrorDuringACompletionIsAnsweredToo() throws Exception {
        HostServer server = server(new ThrowingTestSession(null, null),
                "{\"op\":\"complete\",\"id\":9,\"prompt\":\"x\",\"maxTokens\":3,\"cachePrompt\":true}");

        server.run();

        assertThat(exited.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(answers()).anySatisfy(line -> assertThat(line).contains("\"id\":9", "StackOverflowError"));
    }

    @Test
    void aRuntimeExceptionIsAnsweredAndTheHostServesTheNextRequest() throws Exception {
        CountDownLatch secondAnswered = new CountDownLatch(1);
        HostSession session = new ThrowingTestSession(null, new IllegalStateException("tokenizer broke"));
        HostServer server = new HostServer(new BufferedReader(new StringReader(
                "{\"op\":\"tokenize\",\"id\":1,\"text\":\"ab\"}\n{\"op\":\"load\",\"id\":2,\"model\":\"m\","
                        + "\"contextSize\":256,\"threads\":1}\n")), new java.io.OutputStream() {
                            @Override
                            public void write(int b) {
                                synchronized (out) {
                                    out.write(b);
                                }
                            }

                            @Override
                            public void write(byte[] b, int off, int len) {
                                synchronized (out) {
                                    out.write(b, off, len);
                                    if (out.toString(StandardCharsets.UTF_8).contains("\"id\":2")) {
                                        secondAnswered.countDown();
                                    }
                                }
                            }
                        }, new PrintStream(log, true, StandardCharsets.UTF_8), session, status -> exited.countDown());

        server.run();

        assertThat(secondAnswered.await(30, TimeUnit.SECONDS)).as("the request after the failure is answered")
                .isTrue();
        assertThat(answers().getFirst()).contains("\"type\":\"ready\"");
        assertThat(answers().get(1)).contains("\"id\":1", "tokenizer broke");
        assertThat(answers().get(2)).contains("\"type\":\"loaded\"", "\"id\":2");
        assertThat(exited.getCount()).as("a runtime exception does not end the host").isEqualTo(1);
    }
}
