package dev.thinkbench.ui.experiments;

import atlantafx.base.theme.Styles;
import dev.thinkbench.lab.sweep.RunKey;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.ui.common.Formats;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The results table: a row per problem (and sample), a column group per strategy with a column per budget; each cell
 * shows whether the run was correct, wrong, ungraded or failed, with its tokens, time and cost, and says more in its
 * tooltip (the answer, the expected answer, why it failed, a grade set by hand). Clicking a cell opens its trace; its
 * context menu sets the grade by hand. A result that streams in updates only the table cell that shows it (the row's
 * cells are observable). UI thread only.
 */
final class ResultsTable extends TableView<ResultRow> {

    private static final List<PseudoClass> STATES = java.util.Arrays.stream(CellState.values())
            .map(s -> PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT))).toList();
    private static final PseudoClass OVERRIDDEN = PseudoClass.getPseudoClass("overridden");

    private final SweepResults results;
    private final Consumer<RunKey> open;
    private final BiConsumer<RunKey, Boolean> grade;

    /**
     * @param open opens a run's trace
     * @param grade sets a run's grade by hand (true, false, or null for the grader's verdict)
     */
    ResultsTable(SweepResults results, Consumer<RunKey> open, BiConsumer<RunKey, Boolean> grade) {
        super(results.rows());
        this.results = results;
        this.open = open;
        this.grade = grade;
        setId("resultsTable");
        getStyleClass().addAll("results-table", Styles.DENSE);
        getSelectionModel().setCellSelectionEnabled(true);
        getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        setPlaceholder(MeasuresTable.wrapping("Start a sweep: a row per problem, a column per strategy and budget. "
                + "Click a cell for its trace; right-click to grade it by hand.", 320));
        // on every new list, also an equal one: whether there is a sample column depends on the rows
        results.columnsProperty().addListener(o -> rebuild(results.columns()));
        rebuild(results.columns());
    }

    private void rebuild(List<ColumnKey> keys) {
        List<TableColumn<ResultRow, ?>> cols = new ArrayList<>();
        TableColumn<ResultRow, String> problem = text("Problem", r -> r.problemId(), 110);
        problem.setCellFactory(c -> new HoverTooltipCell<>(ResultRow::prompt));
        cols.add(problem);
        if (results.rows().stream().anyMatch(r -> r.sample() > 0)) {
            cols.add(text("#", r -> Integer.toString(r.sample() + 1), 30));
        }
        cols.add(text("Diff.", r -> r.difficulty() == null ? Formats.DASH : r.difficulty().toString(), 50));
        cols.add(text("Expected", r -> r.expected() == null ? "(none)" : r.expected(), 84));
        Map<String, TableColumn<ResultRow, ResultCell>> groups = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            ColumnKey key = keys.get(i);
            TableColumn<ResultRow, ResultCell> group = groups.computeIfAbsent(key.strategy(), s -> {
                TableColumn<ResultRow, ResultCell> g = new TableColumn<>(s);
                g.getStyleClass().add("strategy-column");
                return g;
            });
            int index = i;
            TableColumn<ResultRow, ResultCell> c = new TableColumn<>(key.label());
            c.setUserData(key);
            c.setPrefWidth(96);
            c.setSortable(false);
            c.setReorderable(false);
            c.setCellValueFactory(d -> d.getValue().cellProperty(index));
            c.setCellFactory(col -> new RunCell(key));
            group.getColumns().add(c);
        }
        cols.addAll(groups.values());
        getColumns().setAll(cols);
    }

    private static TableColumn<ResultRow, String> text(String title, Function<ResultRow, String> value, double width) {
        TableColumn<ResultRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }

    /**
     * A run in a few characters: {@code ✓ 24t 0.8s} (correct), {@code ✗ 24t 0.8s} (wrong), {@code ? 24t 0.8s}
     * (ungraded), with {@code $0.0012} when it cost something, {@code *} when graded by hand; {@code failed},
     * {@code running…}. The answer, the expected answer and the reason a run failed are in the tooltip.
     */
    static String cellText(ResultCell cell) {
        if (cell == null) {
            return "";
        }
        SweepRecord r = cell.record();
        return switch (cell.state()) {
            case PENDING -> "";
            case RUNNING -> "running\u2026";
            case FAILED -> "failed";
            case CORRECT -> "\u2713 " + numbers(r);
            case WRONG -> "\u2717 " + numbers(r);
            case UNGRADED -> "? " + numbers(r);
        } + (r != null && r.gradeOverridden() ? " *" : "");
    }

    private static String numbers(SweepRecord r) {
        String s = (r.thinkingTokens() == null ? Formats.DASH : r.thinkingTokens().toString()) + "t "
                + (r.totalMs() == null ? Formats.DASH : String.format(Locale.ROOT, "%.1fs", r.totalMs() / 1000.0));
        return r.costUsd() != null && r.costUsd() > 0 ? s + String.format(Locale.ROOT, " $%.4f", r.costUsd()) : s;
    }

    /** The tooltip of a finished run. */
    static String describe(ResultCell cell) {
        SweepRecord r = cell.record();
        if (r == null) {
            return cell.state() == CellState.RUNNING ? "Running now: click to watch its trace" : "Not run yet";
        }
        StringBuilder b = new StringBuilder(r.problemId() + " \u00b7 " + r.strategy() + " at " + r.label() + " ("
                + r.budget() + ") \u00b7 sample " + (r.sample() + 1) + "\n");
        if (!r.ok()) {
            b.append(r.status()).append(": ").append(r.error() == null ? "no reason given" : r.error());
        } else {
            b.append("answer ").append(r.answer() == null ? "(none found: counted wrong)" : r.answer())
                    .append(" \u00b7 expected ").append(r.expected() == null ? "(none: not graded)" : r.expected())
                    .append(r.correct() == null ? "" : r.correct() ? " \u00b7 correct" : " \u00b7 wrong");
        }
        b.append("\nthinking ").append(r.thinkingTokens() == null ? Formats.DASH : r.thinkingTokens())
                .append(" tokens, answer ").append(r.answerTokens() == null ? Formats.DASH : r.answerTokens())
                .append(" tokens \u00b7 ").append(Formats.millis(r.totalMs())).append(" \u00b7 cost ")
                .append(r.costUsd() == null ? "unknown" : String.format(Locale.ROOT, "$%.6f", r.costUsd()));
        if (r.gradeOverridden()) {
            b.append("\n* grade set by hand");
        }
        b.append("\nClick to open its trace; right-click to set the grade by hand.");
        return b.toString();
    }

    /** A run's cell: its state as a pseudo-class, its numbers as text, its trace on click, grading in its menu. */
    private final class RunCell extends TableCell<ResultRow, ResultCell> {
        private final ColumnKey column;
        /** Made when the pointer first comes by: a table of hundreds of cells makes none up front. */
        private Tooltip tip;
        private ContextMenu shown;

        RunCell(ColumnKey column) {
            this.column = column;
            getStyleClass().add("run-cell");
            // a layout root: its row places it all the same (by column, whatever it holds), and a result that changes
            // its text lays out this cell alone, not its row and the table's flow, which would apply CSS again to
            // every cell of the row
            setManaged(false);
            setOnMouseEntered(e -> {
                if (tip == null) {
                    tip = new Tooltip();
                    tip.setOnShowing(s -> tip.setText(getItem() == null ? "" : describe(getItem())));
                    setTooltip(isEmpty() || getItem() == null ? null : tip);
                }
            });
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && getItem() != null
                        && getItem().state() != CellState.PENDING) {
                    key().ifPresent(open);
                } else if (e.getButton() == MouseButton.SECONDARY) {
                    // some platforms send no context-menu event for a right click (a headless one)
                    showMenu(e.getScreenX(), e.getScreenY());
                }
            });
            setOnContextMenuRequested(e -> {
                showMenu(e.getScreenX(), e.getScreenY());
                e.consume();
            });
        }

        private void showMenu(double x, double y) {
            if (shown != null && shown.isShowing()) {
                return;
            }
            shown = menu();
            if (shown != null) {
                shown.show(this, x, y);
            }
        }

        private java.util.Optional<RunKey> key() {
            ResultRow row = getTableRow() == null ? null : getTableRow().getItem();
            return row == null ? java.util.Optional.empty() : results.keyAt(row, column);
        }

        private ContextMenu menu() {
            ResultCell item = getItem();
            RunKey key = key().orElse(null);
            if (item == null || key == null || item.record() == null) {
                return null;
            }
            MenuItem openTrace = new MenuItem("Open trace");
            openTrace.setOnAction(e -> open.accept(key));
            if (!item.record().ok()) {
                return new ContextMenu(openTrace);
            }
            MenuItem right = new MenuItem("Mark correct");
            right.setOnAction(e -> grade.accept(key, true));
            MenuItem wrong = new MenuItem("Mark wrong");
            wrong.setOnAction(e -> grade.accept(key, false));
            MenuItem auto = new MenuItem("Use the grader's verdict");
            auto.setOnAction(e -> grade.accept(key, null));
            auto.setDisable(!item.record().gradeOverridden());
            return new ContextMenu(openTrace, new SeparatorMenuItem(), right, wrong, auto);
        }

        @Override
        protected void updateItem(ResultCell item, boolean empty) {
            super.updateItem(item, empty);
            CellState state = empty || item == null ? null : item.state();
            for (int i = 0; i < STATES.size(); i++) {
                pseudoClassStateChanged(STATES.get(i), state != null && state.ordinal() == i);
            }
            pseudoClassStateChanged(OVERRIDDEN, !empty && item != null && item.record() != null
                    && item.record().gradeOverridden());
            setText(empty ? null : cellText(item));
            setTooltip(empty || item == null || tip == null ? null : tip);
        }
    }
}
