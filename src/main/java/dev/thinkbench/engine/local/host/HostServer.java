package dev.thinkbench.engine.local.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thinkbench.core.FailureKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The host's request loop: reads JSON lines, answers cancel and shutdown at once on the reading thread, and runs
 * load, complete and tokenize one at a time on a single worker thread (one model, one llama.cpp slot).
 */
final class HostServer {

    private final BufferedReader in;
    private final OutputStream out;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final LlamaSession session = new LlamaSession();
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "llama-worker");
        t.setDaemon(true);
        return t;
    });

    HostServer(BufferedReader in, OutputStream out) {
        this.in = in;
        this.out = out;
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
                send(new HostEvent.Error(0, FailureKind.BAD_REQUEST.name(), "unreadable request: "
                        + e.getOriginalMessage()));
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
            send(new HostEvent.Error(request.id(), f.kind().name(), f.getMessage()));
        } catch (RuntimeException e) {
            send(new HostEvent.Error(request.id(), FailureKind.UNKNOWN.name(), "engine host error: " + e));
        } finally {
            cancelled.remove(request.id());
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
