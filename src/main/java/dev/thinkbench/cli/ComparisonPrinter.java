package dev.thinkbench.cli;

import dev.thinkbench.core.Price;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.lab.LaneRun;
import dev.thinkbench.lab.RunGroup;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints a comparison (live, or a replayed recording) exactly once, whether it ends normally or the user presses
 * Ctrl-C ({@link InterruptibleOutput}): the runs still going are cancelled and get up to {@link #GRACE} to end, and
 * every column is printed, the finished ones as they finished and the rest as cancelled with what they had produced;
 * then the after-print step (saving the session) runs, on either path. Also tells stderr as each column ends, so a
 * long run shows progress. Thread-safe: the command's thread, the engine threads and the shutdown hook call it.
 */
final class ComparisonPrinter {

    /** How long an interrupted comparison waits for its runs to take their cancellation. */
    static final Duration GRACE = Duration.ofSeconds(3);

    private final RunGroup comparison;
    private final String format;
    private final String prompt;
    private final String engine;
    private final String model;
    private final Extras extras;
    private final PrintWriter out;
    private final PrintWriter err;
    private final AtomicInteger ended = new AtomicInteger();
    /** The columns as printed, null until they are. */
    private volatile List<ColumnResult> printedResults;
    private Runnable afterPrint = () -> { };

    /**
     * What the output adds when asked: the grading of each answer and the price free runs are estimated at.
     *
     * @param expected the prompt's known answer, null when not given (no grading in the output)
     * @param pricedAs the estimate's price ({@link Price#asEstimate()}), null when not asked for
     */
    record Extras(String expected, Price pricedAs) {
        static final Extras NONE = new Extras(null, null);
    }

    ComparisonPrinter(RunGroup comparison, String format, String prompt, String engine, String model,
                      PrintWriter out, PrintWriter err) {
        this(comparison, format, prompt, engine, model, Extras.NONE, out, err);
    }

    ComparisonPrinter(RunGroup comparison, String format, String prompt, String engine, String model,
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

    /** Runs {@code step} once the comparison is printed, also when it was interrupted. */
    ComparisonPrinter afterPrint(Runnable step) {
        afterPrint = step;
        return this;
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
        InterruptibleOutput output = InterruptibleOutput.standBy("thinkbench-compare-interrupted",
                comparison::cancelAll, GRACE, this::print);
        CompletableFuture.allOf(reported).join();
        output.workEnded();
        List<ColumnResult> results = printedResults;
        return results != null && results.stream().allMatch(r -> r.status() == RunStatus.OK) ? 0 : 1;
    }

    private void progress(LaneRun run, int of) {
        int n = ended.incrementAndGet();
        synchronized (this) {
            if (printedResults == null) {
                err.printf("thinkbench: column '%s' %s (%d of %d done)%n", run.lane().label(),
                        run.status().wireName(), n, of);
                err.flush();
            }
        }
    }

    /** Prints the columns, marking the unfinished ones cancelled when interrupted, then the after-print step. */
    private synchronized void print(boolean interrupted) {
        List<ColumnResult> results = ColumnResult.of(comparison.runs(), interrupted);
        printedResults = results;
        if (format.equals("json")) {
            out.println(ComparisonJson.write(prompt, engine, model, results, extras));
        } else {
            out.print(ComparisonTable.render(results, extras));
        }
        out.flush();
        if (interrupted) {
            long finished = results.stream().filter(r -> r.status() != RunStatus.CANCELLED).count();
            err.printf("thinkbench: interrupted: %d of %d columns had finished; the rest are marked cancelled%n",
                    finished, results.size());
            err.flush();
        }
        afterPrint.run();
    }
}
