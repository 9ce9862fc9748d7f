package dev.thinkbench.lab.sweep;

import dev.thinkbench.core.problemset.LoadIssue;

import java.util.List;

/**
 * How a sweep ended.
 *
 * @param records the latest result of every run of the plan that has one, in plan order (resumed ones included)
 * @param resumed runs skipped because the results file already held them as ok
 * @param wallMs wall time of this session
 * @param cancelled whether it was cancelled before every run finished
 * @param fileIssues lines of the results file that could not be read (reported, skipped)
 * @param droppedEndpoints endpoints dropped for failing
 * @param writeError why results could not be written to the file, null when all were
 */
public record SweepOutcome(List<SweepRecord> records, int resumed, long wallMs, boolean cancelled,
                           List<LoadIssue> fileIssues, List<String> droppedEndpoints, String writeError) {

    public SweepOutcome {
        records = List.copyOf(records);
        fileIssues = List.copyOf(fileIssues);
        droppedEndpoints = List.copyOf(droppedEndpoints);
    }

    /** Runs with a result. */
    public int runs() {
        return records.size();
    }

    /** Runs that failed (or were cancelled). */
    public int failed() {
        return (int) records.stream().filter(SweepRecord::failed).count();
    }
}
