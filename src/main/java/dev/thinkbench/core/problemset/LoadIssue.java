package dev.thinkbench.core.problemset;

/**
 * A line of a problem file that was skipped, and why.
 *
 * @param line 1-based line number where the entry starts (0 for the file as a whole)
 * @param message what is wrong, fit to show the user
 */
public record LoadIssue(int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
