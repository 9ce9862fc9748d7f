package dev.thinkbench.cli;

import dev.thinkbench.core.problemset.LoadIssue;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Says on stderr which lines of a file were skipped: the first few, each with its reason, then how many more and
 * their line numbers (those loaded with a warning apart from those skipped), so a file of another kind (a README
 * given as results) takes a few lines and the message that matters stays on screen.
 * A last line cut off mid-write is always said, wherever it falls. Called on the command's thread.
 */
final class SkippedLines {

    /** The most skipped lines said one by one. */
    static final int SHOWN = 5;

    /** The most line numbers the lines not said one by one are named by. */
    static final int NUMBERED = 10;

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
        List<LoadIssue> more = new ArrayList<>();
        int said = 0;
        int notCutOff = (int) issues.stream().filter(i -> i.reason() != LoadIssue.Reason.CUT_OFF).count();
        // one more than the few is said itself: its own line takes no more room than a count of it
        int shown = notCutOff == SHOWN + 1 ? SHOWN + 1 : SHOWN;
        for (LoadIssue issue : issues) {
            if (said < shown || issue.reason() == LoadIssue.Reason.CUT_OFF) {
                err.println("thinkbench: " + file + " " + words.apply(issue) + (issue.reason().skips() ? " (skipped)"
                        : ""));
                said++;
            } else {
                more.add(issue);
            }
        }
        List<LoadIssue> skipped = more.stream().filter(i -> i.reason().skips()).toList();
        List<LoadIssue> warned = more.stream().filter(i -> !i.reason().skips()).toList();
        if (!skipped.isEmpty()) {
            err.println("thinkbench: " + file + ": ... and " + skipped.size() + " more " + (skipped.size() == 1
                    ? "line that is" : "lines that are") + " not " + notWhat + " (skipped): " + lines(skipped));
        }
        if (!warned.isEmpty()) {
            err.println("thinkbench: " + file + ": ... and " + warned.size() + " more " + (warned.size() == 1
                    ? "line" : "lines") + " loaded without a field " + (warned.size() == 1 ? "it" : "they")
                    + " got wrong: " + lines(warned));
        }
        err.flush();
    }

    /** {@code line 9} or {@code lines 9, 12, 14} (the first {@link #NUMBERED}, then {@code ...}). */
    private static String lines(List<LoadIssue> issues) {
        return (issues.size() == 1 ? "line " : "lines ") + LoadIssue.lineNumbers(issues, NUMBERED, "...");
    }
}
