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

    SessionFileException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
