package dev.thinkbench.ui.experiments;

import dev.thinkbench.ui.common.Icons;
import atlantafx.base.theme.Styles;
import dev.thinkbench.lab.sweep.RunKey;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.ui.common.FontScale;
import dev.thinkbench.ui.common.Formats;
import dev.thinkbench.ui.common.Messages;
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
import javafx.scene.control.TablePosition;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The results' run columns: a row per problem (and sample), a column group per strategy with a column per budget (the
 * problem's own columns are the {@link ProblemTable} beside it, which stays when these scroll sideways); each cell
 * shows whether the run was correct, wrong, ungraded or failed, with its tokens, time and cost, and says more in its
 * tooltip (the answer, the expected answer, why it failed, a grade set by hand). Clicking a cell (or Enter or Space on
 * the focused one) opens its trace; its context menu (a right click, Shift+F10 or the Menu key) sets the grade by hand. A result that streams in updates only the table cell that shows it (the row's
 * cells are observable). UI thread only.
 */
final class ResultsTable extends TableView<ResultRow> {

    private static final List<PseudoClass> STATES = java.util.Arrays.stream(CellState.values())
            .map(s -> PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT))).toList();
    private static final PseudoClass OVERRIDDEN = PseudoClass.getPseudoClass("overridden");

    private final SweepResults results;
    private final Consumer<RunKey> open;
    private final BiConsumer<RunKey, Boolean> grade;
    /** The zoom the column widths follow; null until the grid hosts one. */
    private FontScale scale;

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
        setPlaceholder(MeasuresTable.wrapping(Messages.get("sweep.table.placeholder"), 320));
        results.columnsProperty().addListener(o -> rebuild(results.columns()));
        rebuild(results.columns());
        // the keyboard does what the mouse does: Enter or Space opens the focused cell's trace, Shift+F10 or the
        // Menu key its grading menu (arrows moved the selection, and no key showed a trace or changed a grade)
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            boolean menuKey = e.getCode() == KeyCode.CONTEXT_MENU || e.getCode() == KeyCode.F10 && e.isShiftDown();
            boolean openKey = !e.isShiftDown() && (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE);
            if (menuKey) {
                showFocusedMenu();
                e.consume();
            } else if (openKey) {
                focusedRun().ifPresent(open);
                e.consume();
            }
        });
        // a platform that turns Shift+F10 or the Menu key into a context-menu request sends it to the table itself
        setOnContextMenuRequested(e -> {
            if (e.isKeyboardTrigger()) {
                showFocusedMenu();
                e.consume();
            }
        });
    }

    /** The focused cell's column (the first run column when the focus is on a row only), or null. */
    private TableColumn<ResultRow, ?> focusedColumn() {
        TablePosition<ResultRow, ?> at = getFocusModel().getFocusedCell();
        if (at == null || at.getRow() < 0 || at.getRow() >= getItems().size()) {
            return null;
        }
        TableColumn<ResultRow, ?> column = at.getTableColumn();
        if (column == null || !(column.getUserData() instanceof ColumnKey)) {
            column = getVisibleLeafColumns().isEmpty() ? null : getVisibleLeafColumns().getFirst();
        }
        return column != null && column.getUserData() instanceof ColumnKey ? column : null;
    }

    /** The run in the focused cell, when it has one (not pending). */
    private java.util.Optional<RunKey> focusedRun() {
        TableColumn<ResultRow, ?> column = focusedColumn();
        if (column == null) {
            return java.util.Optional.empty();
        }
        int row = getFocusModel().getFocusedIndex();
        if (!(column.getCellData(row) instanceof ResultCell cell) || cell.state() == CellState.PENDING) {
            return java.util.Optional.empty();
        }
        return results.keyAt(getItems().get(row), (ColumnKey) column.getUserData());
    }

    /** Shows the focused cell's menu under that cell (or in the table's middle when the cell is not drawn). */
    private void showFocusedMenu() {
        TableColumn<ResultRow, ?> column = focusedColumn();
        if (column == null) {
            return;
        }
        int row = getFocusModel().getFocusedIndex();
        ContextMenu menu = column.getCellData(row) instanceof ResultCell cell
                ? menu(cell, results.keyAt(getItems().get(row), (ColumnKey) column.getUserData()).orElse(null))
                : null;
        if (menu == null) {
            return;
        }
        scrollTo(row);
        scrollToColumn(column);
        layout();
        javafx.scene.Node anchor = lookupAll(".run-cell").stream()
                .filter(n -> n instanceof RunCell c && c.getIndex() == row && c.getTableColumn() == column)
                .findFirst().orElse(this);
        javafx.geometry.Bounds b = anchor.localToScreen(anchor.getLayoutBounds());
        if (b == null) {
            return;
        }
        double y = anchor == this ? b.getCenterY() : b.getMaxY();
        menu.show(anchor, anchor == this ? b.getCenterX() : b.getMinX(), y);
    }

    /**
     * The menu of a run's cell: open its trace, and for a finished run the grade by hand; null for a cell that has
     * no run yet.
     */
    private ContextMenu menu(ResultCell item, RunKey key) {
        if (item == null || key == null || item.record() == null) {
            return null;
        }
        MenuItem openTrace = new MenuItem(Messages.get("sweep.menu.openTrace"));
        openTrace.setOnAction(e -> open.accept(key));
        if (!item.record().ok()) {
            return new ContextMenu(openTrace);
        }
        MenuItem right = new MenuItem(Messages.get("sweep.menu.markCorrect"));
        right.setOnAction(e -> grade.accept(key, true));
        MenuItem wrong = new MenuItem(Messages.get("sweep.menu.markWrong"));
        wrong.setOnAction(e -> grade.accept(key, false));
        MenuItem auto = new MenuItem(Messages.get("sweep.menu.useGrader"));
        auto.setOnAction(e -> grade.accept(key, null));
        auto.setDisable(!item.record().gradeOverridden());
        // the grade it has already is not offered again
        right.setDisable(Boolean.TRUE.equals(item.record().correct()));
        wrong.setDisable(Boolean.FALSE.equals(item.record().correct()));
        return new ContextMenu(openTrace, new SeparatorMenuItem(), right, wrong, auto);
    }

    /** Widens the columns with the font from now on (presenter mode's zoom). */
    void follow(FontScale fontScale) {
        scale = fontScale;
        fontScale.follow(this);
    }

    private void rebuild(List<ColumnKey> keys) {
        List<TableColumn<ResultRow, ?>> cols = new ArrayList<>();
        Map<String, TableColumn<ResultRow, ResultCell>> groups = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            ColumnKey key = keys.get(i);
            TableColumn<ResultRow, ResultCell> group = groups.computeIfAbsent(key.strategy(), s -> {
                TableColumn<ResultRow, ResultCell> g = new TableColumn<>(StrategyNames.shown(s));
                g.getStyleClass().add("strategy-column");
                return g;
            });
            int index = i;
            TableColumn<ResultRow, ResultCell> c = new TableColumn<>();
            // the budget's label, and how to read a cell ("24t") when the pointer rests on it
            Label title = new Label(key.label());
            title.setTooltip(Icons.tip(Messages.get("sweep.column.help")));
            c.setGraphic(title);
            c.setUserData(key);
            FontScale.size(c, 96, scale);
            c.setSortable(false);
            c.setReorderable(false);
            c.setCellValueFactory(d -> d.getValue().cellProperty(index));
            c.setCellFactory(col -> new RunCell(key));
            group.getColumns().add(c);
        }
        cols.addAll(groups.values());
        getColumns().setAll(cols);
    }

    /**
     * A run in a few characters: {@code ✓ 24t 0.8s} (correct), {@code ✗ 24t 0.8s} (wrong), {@code ? 24t 0.8s}
     * (ungraded), with {@code $0.0012} when it cost something, {@code *} when graded by hand; {@code failed},
     * {@code running…} (in the language shown). The answer, the expected answer and the reason a run failed are in
     * the tooltip.
     */
    static String cellText(ResultCell cell) {
        if (cell == null) {
            return "";
        }
        SweepRecord r = cell.record();
        return switch (cell.state()) {
            case PENDING -> "";
            case RUNNING -> Messages.get("sweep.cell.running");
            case FAILED -> Messages.get("sweep.cell.failed");
            case CORRECT -> "\u2713 " + numbers(r);
            case WRONG -> "\u2717 " + numbers(r);
            case UNGRADED -> "? " + numbers(r);
        } + (r != null && r.gradeOverridden() ? " *" : "");
    }

    private static String numbers(SweepRecord r) {
        String s = RunWords.tokens(r.thinkingTokens()) + "t "
                + (r.totalMs() == null ? Formats.DASH : r.totalMs() < 1000 ? r.totalMs() + "ms"
                        : String.format(Locale.ROOT, "%.1fs", r.totalMs() / 1000.0));
        return r.costUsd() != null && r.costUsd() > 0 ? s + String.format(Locale.ROOT, " $%.4f", r.costUsd()) : s;
    }

    /** The tooltip of a finished run. */
    static String describe(ResultCell cell) {
        SweepRecord r = cell.record();
        if (r == null) {
            return Messages.get(cell.state() == CellState.RUNNING ? "sweep.cell.runningNow" : "sweep.cell.notRun");
        }
        StringBuilder b = new StringBuilder(Messages.get("sweep.run.heading", r.problemId(),
                StrategyNames.shown(r.strategy()), r.label(), r.budget(), r.sample() + 1) + "\n");
        if (!r.ok()) {
            b.append(RunWords.failure(r));
        } else {
            String answer = r.answer() == null ? Messages.get("sweep.cell.noAnswer")
                    : Messages.get("sweep.run.answer", r.answer());
            String expected = r.expected() == null ? Messages.get("sweep.cell.noExpected")
                    : Messages.get("sweep.run.expected", r.expected());
            b.append(answer).append(" \u00b7 ").append(expected);
            if (r.correct() != null) {
                b.append(" \u00b7 ").append(Messages.get(r.correct() ? "sweep.run.correct" : "sweep.run.wrong"));
            }
        }
        String cost = r.costUsd() == null ? Messages.get("sweep.cell.costUnknown")
                : r.costUsd() == 0 ? Messages.get("money.free") : String.format(Locale.ROOT, "$%.6f", r.costUsd());
        b.append("\n").append(Messages.get("sweep.cell.numbers", RunWords.tokens(r.thinkingTokens()),
                RunWords.tokens(r.answerTokens()), Formats.millis(r.totalMs()), cost, RunWords.computeOf(r.strategy())));
        if (r.gradeOverridden()) {
            b.append("\n* ").append(Messages.get("sweep.run.byHand"));
        }
        b.append("\n").append(Messages.get("sweep.cell.help"));
        return b.toString();
    }

    /** A run's cell: its state as a pseudo-class, its numbers as text, its trace on click, grading in its menu. */
    /** Pixels beyond the text and padding a column keeps, so a text that just fits is not cut by rounding. */
    private static final double FIT_SLACK = 4;

    private final class RunCell extends TableCell<ResultRow, ResultCell> {
        private final ColumnKey column;
        /** Made when the pointer first comes by: a table of hundreds of cells makes none up front. */
        private Tooltip tip;
        private ContextMenu shown;
        /** A result's text came and its width is not checked yet. */
        private boolean fitPending;

        RunCell(ColumnKey column) {
            this.column = column;
            getStyleClass().add("run-cell");
            // managed, as a table cell is: unmanaged (a layout root, so a new result laid out this cell alone) the
            // cells of a table whose rows and columns were made again stopped taking results once the sweep ran
            // (TableCell takes a new value at its next layout, and that layout never came): blank until scrolled
            setOnMouseEntered(e -> {
                if (tip == null) {
                    tip = Icons.tip("");
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
            return ResultsTable.this.menu(getItem(), key().orElse(null));
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
            fitPending = !empty && item != null && item.record() != null;
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            // measured here, with the cell's CSS (font, padding) applied
            if (fitPending) {
                fitPending = false;
                fit(getText());
            }
        }

        /** Widens this cell's column when a result's text would be cut ("✓ 136t 182…"); columns never narrow. */
        private void fit(String text) {
            TableColumn<ResultRow, ResultCell> c = getTableColumn();
            if (c == null || text == null) {
                return;
            }
            double need = Math.ceil(FontScale.textWidth(text, getFont()) + snappedLeftInset() + snappedRightInset())
                    + FIT_SLACK;
            if (need > c.getPrefWidth()) {
                // after this layout pass: a column widened inside it left its cells at the old width
                javafx.application.Platform.runLater(() -> FontScale.atLeast(c, need, scale));
            }
        }
    }
}
