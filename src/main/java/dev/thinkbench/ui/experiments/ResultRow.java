package dev.thinkbench.ui.experiments;

import java.util.List;

/**
 * One row of the results table: a problem (and sample), with one cell per strategy and budget in
 * {@link SweepResults#columns()} order. Immutable: a changed cell replaces the row.
 *
 * @param difficulty null when the problem has none
 * @param expected the expected answer, null when the problem has none
 */
public record ResultRow(String problemId, int sample, Integer difficulty, String expected, String prompt,
                        List<ResultCell> cells) {

    public ResultRow {
        cells = List.copyOf(cells);
    }

    ResultRow with(int column, ResultCell cell) {
        java.util.ArrayList<ResultCell> next = new java.util.ArrayList<>(cells);
        next.set(column, cell);
        return new ResultRow(problemId, sample, difficulty, expected, prompt, next);
    }
}
