package dev.thinkbench.cli;

import dev.thinkbench.core.Price;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.lab.Comparison;
import dev.thinkbench.lab.LaneRun;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints a comparison exactly once, whether it ends normally or the user presses Ctrl-C: a shutdown hook cancels
 * the runs still going, waits up to {@link #GRACE} for them to end, and prints every column, the finished ones as
 * they finished and the rest as cancelled with what they had produced. Also tells stderr as each column ends, so a
 * long run shows progress. Thread-safe: the command's thread, the engine threads and the shutdown hook call it.
 */
final class ComparisonPrinter {

    /** How long an interrupted comparison waits for its runs to take their cancellation. */
    static final Duration GRACE = Duration.ofSeconds(3);

    private final Comparison comparison;
    private final String format;
    private final String prompt;
    private final String engine;
    private final String model;
    private final Extras extras;
    private final PrintWriter out;
    private final PrintWriter err;
    private final AtomicInteger ended = new AtomicInteger();
    private volatile boolean interrupted;
    private boolean printed;

    /**
     * What the output adds when asked: the grading of each answer and the price free runs are estimated at.
     *
     * @param expected the prompt's known answer, null when not given (no grading in the output)
     * @param pricedAs the estimate's price ({@link Price#asEstimate()}), null when not asked for
     */
    record Extras(String expected, Price pricedAs) {
        static final Extras NONE = new Extras(null, null);
    }

    ComparisonPrinter(Comparison comparison, String format, String prompt, String engine, String model,
                      PrintWriter out, PrintWriter err) {
        this(comparison, format, prompt, engine, model, Extras.NONE, out, err);
    }

    ComparisonPrinter(Comparison comparison, String format, String prompt, String engine, String model,
                      Extras extras, PrintWriter out, PrintWriter err) {
        this.comparison = comparison;
        this.extras = extras;
        this.format = format;
        this.prompt = prompt;
        this.engine = engine;
        this.model = model;
        this.out = out;
        this.err = err;
    }

    /**
     * Waits for the comparison and prints it; if the JVM is shut down meanwhile (Ctrl-C, SIGTERM), the shutdown hook
     * prints it instead.
     *
     * @return 0 when every column is ok, 1 otherwise
     */
    int awaitAndPrint() {
        List<LaneRun> runs = comparison.runs();
        // every column's progress line is out before the output
        CompletableFuture<?>[] reported = runs.stream()
                .map(run -> run.done().thenAccept(r -> progress(r, runs.size()))).toArray(CompletableFuture[]::new);
        Thread hook = new Thread(this::interrupted, "thinkbench-compare-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        CompletableFuture.allOf(reported).join();
        List<ColumnResult> results = print();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook prints (or has printed) what there is
        }
        return results != null && results.stream().allMatch(r -> r.status() == RunStatus.OK) ? 0 : 1;
    }

    private void progress(LaneRun run, int of) {
        int n = ended.incrementAndGet();
        synchronized (this) {
            if (!printed) {
                err.printf("thinkbench: column '%s' %s (%d of %d done)%n", run.lane().label(),
                        run.status().wireName(), n, of);
                err.flush();
            }
        }
    }

    /** The shutdown hook: cancel what still runs, let it end, print (unless the command's thread already did). */
    private void interrupted() {
        interrupted = true;
        comparison.cancelAll();
        try {
            comparison.done().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a run that does not take its cancellation in time is printed as cancelled all the same
        }
        print();
    }

    /**
     * Prints the columns unless already printed, marking the unfinished ones cancelled once interrupted; returns
     * them, or null when already printed.
     */
    private synchronized List<ColumnResult> print() {
        if (printed) {
            return null;
        }
        printed = true;
        boolean wasInterrupted = interrupted;
        List<ColumnResult> results = ColumnResult.of(comparison.runs(), wasInterrupted);
        if (format.equals("json")) {
            out.println(ComparisonJson.write(prompt, engine, model, results, extras));
        } else {
            out.print(ComparisonTable.render(results, extras));
        }
        out.flush();
        if (wasInterrupted) {
            long finished = results.stream().filter(r -> r.status() != RunStatus.CANCELLED).count();
            err.printf("thinkbench: interrupted: %d of %d columns had finished; the rest are marked cancelled%n",
                    finished, results.size());
            err.flush();
        }
        return results;
    }
}
