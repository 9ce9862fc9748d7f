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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;

/**
 * The host's request loop: reads JSON lines and answers cancel and shutdown at once on the reading thread; a single
 * worker thread runs everything that touches the model, as a decode loop with continuous batching. A completion
 * that arrives while others run is admitted at the next step and joins them ({@link HostSession#step}: one decode
 * for all). A tokenize is answered between two steps (it reads only the vocabulary). A load waits until the running
 * completions have ended (the model they run on must not change under them), and requests that came after it wait
 * behind it, so they run on the model they were sent for.
 *
 * <p>Every request is answered. A refusal or a runtime exception becomes an {@link HostEvent.Error} and the host
 * lives on; an {@link Error} (out of memory, a broken native link) is answered too, to every request in flight or
 * waiting, and then the host exits through {@code exit}, since its state can no longer be trusted: the app starts a
 * fresh one for the next request. Before each Error event the host writes {@link HostMain#LOG_MARK} and the request
 * id to its log (stderr), so the app knows the engine's own lines about the failure have all arrived. When stdin
 * closes, running completions end {@code CANCELLED} and requests already read are still served.
 */
final class HostServer implements ContinuousBatch.Replies {

    /** The status the host exits with after an {@link Error}. */
    static final int FATAL_STATUS = 70;
    /** Queued after the last request: the worker frees the model and stops. */
    private static final HostRequest END = new HostRequest.Shutdown(-1);

    private final BufferedReader in;
    private final OutputStream out;
    private final PrintStream log;
    private final HostSession session;
    private final IntConsumer exit;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    /** Completions admitted and not yet answered with Done or Error (what a fatal error must still answer). */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<HostRequest> inbox = new LinkedBlockingQueue<>();
    private volatile boolean closing;
    private final Thread worker = new Thread(this::work, "llama-worker");
    /** The request the worker is serving (worker thread only). */
    private HostRequest serving;
    /** Set while the worker steps: the events of one step leave in one write when it ends (guarded by this). */
    private boolean holdingStep;

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
        worker.setDaemon(true);
    }

    /** Serves until stdin closes or a shutdown arrives, then frees the model; returns the exit status. */
    int run() throws IOException {
        worker.start();
        try {
            return serveLines();
        } finally {
            closing = true;
            inbox.add(END);
            try {
                worker.join(5000);
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
                default -> inbox.add(request);
            }
        }
        return 0;
    }

    /**
     * The worker: takes requests as they come (all that arrived, before each step, so they join it), and steps the
     * decode loop while completions run. A load or the end waits as a barrier until the loop has drained.
     */
    private void work() {
        HostRequest barrier = null;
        while (true) {
            try {
                if (barrier == null) {
                    HostRequest next = session.generating() ? inbox.poll() : inbox.take();
                    while (next != null && barrier == null) {
                        if (next instanceof HostRequest.Load || next == END) {
                            barrier = next;
                        } else {
                            serve(next);
                            next = inbox.poll();
                        }
                    }
                }
                if (session.generating()) {
                    holdStep(true);
                    try {
                        session.step(id -> closing || cancelled.contains(id));
                    } finally {
                        holdStep(false);
                    }
                } else if (barrier == END) {
                    close();
                    return;
                } else if (barrier != null) {
                    serve(barrier);
                    barrier = null;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a step's own failures are answered per completion; anything else leaves them in doubt
                e.printStackTrace(log);
                abandonAll(FailureKind.UNKNOWN, "engine host error: " + e);
            } catch (Error e) {
                fatal(e, barrier);
                return;
            }
        }
    }

    /** Serves one request that is not a barrier: answers a tokenize, admits a completion. */
    private void serve(HostRequest request) {
        serving = request;
        try {
            switch (request) {
                case HostRequest.Load load -> send(session.load(load, this::send));
                case HostRequest.Tokenize t -> send(new HostEvent.Tokens(t.id(), session.tokenize(t.text())));
                case HostRequest.Complete c when cancelled.remove(c.id()) ->
                        send(new HostEvent.Done(c.id(), "CANCELLED", "", 0, null, null));
                case HostRequest.Complete c -> {
                    inFlight.add(c.id());
                    session.admit(c, this);
                }
                case HostRequest.Cancel c -> cancelled.add(c.target());
                case HostRequest.Shutdown s -> { }
            }
        } catch (HostFailure f) {
            fail(request.id(), f.kind(), f.getMessage());
        } catch (RuntimeException e) {
            e.printStackTrace(log);
            fail(request.id(), FailureKind.UNKNOWN, "engine host error: " + e);
        }
        serving = null; // not reached on an Error: fatal() still answers it
    }

    /** Frees the model at the end; a failure there is only logged (nothing is left to answer). */
    private void close() {
        try {
            session.close();
        } catch (RuntimeException e) {
            e.printStackTrace(log);
        }
    }

    /** Answers every admitted completion with an error; their state in the engine is unknown, so it is reset. */
    private void abandonAll(FailureKind kind, String message) {
        session.reset();
        for (Long id : List.copyOf(inFlight)) {
            fail(id, kind, message);
        }
    }

    /**
     * A fatal error: answers every completion in flight, the request that was waiting and everything queued, then
     * exits.
     */
    private void fatal(Error e, HostRequest barrier) {
        Set<Long> ids = new LinkedHashSet<>(inFlight);
        if (serving != null) {
            ids.add(serving.id());
        }
        if (barrier != null && barrier != END) {
            ids.add(barrier.id());
        }
        for (HostRequest r : inbox) {
            if (r != END && !(r instanceof HostRequest.Cancel)) {
                ids.add(r.id());
            }
        }
        fatal(ids, e);
    }

    /**
     * Answers the requests the host cannot survive, then exits. The answers are written even if memory is still
     * short: the failed allocation is garbage by now, and a fixed line is the fallback.
     */
    private void fatal(Set<Long> ids, Error e) {
        String message = e instanceof OutOfMemoryError
                ? "the engine process ran out of memory (" + e.getMessage() + ") and restarts on the next request"
                : "the engine process failed (" + e + ") and restarts on the next request";
        try {
            e.printStackTrace(log);
            for (long id : ids) {
                try {
                    answerError(id, FailureKind.ENGINE_CRASHED, message);
                } catch (Throwable again) {
                    sendRaw(("{\"type\":\"error\",\"id\":" + id + ",\"kind\":\"ENGINE_CRASHED\","
                            + "\"message\":\"the engine process failed and restarts on the next request\"}\n")
                            .getBytes(StandardCharsets.US_ASCII));
                }
            }
        } finally {
            exit.accept(FATAL_STATUS);
        }
    }

    /** Answers a request with an error; a completion's cancel, if any, is spent. */
    @Override
    public void fail(long id, FailureKind kind, String message) {
        answerError(id, kind, message);
    }

    /** Marks the log, then sends the Error event (see the class comment). */
    private void answerError(long id, FailureKind kind, String message) {
        log.println(HostMain.LOG_MARK + id);
        log.flush();
        send(new HostEvent.Error(id, kind.name(), message));
    }

    /**
     * Holds the worker's events back while it steps, and writes them when the step ends: the chunks of every
     * sequence in the batch wake the app's reader once (on a machine whose cores all decode, each wake-up stalls the
     * decode threads at ggml's next barrier).
     */
    private synchronized void holdStep(boolean hold) {
        holdingStep = hold;
        if (!hold) {
            try {
                out.flush();
            } catch (IOException gone) {
                // the app is gone too
            }
        }
    }

    private synchronized void sendRaw(byte[] line) {
        try {
            out.write(line);
            out.flush();
        } catch (IOException gone) {
            // the app is gone too
        }
    }

    /**
     * Writes an event: at once, or with the rest of the worker's step when it sends during one ({@link #holdStep}). A
     * chunk is written by hand ({@link ChunkLine}) unless it carries log-probabilities. A completion's last event (Done
     * or Error) takes it out of flight and spends its cancel.
     */
    @Override
    public synchronized void send(HostEvent event) {
        if (event instanceof HostEvent.Done || event instanceof HostEvent.Error) {
            inFlight.remove(event.id());
            cancelled.remove(event.id());
        }
        try {
            out.write(event instanceof HostEvent.Chunk chunk && chunk.logprobs() == null ? ChunkLine.encode(chunk)
                    : json.writeValueAsBytes(event));
            out.write('\n');
            if (!holdingStep || Thread.currentThread() != worker) {
                out.flush();
            }
        } catch (IOException e) {
            // stdout is gone: the app closed the pipe; stdin will close too and end the loop
        }
    }
}
