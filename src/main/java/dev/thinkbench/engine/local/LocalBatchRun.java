package dev.thinkbench.engine.local;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.BatchCompletionBackend;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.local.host.HostEvent;
import dev.thinkbench.engine.local.host.HostRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One batch of continuations on the engine host ({@link HostRequest.CompleteBatch}): sends it, routes each
 * sequence's chunks to the listener by index, and collects one result per sequence. Confined to the calling thread.
 */
final class LocalBatchRun {

    private final HostConnection connection;
    private final List<CompletionRequest> requests;
    private final BatchCompletionBackend.SequenceListener listener;
    private final CancelToken cancel;
    private final long start;
    private final StringBuilder[] texts;
    private final int[] tokens;
    private final CompletionResult[] results;
    private int done;

    LocalBatchRun(HostConnection connection, List<CompletionRequest> requests,
                  BatchCompletionBackend.SequenceListener listener, CancelToken cancel, long start) {
        this.connection = connection;
        this.requests = requests;
        this.listener = listener;
        this.cancel = cancel;
        this.start = start;
        this.texts = new StringBuilder[requests.size()];
        Arrays.setAll(texts, i -> new StringBuilder());
        this.tokens = new int[requests.size()];
        this.results = new CompletionResult[requests.size()];
    }

    List<CompletionResult> run() throws EngineException {
        long id = connection.nextId();
        BlockingQueue<HostConnection.Inbound> queue = connection.register(id);
        AtomicBoolean finished = new AtomicBoolean();
        cancel.onCancel(() -> {
            if (!finished.get()) {
                connection.send(new HostRequest.Cancel(connection.nextId(), id));
            }
        });
        List<HostRequest.Complete> sequences = new ArrayList<>();
        boolean cache = false;
        for (CompletionRequest r : requests) {
            sequences.add(LocalCompletionBackend.hostRequest(0, r));
            cache |= r.cachePrompt();
        }
        connection.send(new HostRequest.CompleteBatch(id, sequences, cache));
        try {
            long cancelDeadline = Long.MAX_VALUE;
            while (done < results.length) {
                HostConnection.Inbound in = queue.poll(100, TimeUnit.MILLISECONDS);
                if (in != null) {
                    accept(in);
                } else if (cancel.isCancelled()) {
                    cancelDeadline = Math.min(cancelDeadline,
                            System.nanoTime() + LocalCompletionBackend.CANCEL_GRACE.toNanos());
                    if (System.nanoTime() > cancelDeadline) {
                        return cancelledRest();
                    }
                }
            }
            return List.of(results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cancelledRest();
        } finally {
            if (done < results.length) {
                connection.send(new HostRequest.Cancel(connection.nextId(), id));
            }
            finished.set(true);
            connection.unregister(id);
        }
    }

    private void accept(HostConnection.Inbound in) throws EngineException {
        switch (in) {
            case HostConnection.Event(HostEvent.Chunk c) when c.seq() != null && c.seq() < results.length -> {
                int i = c.seq();
                texts[i].append(c.text());
                tokens[i] += c.tokens();
                if (c.logprobs() != null) {
                    listener.onTokens(i, c.logprobs());
                }
                listener.onText(i, c.text(), c.tokens());
            }
            case HostConnection.Event(HostEvent.Done d) when d.seq() != null && d.seq() < results.length -> {
                int i = d.seq();
                if (results[i] == null) {
                    done++;
                }
                results[i] = LocalCompletionBackend.result(texts[i], d.tokens(), CompletionResult.Stop.valueOf(d.stop()),
                        d.stoppingWord(), d.promptTokens(), d.promptTokensEvaluated(), start);
            }
            case HostConnection.Event(HostEvent.Error error) -> throw new EngineException(
                    LocalEngineProcess.kindOf(error.kind()), "Built-in engine: " + error.message());
            case HostConnection.Event(HostEvent other) -> throw new EngineException(FailureKind.MALFORMED_STREAM,
                    "unexpected engine event in a batch: " + other);
            case HostConnection.Died died -> throw new EngineException(FailureKind.ENGINE_CRASHED, "The built-in "
                    + "engine crashed during this batch; it restarts on the next run. Cause: "
                    + connection.deathReason());
        }
    }

    private List<CompletionResult> cancelledRest() {
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                results[i] = LocalCompletionBackend.result(texts[i], tokens[i], CompletionResult.Stop.CANCELLED, "",
                        null, null, start);
            }
        }
        return List.of(results);
    }
}
