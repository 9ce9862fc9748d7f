package dev.thinkbench.cli;

import dev.thinkbench.core.problemset.LoadIssue;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/**
 * Says on stderr which lines of a file were skipped: the first few, each with its reason, then how many more, so a
 * file of another kind (a README given as results) takes a few lines and the message that matters stays on screen.
 * A last line cut off mid-write is always said, wherever it falls. Called on the command's thread.
 */
final class SkippedLines {

    /** The most skipped lines said one by one. */
    static final int SHOWN = 5;

    private SkippedLines() {
    }

    /** As {@link #report(PrintWriter, String, List, String, Function)}, each issue in its own English words. */
    static void report(PrintWriter err, String file, List<LoadIssue> issues, String notWhat) {
        report(err, file, issues, notWhat, LoadIssue::toString);
    }

    /**
     * @param file the file's name, as the messages name it
     * @param notWhat what the lines were expected to be, plural: "results", "problems"
     * @param words how an issue is said after the file's name ({@code line 3: not valid JSON})
     */
    static void report(PrintWriter err, String file, List<LoadIssue> issues, String notWhat,
                       Function<LoadIssue, String> words) {
        int said = 0;
        int more = 0;
        for (LoadIssue issue : issues) {
            if (said < SHOWN || issue.reason() == LoadIssue.Reason.CUT_OFF) {
                err.println("thinkbench: " + file + " " + words.apply(issue) + (issue.reason().skips() ? " (skipped)" : ""));
                said++;
            } else {
                more++;
            }
        }
        if (more > 0) {
            err.println("thinkbench: " + file + ": ... and " + more + " more " + (more == 1 ? "line that is" : "lines "
                    + "that are") + " not " + notWhat + " (skipped)");
        }
        err.flush();
    }
}
