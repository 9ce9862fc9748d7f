package dev.thinkbench.engine.local.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.FailureKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The host's request loop: reads JSON lines, answers cancel and shutdown at once on the reading thread, and runs
 * load, complete and tokenize one at a time on a single worker thread (one model, one llama.cpp slot).
 *
 * <p>Every request is answered. A refusal or a runtime exception becomes an {@link HostEvent.Error} and the host
 * lives on; an {@link Error} (out of memory, a broken native link) is answered too, and then the host exits through
 * {@code exit}, since its state can no longer be trusted: the app starts a fresh one for the next request. Before
 * each Error event the host writes {@link HostMain#LOG_MARK} and the request id to its log (stderr), so the app
 * knows the engine's own lines about the failure have all arrived.
 */
final class HostServer {

    /** The status the host exits with after an {@link Error}. */
    static final int FATAL_STATUS = 70;

    private final BufferedReader in;
    private final OutputStream out;
    private final PrintStream log;
    private final HostSession session;
    private final IntConsumer exit;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "llama-worker");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param log the host's stderr, where native code writes too (the app keeps its tail as the engine log)
     * @param exit ends the process after a fatal error has been answered ({@code System::exit} in the host)
     */
    HostServer(BufferedReader in, OutputStream out, PrintStream log, HostSession session, IntConsumer exit) {
        this.in = in;
        this.out = out;
        this.log = log;
        this.session = session;
        this.exit = exit;
    }

    /** Serves until stdin closes or a shutdown arrives, then frees the model; returns the exit status. */
    int run() throws IOException {
        try {
            return serveLines();
        } finally {
            closing = true;
            worker.execute(session::close);
            worker.shutdown();
            try {
                worker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private int serveLines() throws IOException {
        send(new HostEvent.Ready(0, ProcessHandle.current().pid()));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            HostRequest request;
            try {
                request = json.readValue(line, HostRequest.class);
            } catch (JsonProcessingException e) {
                answerError(0, FailureKind.BAD_REQUEST, "unreadable request: " + e.getOriginalMessage());
                continue;
            }
            switch (request) {
                case HostRequest.Shutdown s -> {
                    return 0;
                }
                case HostRequest.Cancel c -> cancelled.add(c.target());
                default -> worker.execute(() -> serve(request));
            }
        }
        return 0;
    }

    private void serve(HostRequest request) {
        try {
            switch (request) {
                case HostRequest.Load load -> send(session.load(load, this::send));
                case HostRequest.Tokenize t -> send(new HostEvent.Tokens(t.id(), session.tokenize(t.text())));
                case HostRequest.Complete c -> {
                    if (cancelled.remove(c.id())) {
                        send(new HostEvent.Done(c.id(), "CANCELLED", "", 0, null, null));
                        return;
                    }
                    session.complete(c, () -> closing || cancelled.contains(c.id()), this::send);
                }
                case HostRequest.CompleteBatch b -> session.completeBatch(b,
                        () -> closing || cancelled.contains(b.id()), this::send);
                case HostRequest.Cancel c -> cancelled.add(c.target());
                case HostRequest.Shutdown s -> { }
            }
        } catch (HostFailure f) {
            answerError(request.id(), f.kind(), f.getMessage());
        } catch (RuntimeException e) {
            e.printStackTrace(log);
            answerError(request.id(), FailureKind.UNKNOWN, "engine host error: " + e);
        } catch (Error e) {
            fatal(request.id(), e);
        } finally {
            cancelled.remove(request.id());
        }
    }

    /**
     * Answers a request the host cannot survive, then exits. The answer is written even if memory is still short:
     * the failed allocation is garbage by now, and a fixed line is the fallback.
     */
    private void fatal(long id, Error e) {
        String message = e instanceof OutOfMemoryError
                ? "the engine process ran out of memory (" + e.getMessage() + ") and restarts on the next request"
                : "the engine process failed (" + e + ") and restarts on the next request";
        try {
            e.printStackTrace(log);
            answerError(id, FailureKind.ENGINE_CRASHED, message);
        } catch (Throwable again) {
            sendRaw(("{\"type\":\"error\",\"id\":" + id + ",\"kind\":\"ENGINE_CRASHED\","
                    + "\"message\":\"the engine process failed and restarts on the next request\"}\n")
                    .getBytes(StandardCharsets.US_ASCII));
        } finally {
            exit.accept(FATAL_STATUS);
        }
    }

    /** Marks the log, then sends the Error event (see the class comment). */
    private void answerError(long id, FailureKind kind, String message) {
        log.println(HostMain.LOG_MARK + id);
        log.flush();
        send(new HostEvent.Error(id, kind.name(), message));
    }

    private synchronized void sendRaw(byte[] line) {
        try {
            out.write(line);
            out.flush();
        } catch (IOException gone) {
            // the app is gone too
        }
    }

    /** One write per event: a token's chunk costs one pipe write, whatever its size. */
    private synchronized void send(HostEvent event) {
        try {
            out.write(json.writeValueAsBytes(event));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            // stdout is gone: the app closed the pipe; stdin will close too and end the loop
        }
    }
}
