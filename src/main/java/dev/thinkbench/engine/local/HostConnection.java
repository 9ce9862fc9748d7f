package dev.thinkbench.engine.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.local.host.HostEvent;
import dev.thinkbench.engine.local.host.HostMain;
import dev.thinkbench.engine.local.host.HostRequest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One running engine host process: writes requests to its stdin, routes the events on its stdout to the calls
 * waiting for them, adds its stderr to the {@link EngineLog}, and fails every waiting call when the process dies.
 * Failures carry the log lines written meanwhile ({@link #failure}). Used by {@link LocalEngineProcess}, which
 * replaces a dead connection with a new one. The host starts with a restricted environment ({@link HostEnvironment}).
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

    /** How long a failure waits for the engine's log lines about it to arrive (they come on another pipe). */
    private static final long LOG_WAIT_MILLIS = 2000;

    private final Process process;
    private final EngineLog log;
    /** The log position where this process's lines start. */
    private final long logStart;
    private final Writer stdin;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Map<Long, BlockingQueue<Inbound>> calls = new ConcurrentHashMap<>();
    private final Set<Long> logMarks = new HashSet<>();
    private boolean stderrClosed;
    private final AtomicLong ids = new AtomicLong();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile String deathReason;

    /** Starts a host (llama.cpp's libraries are loaded in place from their folder: nothing is extracted). */
    static HostConnection start(List<String> command, EngineLog log) throws EngineException {
        return new HostConnection(command, log);
    }

    private HostConnection(List<String> command, EngineLog log) throws EngineException {
        this.log = log;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            HostEnvironment.restrict(builder.environment());
            process = builder.start();
            log.add("--- engine process " + process.pid() + " started ---");
            logStart = log.position();
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
                throw failure(FailureKind.ENGINE_CRASHED, "the built-in engine process did not start: " + why,
                        logStart, Wait.FOR_EXIT, 0);
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

    /** Why the process died (its exit code explained), or null while it lives. */
    String deathReason() {
        return deathReason;
    }

    /** The log position now: lines written from here on belong to what is sent next. */
    long logPosition() {
        return log.position();
    }

    /** The log position where this process's lines start. */
    long logStart() {
        return logStart;
    }

    /** Which of the engine's log lines a failure must wait for before it takes them. */
    enum Wait {
        /** None: take what has arrived (a deadline passed). */
        NOTHING,
        /** The mark the host writes before answering the request with an error. */
        FOR_MARK,
        /** The end of the log: the process exited, and its last words are on the way. */
        FOR_EXIT
    }

    /**
     * A failure with the engine's log lines since {@code since}: the message, plus the most telling log line when
     * the message does not already say it, and the lines as details.
     *
     * @param requestId the request whose error mark to wait for ({@link Wait#FOR_MARK})
     */
    LocalEngineException failure(FailureKind kind, String message, long since, Wait wait, long requestId) {
        awaitLog(wait, requestId);
        List<String> lines = log.since(since);
        String reason = EngineLog.reason(lines);
        String text = reason == null || message.contains(reason) ? message : message + ": " + reason;
        return new LocalEngineException(kind, text, lines);
    }

    private void awaitLog(Wait wait, long requestId) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOG_WAIT_MILLIS);
        synchronized (logMarks) {
            while (wait != Wait.NOTHING && !stderrClosed
                    && !(wait == Wait.FOR_MARK && logMarks.contains(requestId))) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                try {
                    logMarks.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
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
            log.add("[stdout] " + line);
            return;
        }
        HostEvent event;
        try {
            event = json.readValue(line, HostEvent.class);
        } catch (IOException e) {
            log.add("[stdout] " + line);
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
                if (line.startsWith(HostMain.LOG_MARK)) {
                    mark(line.substring(HostMain.LOG_MARK.length()));
                } else {
                    log.add(line);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        synchronized (logMarks) {
            stderrClosed = true;
            logMarks.notifyAll();
        }
    }

    private void mark(String id) {
        synchronized (logMarks) {
            try {
                logMarks.add(Long.parseLong(id.strip()));
            } catch (NumberFormatException notOurs) {
                return;
            }
            logMarks.notifyAll();
        }
    }
}
