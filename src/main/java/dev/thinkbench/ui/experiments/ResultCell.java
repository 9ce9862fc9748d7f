package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.SweepRecord;

/**
 * One cell of the results table: a run's state and, once it has one, its result line.
 *
 * @param record null until the run has finished
 */
public record ResultCell(CellState state, SweepRecord record) {

    static final ResultCell PENDING = new ResultCell(CellState.PENDING, null);
    static final ResultCell RUNNING = new ResultCell(CellState.RUNNING, null);

    /** The cell of a finished run. */
    static ResultCell of(SweepRecord r) {
        CellState state = !r.ok() ? CellState.FAILED : r.correct() == null ? CellState.UNGRADED
                : r.correct() ? CellState.CORRECT : CellState.WRONG;
        return new ResultCell(state, r);
    }
}
