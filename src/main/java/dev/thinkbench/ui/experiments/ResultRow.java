package dev.thinkbench.ui.experiments;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the results table: a problem (and sample), with one cell per strategy and budget in
 * {@link SweepResults#columns()} order. The row stays; its cells are observable, so a result that arrives updates the
 * one table cell that shows it, never the whole table. UI thread only.
 */
public final class ResultRow {

    private final String problemId;
    private final int sample;
    private final Integer difficulty;
    private final String expected;
    private final String prompt;
    private final List<ReadOnlyObjectWrapper<ResultCell>> cells = new ArrayList<>();

    /**
     * @param difficulty null when the problem has none
     * @param expected the expected answer, null when the problem has none
     * @param columns how many cells, all pending
     */
    ResultRow(String problemId, int sample, Integer difficulty, String expected, String prompt, int columns) {
        this.problemId = problemId;
        this.sample = sample;
        this.difficulty = difficulty;
        this.expected = expected;
        this.prompt = prompt;
        for (int i = 0; i < columns; i++) {
            cells.add(new ReadOnlyObjectWrapper<>(this, "cell" + i, ResultCell.PENDING));
        }
    }

    public String problemId() {
        return problemId;
    }

    /** 0-based. */
    public int sample() {
        return sample;
    }

    public Integer difficulty() {
        return difficulty;
    }

    public String expected() {
        return expected;
    }

    public String prompt() {
        return prompt;
    }

    /** The cell of column {@code column}, observable. */
    public ReadOnlyObjectProperty<ResultCell> cellProperty(int column) {
        return cells.get(column).getReadOnlyProperty();
    }

    /** The cells as they stand now, in column order. */
    public List<ResultCell> cells() {
        return cells.stream().map(ReadOnlyObjectWrapper::get).toList();
    }

    void set(int column, ResultCell cell) {
        cells.get(column).set(cell);
    }

    /** Sets every cell back to pending. */
    void clear() {
        cells.forEach(c -> c.set(ResultCell.PENDING));
    }

    /** Whether {@code other} stands for the same problem and sample, with the same numbers and as many cells. */
    boolean sameAs(ResultRow other) {
        return problemId.equals(other.problemId) && sample == other.sample
                && java.util.Objects.equals(difficulty, other.difficulty)
                && java.util.Objects.equals(expected, other.expected) && java.util.Objects.equals(prompt, other.prompt)
                && cells.size() == other.cells.size();
    }
}
