package dev.thinkbench.cli;


import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.Sentences;
import dev.thinkbench.lab.sweep.SweepEvent;
import dev.thinkbench.lab.sweep.SweepListener;
import dev.thinkbench.lab.sweep.SweepProgress;
import dev.thinkbench.lab.sweep.SweepRecord;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Prints a sweep's progress to the error stream, at most every {@code interval}: runs finished, failures, accuracy so
 * far and the time left; the model's load before the first run, backoffs, dropped endpoints, write failures and the
 * first failed run of each reason (a wrong key or model name is said at once, not only counted) at once. Thread-safe
 * (sweep workers call it).
 */
final class SweepProgressPrinter implements SweepListener {

    private final PrintWriter err;
    private final long intervalNanos;
    private long lastPrinted = System.nanoTime();
    /** The failure reasons already said, so that a thousand runs failing one way print one line. */
    private final Set<String> reasonsSaid = new HashSet<>();

    SweepProgressPrinter(PrintWriter err, Duration interval) {
        this.err = err;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public synchronized void on(SweepEvent event) {
        switch (event) {
            case SweepEvent.Started s when s.progress().finished() > 0 ->
                    print("resuming: " + s.progress().finished() + " of " + s.progress().total()
                            + " runs already in the results file (" + s.progress().failed() + " failed, to retry)");
            case SweepEvent.RunFinished f -> {
                SweepRecord r = f.record();
                if (RunStatus.FAILED.wireName().equals(r.status())
                        && reasonsSaid.add(r.error() == null ? "" : r.error())) {
                    print("run " + r.key() + " failed: " + (r.error() == null ? "no reason given" : r.error())
                            + " (further runs failing so are counted, not listed)");
                }
                long now = System.nanoTime();
                if (now - lastPrinted >= intervalNanos) {
                    lastPrinted = now;
                    print(line(f.progress()));
                }
            }
            case SweepEvent.ModelLoading l -> print("loading model " + l.model() + " ...");
            case SweepEvent.ModelLoaded l when l.error() != null ->
                    print("could not load " + l.model() + ": " + Sentences.ended(l.error()));
            case SweepEvent.ModelLoaded l when l.loadMs() != null ->
                    print("loaded " + l.model() + " in " + wait(Duration.ofMillis(l.loadMs())));
            case SweepEvent.Backoff b -> print("run " + b.key() + ", try " + b.attempt() + " on " + b.endpoint() + ": "
                    + Sentences.ended(b.message()) + " Trying again in " + wait(b.delay()) + ".");
            case SweepEvent.EndpointDropped d -> print("dropped endpoint " + d.endpoint() + ": " + d.reason());
            case SweepEvent.WriteFailed w -> print("could not write the result of " + w.key() + ": " + w.message());
            default -> {
            }
        }
    }

    /** A wait in words: {@code 800 ms}, {@code 2 s}, {@code 1.5 s}. */
    private static String wait(Duration delay) {
        long ms = delay.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return (ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.1f", ms / 1000.0)) + " s";
    }

    private void print(String line) {
        err.println("sweep: " + line);
        err.flush();
    }

    static String line(SweepProgress p) {
        return String.format(Locale.ROOT, "%d/%d runs, %d failed, %s correct so far%s", p.finished(), p.total(),
                p.failed(), p.graded() == 0 ? "\u2013" : SweepTable.percent((double) p.correct() / p.graded()),
                p.etaMs() == null ? "" : ", about " + Math.round(p.etaMs() / 1000.0) + " s left");
    }
}
