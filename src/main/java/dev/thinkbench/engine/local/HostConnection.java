package dev.thinkbench.engine.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.local.host.HostEvent;
import dev.thinkbench.engine.local.host.HostRequest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One running engine host process: writes requests to its stdin, routes the events on its stdout to the calls
 * waiting for them, keeps the tail of its stderr, and fails every waiting call when the process dies. Used by
 * {@link LocalEngineProcess}, which replaces a dead connection with a new one.
 *
 * <p>Thread-safe: requests may be sent from any thread; two daemon threads read stdout and stderr.
 */
final class HostConnection {

    /** What a waiting call receives: an event of its request, or the news that the process died. */
    sealed interface Inbound {
    }

    record Event(HostEvent event) implements Inbound {
    }

    /** No more events will come: the process is gone. */
    record Died(String reason) implements Inbound {
    }

    private static final int STDERR_LINES = 40;

    private final Process process;
    private final Writer stdin;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Map<Long, BlockingQueue<Inbound>> calls = new ConcurrentHashMap<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile String deathReason;

    /** Starts a host (llama.cpp's libraries are loaded in place from their folder: nothing is extracted). */
    static HostConnection start(List<String> command) throws EngineException {
        return new HostConnection(command);
    }

    private HostConnection(List<String> command) throws EngineException {
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new EngineException(FailureKind.ENGINE_CRASHED, "cannot start the built-in engine process ("
                    + command.getFirst() + "): " + e.getMessage(), e);
        }
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        daemon("engine-host-stdout", this::readStdout);
        daemon("engine-host-stderr", this::readStderr);
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    /** Waits for the host's ready line. */
    void awaitReady(long timeoutMillis) throws EngineException {
        try {
            if (!ready.await(timeoutMillis, TimeUnit.MILLISECONDS) || deathReason != null) {
                String why = deathReason != null ? deathReason : "it did not answer within "
                        + timeoutMillis / 1000 + " s";
                kill();
                throw new EngineException(FailureKind.ENGINE_CRASHED, "the built-in engine process did not start: "
                        + why + stderrSuffix());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new EngineException(FailureKind.ENGINE_CRASHED, "interrupted while starting the engine", e);
        }
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    /** Registers a call before its request is sent, so no event can arrive unrouted. */
    BlockingQueue<Inbound> register(long id) {
        BlockingQueue<Inbound> queue = new LinkedBlockingQueue<>();
        calls.put(id, queue);
        if (deathReason != null) {
            queue.add(new Died(deathReason));
        }
        return queue;
    }

    void unregister(long id) {
        calls.remove(id);
    }

    /** Sends one request line; a broken pipe means the host died and is reported through the call's queue. */
    void send(HostRequest request) {
        try {
            String line = json.writeValueAsString(request);
            synchronized (stdin) {
                stdin.write(line);
                stdin.write('\n');
                stdin.flush();
            }
        } catch (IOException e) {
            died("the engine process stopped reading requests (" + e.getMessage() + ")");
        }
    }

    boolean alive() {
        return deathReason == null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Why the process died, with its last stderr lines, or null while it lives. */
    String deathReason() {
        return deathReason == null ? null : deathReason + stderrSuffix();
    }

    /** Asks the host to exit, then kills it if it lingers. */
    void shutdown() {
        if (process.isAlive()) {
            send(new HostRequest.Shutdown(nextId()));
            try {
                stdin.close();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (IOException | InterruptedException e) {
                kill();
            }
        }
        died("the engine process was shut down");
    }

    void kill() {
        process.destroyForcibly();
    }

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                route(line);
            }
        } catch (IOException e) {
            // the pipe broke: the process is gone, handled below
        }
        died(exitDescription());
    }

    private void route(String line) {
        if (!line.startsWith("{")) {
            keepStderr("[stdout] " + line);
            return;
        }
        HostEvent event;
        try {
            event = json.readValue(line, HostEvent.class);
        } catch (IOException e) {
            keepStderr("[stdout] " + line);
            return;
        }
        if (event instanceof HostEvent.Ready) {
            ready.countDown();
            return;
        }
        BlockingQueue<Inbound> queue = calls.get(event.id());
        if (queue != null) {
            queue.add(new Event(event));
        }
    }

    private String exitDescription() {
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                return "the engine process closed its output";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int code = process.exitValue();
        return "the engine process exited with code " + code + switch (code) {
            case 134 -> " (native abort)";
            case 137 -> " (killed: out of memory, or stopped from outside)";
            case 139 -> " (native crash: segmentation fault)";
            default -> "";
        };
    }

    private void died(String reason) {
        synchronized (this) {
            if (deathReason != null) {
                return;
            }
            deathReason = reason;
        }
        ready.countDown();
        calls.values().forEach(q -> q.add(new Died(reason)));
    }

    private void readStderr() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                keepStderr(line);
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    private void keepStderr(String line) {
        synchronized (stderrTail) {
            stderrTail.addLast(line.length() > 300 ? line.substring(0, 300) + "\u2026" : line);
            while (stderrTail.size() > STDERR_LINES) {
                stderrTail.removeFirst();
            }
        }
    }

    /** The last few lines the host wrote to stderr, most recent last. */
    List<String> stderrTail() {
        synchronized (stderrTail) {
            return List.copyOf(stderrTail);
        }
    }

    private String stderrSuffix() {
        List<String> tail = stderrTail();
        if (tail.isEmpty()) {
            return "";
        }
        List<String> last = tail.subList(Math.max(0, tail.size() - 5), tail.size());
        return ". Last engine output: " + String.join(" | ", last);
    }
}
