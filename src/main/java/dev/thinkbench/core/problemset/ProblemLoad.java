package dev.thinkbench.core.problemset;

import java.util.List;

/**
 * What reading a problem file gave: the problems that loaded, in file order, and the entries that were skipped.
 *
 * @param name the file's name, for messages
 */
public record ProblemLoad(String name, List<BenchProblem> problems, List<LoadIssue> issues) {

    public ProblemLoad {
        problems = List.copyOf(problems);
        issues = List.copyOf(issues);
    }

    /** The first {@code n} problems (all when {@code n} is larger). */
    public ProblemLoad limit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, was " + n);
        }
        return n >= problems.size() ? this : new ProblemLoad(name, problems.subList(0, n), issues);
    }
}
