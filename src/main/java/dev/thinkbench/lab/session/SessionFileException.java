package dev.thinkbench.lab.session;

import java.io.IOException;

/**
 * A session file that cannot be opened, with a message fit to show the user as it is (it names the file, says what
 * is wrong and that the file was left as it is). Reading never changes the file.
 */
public final class SessionFileException extends IOException {

    /** What is wrong with the file. */
    public enum Problem {
        /** It cannot be read at all (missing, a folder, no permission, too large). */
        UNREADABLE,
        /** It ends in the middle (a copy or a save cut short). */
        TRUNCATED,
        /** It is not JSON. */
        CORRUPT,
        /** It is JSON but not a Thinkbench session. */
        NOT_A_SESSION,
        /** It is a problem set (JSONL or CSV), which the Experiments tab opens, not a session. */
        PROBLEM_SET,
        /** It is from a newer Thinkbench, whose format this version does not know. */
        NEWER,
        /** It is a session whose content does not hold together (a field missing, a budget that does not parse). */
        DAMAGED
    }

    private final Problem problem;
    private final String detail;

    /**
     * @param message the whole story, in English
     * @param detail the particulars the kind of problem does not say (where the file is cut, the field that does not
     *               hold together), for a window that words the kind in its own language; empty when there are none
     */
    SessionFileException(Problem problem, String message, String detail, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.detail = detail == null ? "" : detail;
    }

    public Problem problem() {
        return problem;
    }

    /** What the problem's kind does not say ("it ends at line 92"), in the reader's words; empty when nothing. */
    public String detail() {
        return detail;
    }
}
