package dev.thinkbench.engine.raw;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.EngineException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The lines of a streamed HTTP body, read on the calling thread, ended promptly by a cancel or by silence.
 *
 * <p>A blocked read cannot be interrupted, so both a cancel (from any thread) and the stall watchdog close the
 * underlying stream; the blocked {@link #next()} then returns {@code null} (cancelled) or throws a
 * {@link FailureKind#TIMEOUT} {@link EngineException} (stalled). Closing is idempotent.
 */
final class StreamLines implements AutoCloseable {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "thinkbench-stream-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final InputStream body;
    private final BufferedReader reader;
    private final CancelToken cancel;
    private final Duration stallTimeout;
    private final String server;
    private final ScheduledFuture<?> watchdog;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean stalled;

    StreamLines(InputStream body, CancelToken cancel, Duration stallTimeout, String server) {
        this.body = body;
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        this.cancel = cancel;
        this.stallTimeout = stallTimeout;
        this.server = server;
        long period = Math.clamp(stallTimeout.toMillis() / 4, 10, 1000);
        this.watchdog = WATCHDOG.scheduleAtFixedRate(this::checkStall, period, period, TimeUnit.MILLISECONDS);
        cancel.onCancel(this::closeQuietly);
    }

    private void checkStall() {
        if (System.nanoTime() - lastActivity > stallTimeout.toNanos()) {
            stalled = true;
            closeQuietly();
        }
    }

    /**
     * The next line without its terminator, or null at the end of the body or after a cancel.
     *
     * @throws EngineException TIMEOUT when the server went silent, STREAM_CUT when the connection broke
     */
    String next() throws EngineException {
        try {
            String line = reader.readLine();
            lastActivity = System.nanoTime();
            if (line == null && stalled) {
                throw stallFailure();
            }
            return line;
        } catch (IOException e) {
            if (cancel.isCancelled()) {
                return null;
            }
            if (stalled) {
                throw stallFailure();
            }
            throw new EngineException(FailureKind.STREAM_CUT,
                    server + " broke off the stream: " + e.getMessage(), e);
        }
    }

    private EngineException stallFailure() {
        return new EngineException(FailureKind.TIMEOUT, server + " sent nothing for "
                + stallTimeout.toSeconds() + " s; the stream was abandoned (raise the timeout for slow models)");
    }

    boolean cancelled() {
        return cancel.isCancelled();
    }

    private void closeQuietly() {
        try {
            body.close();
        } catch (IOException ignored) {
            // Closing is only a way to wake the reader; a failure to close changes nothing.
        }
    }

    @Override
    public void close() {
        watchdog.cancel(false);
        closeQuietly();
    }
}
