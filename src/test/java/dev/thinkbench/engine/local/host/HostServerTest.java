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

    /**
     * Test double: completions that each take a scripted number of steps (its max tokens), a log of what the worker
     * did in which order, and a step that throws when told to.
     */
    private static final class SteppingTestSession implements HostSession {
        final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.Map<Long, Integer> left = new java.util.LinkedHashMap<>();
        private final java.util.Map<Long, ContinuousBatch.Replies> replies = new java.util.HashMap<>();
        private final Error onStep;

        SteppingTestSession(Error onStep) {
            this.onStep = onStep;
        }

        @Override
        public HostEvent.Loaded load(HostRequest.Load request, Consumer<HostEvent> progress) {
            calls.add("load " + request.id() + (left.isEmpty() ? "" : " while " + left.keySet() + " run"));
            return new HostEvent.Loaded(request.id(), request.model(), request.contextSize(), List.of());
        }

        @Override
        public int[] tokenize(String text) {
            calls.add("tokenize");
            return new int[] {text.length()};
        }

        @Override
        public void admit(HostRequest.Complete request, ContinuousBatch.Replies out) {
            calls.add("admit " + request.id());
            left.put(request.id(), request.maxTokens());
            replies.put(request.id(), out);
        }

        @Override
        public boolean generating() {
            return !left.isEmpty();
        }

        @Override
        public void step(LongPredicate cancelled) {
            String step = "step " + left.keySet();
            if (calls.isEmpty() || !calls.getLast().equals(step)) {
                calls.add(step); // runs of equal steps logged once
            }
            if (onStep != null && left.size() == 2) {
                throw onStep; // once two completions run together
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Long id : List.copyOf(left.keySet())) {
                int n = left.merge(id, -1, Integer::sum);
                if (n == 0 || cancelled.test(id)) {
                    left.remove(id);
                    replies.remove(id).send(new HostEvent.Done(id, n == 0 ? "LENGTH" : "CANCELLED", "", 1, 1, 1));
                }
            }
        }

        @Override
        public void reset() {
            left.clear();
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    private static String complete(long id, int steps) {
        return "{\"op\":\"complete\",\"id\":" + id + ",\"prompt\":\"x\",\"maxTokens\":" + steps
                + ",\"cachePrompt\":true}";
    }

    @Test
    void aTokenizeIsAnsweredBetweenStepsAndALoadWaitsForTheRunningCompletionsToEnd() throws Exception {
        SteppingTestSession session = new SteppingTestSession(null);
        java.io.PipedWriter requests = new java.io.PipedWriter();
        BufferedReader reader = new BufferedReader(new java.io.PipedReader(requests));
        HostServer server = server(session, reader);
        Thread serving = serveInBackground(server);

        send(requests, complete(1, Integer.MAX_VALUE));
        awaitCall(session, "step [1]");
        send(requests, "{\"op\":\"tokenize\",\"id\":3,\"text\":\"ab\"}");
        awaitAnswer("\"type\":\"tokens\"");
        send(requests, "{\"op\":\"load\",\"id\":4,\"model\":\"m\",\"contextSize\":256,\"threads\":1}");
        send(requests, complete(5, 2));
        send(requests, "{\"op\":\"cancel\",\"id\":6,\"target\":1}");
        awaitAnswer("\"id\":5,\"stop\":\"LENGTH\"");
        requests.close();
        serving.join(10_000);

        assertThat(session.calls).containsSubsequence("admit 1", "step [1]", "tokenize", "step [1]", "load 4",
                "admit 5", "step [5]", "close");
        assertThat(session.calls.indexOf("load 4")).as("the load waited for completion 1 to end")
                .isGreaterThan(session.calls.lastIndexOf("step [1]"));
        List<String> lines = answers();
        assertThat(indexOf(lines, "\"type\":\"tokens\"")).as("answered while completion 1 ran")
                .isLessThan(indexOf(lines, "\"id\":1,\"stop\":\"CANCELLED\""));
        assertThat(exitStatus.get()).as("no fatal error").isEqualTo(-1);
    }

    private static void send(java.io.PipedWriter requests, String line) throws java.io.IOException {
        requests.write(line + "\n");
        requests.flush();
    }

    private static void awaitCall(SteppingTestSession session, String call) throws InterruptedException {
        for (int i = 0; i < 3000 && !session.calls.contains(call); i++) {
            Thread.sleep(10);
        }
        assertThat(session.calls).contains(call);
    }

    private void awaitAnswer(String part) throws InterruptedException {
        for (int i = 0; i < 3000 && indexOf(answers(), part) < 0; i++) {
            Thread.sleep(10);
        }
        assertThat(answers()).anySatisfy(l -> assertThat(l).contains(part));
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void anErrorDuringAStepIsAnsweredToEveryCompletionInFlightThenTheHostExits() throws Exception {
        java.io.PipedWriter requests = new java.io.PipedWriter();
        Thread serving = serveInBackground(server(new SteppingTestSession(new OutOfMemoryError("native buffer")),
                new BufferedReader(new java.io.PipedReader(requests))));

        send(requests, complete(7, Integer.MAX_VALUE));
        send(requests, complete(8, Integer.MAX_VALUE));

        assertThat(exited.await(30, TimeUnit.SECONDS)).isTrue();
        requests.close();
        serving.join(10_000);
        assertThat(exitStatus.get()).isEqualTo(HostServer.FATAL_STATUS);
        for (String id : List.of("\"id\":7", "\"id\":8")) {
            assertThat(answers()).anySatisfy(line -> assertThat(line).contains("\"type\":\"error\"", id,
                    FailureKind.ENGINE_CRASHED.name(), "ran out of memory (native buffer)"));
        }
    }

    private static Thread serveInBackground(HostServer server) {
        Thread serving = new Thread(() -> {
            try {
                server.run();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        serving.start();
        return serving;
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final AtomicInteger exitStatus = new AtomicInteger(-1);
    private final CountDownLatch exited = new CountDownLatch(1);

    private HostServer server(HostSession session, String... requests) {
        return server(session, new BufferedReader(new StringReader(String.join("\n", requests) + "\n")));
    }

    private HostServer server(HostSession session, BufferedReader requests) {
        return new HostServer(requests, new java.io.OutputStream() {
            @Override
            public void write(int b) {
                synchronized (out) {
                    out.write(b);
                }
            }
        }, new PrintStream(log, true, StandardCharsets.UTF_8), session, status -> {
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

    /**
     * Test double: completions that each send a chunk every step and end after their max tokens, the first step once
     * three have been admitted; records how many events each step sent.
     */
    private static final class ChunkingTestSession implements HostSession {
        final List<Integer> eventsPerStep = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.Map<Long, Integer> left = new java.util.LinkedHashMap<>();
        private final java.util.Map<Long, ContinuousBatch.Replies> replies = new java.util.HashMap<>();

        @Override
        public HostEvent.Loaded load(HostRequest.Load request, Consumer<HostEvent> progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int[] tokenize(String text) {
            throw new UnsupportedOperationException();
        }

        private int admitted;

        @Override
        public void admit(HostRequest.Complete request, ContinuousBatch.Replies out) {
            left.put(request.id(), request.maxTokens());
            replies.put(request.id(), out);
            admitted++;
        }

        @Override
        public boolean generating() {
            return admitted >= 3 && !left.isEmpty();
        }

        @Override
        public void step(LongPredicate cancelled) {
            int sent = 0;
            for (Long id : List.copyOf(left.keySet())) {
                replies.get(id).send(new HostEvent.Chunk(id, "t", 1, null));
                sent++;
                if (left.merge(id, -1, Integer::sum) == 0) {
                    left.remove(id);
                    replies.remove(id).send(new HostEvent.Done(id, "LENGTH", "", 1, 1, 1));
                    sent++;
                }
            }
            eventsPerStep.add(sent);
        }

        @Override
        public void reset() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theEventsOfOneStepLeaveInOneWrite() throws Exception {
        ChunkingTestSession session = new ChunkingTestSession();
        List<String> writes = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.io.PipedWriter requests = new java.io.PipedWriter();
        // buffered as HostMain buffers stdout: what reaches the pipe is what a flush writes
        HostServer server = new HostServer(new BufferedReader(new java.io.PipedReader(requests)),
                new java.io.BufferedOutputStream(new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        writes.add(new String(b, off, len, StandardCharsets.UTF_8));
                    }
                }, 1 << 16), new PrintStream(log, true, StandardCharsets.UTF_8), session, status -> exited.countDown());
        Thread serving = serveInBackground(server);

        send(requests, complete(1, 5) + "\n" + complete(2, 3) + "\n" + complete(3, 4));
        for (int i = 0; i < 3000 && writes.stream().filter(w -> w.contains("\"type\":\"done\"")).count() < 3; i++) {
            Thread.sleep(10);
        }
        requests.close();
        serving.join(10_000);

        List<Integer> linesPerWrite = writes.stream().filter(w -> w.contains("\"id\":1") || w.contains("\"id\":2")
                || w.contains("\"id\":3")).map(w -> (int) w.lines().count()).toList();
        assertThat(session.eventsPerStep).as("three completions, the second ending in the third step")
                .containsExactly(3, 3, 4, 3, 2);
        assertThat(linesPerWrite).as("one write a step, with all of its events").isEqualTo(session.eventsPerStep);
    }
}
