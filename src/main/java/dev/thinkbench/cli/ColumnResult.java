package dev.thinkbench.cli;

import dev.thinkbench.core.RunMetrics;
import dev.thinkbench.core.RunStatus;
import dev.thinkbench.core.Trace;
import dev.thinkbench.lab.LaneRun;

import java.util.List;

/**
 * One column of a comparison as printed: its run, and the status and error to show. A run that had not ended when
 * the user interrupted the command is shown as cancelled, with what it had produced so far, so the output always
 * has a terminal status per column.
 *
 * @param run the column's run (thinking, answer and metrics as far as it got)
 * @param status a terminal status
 * @param error why it did not finish, null when it did
 */
record ColumnResult(LaneRun run, RunStatus status, String error) {

    static final String INTERRUPTED = "cancelled: the command was interrupted (Ctrl-C) before this column finished";

    /** The columns as they stand; {@code interrupted} marks the unfinished ones cancelled. */
    static List<ColumnResult> of(List<LaneRun> runs, boolean interrupted) {
        return runs.stream().map(run -> of(run, interrupted)).toList();
    }

    private static ColumnResult of(LaneRun run, boolean interrupted) {
        Trace trace = run.trace();
        RunStatus status = trace.status();
        if (!status.terminal()) {
            return new ColumnResult(run, RunStatus.CANCELLED, INTERRUPTED);
        }
        if (status == RunStatus.CANCELLED && trace.error() == null) {
            return new ColumnResult(run, status, interrupted ? INTERRUPTED : "cancelled");
        }
        return new ColumnResult(run, status, trace.error());
    }

    Trace trace() {
        return run.trace();
    }

    RunMetrics metrics() {
        return run.metrics();
    }

    String label() {
        return run.lane().label();
    }

    String budget() {
        return run.lane().budget().spec();
    }
}
