package dev.thinkbench.ui.experiments;

import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.FontScale;
import dev.thinkbench.ui.common.Formats;
import dev.thinkbench.ui.common.Messages;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The results' problem columns (problem, sample, difficulty, expected answer), held beside the run columns so they stay
 * in view however far the runs scroll sideways; the same rows as the {@link ResultsTable}, scrolled with it by
 * {@link ResultsGrid}. As wide as its columns. UI thread only.
 */
final class ProblemTable extends TableView<ResultRow> {

    private static final double PROBLEM_WIDTH = 110;
    private static final double MAX_PROBLEM_WIDTH = 280;

    private final SweepResults results;
    /** The zoom the column widths follow; null until the grid hosts one. */
    private FontScale scale;

    ProblemTable(SweepResults results) {
        super(results.rows());
        this.results = results;
        setId("problemTable");
        getStyleClass().addAll("results-table", "problem-table", Styles.DENSE);
        setFocusTraversable(false);
        setPlaceholder(new javafx.scene.layout.Region());
        // on every new list, also an equal one: whether there is a sample column depends on the rows
        results.columnsProperty().addListener(o -> rebuild(results.columns()));
        // another problem set under the same columns: the problem column fits its ids
        results.rows().addListener((javafx.collections.ListChangeListener<ResultRow>) c -> {
            if (!leafColumns().isEmpty()) {
                FontScale.size(leafColumns().getFirst(), problemWidth(), scale);
            }
        });
        rebuild(results.columns());
    }

    private void rebuild(List<ColumnKey> runColumns) {
        List<TableColumn<ResultRow, String>> cols = new ArrayList<>();
        TableColumn<ResultRow, String> problem = text(Messages.get("sweep.table.problem"), ResultRow::problemId,
                problemWidth());
        problem.setCellFactory(c -> new HoverTooltipCell<>(ResultRow::prompt));
        cols.add(problem);
        if (results.rows().stream().anyMatch(r -> r.sample() > 0)) {
            cols.add(text("#", r -> Integer.toString(r.sample() + 1), 30));
        }
        cols.add(text(Messages.get("sweep.table.difficulty"), r -> r.difficulty() == null ? Formats.DASH
                : r.difficulty().toString(), 50));
        cols.add(text(Messages.get("sweep.table.expected"), r -> r.expected() == null ? Messages.get("sweep.table.none")
                : r.expected(), 84));
        if (runColumns.isEmpty()) {
            getColumns().setAll(cols);
        } else {
            // the run columns' header has two rows (strategy over budget): an untitled group makes this one match
            TableColumn<ResultRow, String> group = new TableColumn<>("");
            group.getColumns().setAll(cols);
            group.setReorderable(false);
            getColumns().setAll(List.of(group));
        }
        fitWidth();
        cols.forEach(c -> c.widthProperty().addListener(o -> fitWidth()));
    }

    /** The problem columns, in order (under the untitled group when there is one). */
    List<TableColumn<ResultRow, ?>> leafColumns() {
        return getVisibleLeafColumns();
    }

    private void fitWidth() {
        double width = 0;
        for (TableColumn<ResultRow, ?> c : getColumns()) {
            width += c.getColumns().isEmpty() ? c.getWidth()
                    : c.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        }
        // the borders; the vertical scroll bar is the run table's alone
        setPrefWidth(width + 2);
        setMinWidth(width + 2);
        setMaxWidth(width + 2);
    }

    /**
     * The problem column's width at the base size: the longest id whole (the seeds' ids run to 25 characters), 110 px
     * at least and 280 at most (the prompt's tooltip names the problem too).
     */
    private double problemWidth() {
        String longest = results.rows().stream().map(ResultRow::problemId)
                .max(java.util.Comparator.comparingInt(String::length)).orElse("");
        if (longest.isEmpty() || scale == null) {
            return PROBLEM_WIDTH;
        }
        // the cell's padding and a little to spare
        return Math.min(MAX_PROBLEM_WIDTH, Math.max(PROBLEM_WIDTH, Math.ceil(scale.baseWidth(longest)) + 20));
    }

    /** Widens the columns with the font from now on (presenter mode's zoom). */
    void follow(FontScale fontScale) {
        scale = fontScale;
        rebuild(results.columns());
        fontScale.follow(this);
    }

    private TableColumn<ResultRow, String> text(String title, Function<ResultRow, String> value, double width) {
        TableColumn<ResultRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        FontScale.size(c, width, scale);
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }
}
