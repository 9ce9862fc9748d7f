package dev.thinkbench.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A command's output, printed exactly once whether its work ends or the user presses Ctrl-C (SIGINT; SIGTERM takes
 * the same path): while the work runs a shutdown hook stands by, and on Ctrl-C it stops the work, waits up to a grace
 * for it to end and prints what there is, as interrupted. The command's thread calls {@link #workEnded()} when the
 * work is over, which prints unless the hook already has. Whichever comes second prints nothing, and the JVM does
 * not halt mid-print (the hook waits for a print under way). An interrupted JVM exits with 128 + the signal: 130 for
 * Ctrl-C. One per command run; thread-safe: the command's thread and the shutdown hook call it.
 */
final class InterruptibleOutput {

    /** Prints a command's output. */
    @FunctionalInterface
    interface Printer {
        /**
         * @param interrupted whether Ctrl-C stopped the work: the output says so, and shows what there was
         */
        void print(boolean interrupted);
    }

    private final Runnable stop;
    private final Duration grace;
    private final Printer printer;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean interrupted;
    private boolean printed;

    private InterruptibleOutput(String name, Runnable stop, Duration grace, Printer printer) {
        this.stop = stop;
        this.grace = grace;
        this.printer = printer;
        this.hook = new Thread(this::onShutdown, name);
    }

    /**
     * Stands by for Ctrl-C from now until {@link #workEnded()}.
     *
     * @param name the shutdown hook thread's name
     * @param stop stops the work (cancels the runs, the step); called on the hook's thread, returns at once
     * @param grace how long the hook waits for the stopped work to end before it prints what there is
     */
    static InterruptibleOutput standBy(String name, Runnable stop, Duration grace, Printer printer) {
        InterruptibleOutput output = new InterruptibleOutput(name, stop, grace, printer);
        Runtime.getRuntime().addShutdownHook(output.hook);
        return output;
    }

    /** Whether Ctrl-C has stopped the work. */
    boolean interrupted() {
        return interrupted;
    }

    /**
     * The work is over (it ended, or stopped after Ctrl-C): prints, unless the hook has, and stands down.
     *
     * @return whether the work was interrupted
     */
    boolean workEnded() {
        ended.countDown();
        print();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // interrupted: the hook runs, and prints nothing more
        }
        return interrupted;
    }

    private void onShutdown() {
        interrupted = true;
        stop.run();
        try {
            ended.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // work that did not end in time is printed as it stands
        print();
    }

    private synchronized void print() {
        if (printed) {
            return;
        }
        printed = true;
        printer.print(interrupted);
    }
}
