package dev.thinkbench.ui.experiments;

import dev.thinkbench.ui.common.Icons;
import atlantafx.base.theme.Styles;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.BudgetSpecException;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.ui.common.Formats;
import dev.thinkbench.ui.common.Messages;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The summary per strategy and budget: n, accuracy with its 95% interval, mean compute tokens, mean time, cost and
 * failures, as {@code thinkbench sweep} prints it. While results stream in, a row whose numbers changed is set in place
 * (each table row observes its line), so the table keeps its cells; lines are made anew only when rows come or go.
 * UI thread only.
 */
final class SummaryTable implements FigureView {

    /** One table row: the summary row it shows now, observable so new numbers update its cells in place. */
    static final class Line {
        private final ReadOnlyObjectWrapper<SummaryRow> row;

        Line(SummaryRow row) {
            this.row = new ReadOnlyObjectWrapper<>(this, "row", row);
        }

        SummaryRow row() {
            return row.get();
        }
    }

    /** The table's borders and its vertical scroll bar, beside the columns. */
    private static final double FRAME = 20;
    /** Room beside a column's title besides the paddings around it (the sort arrow's gap, rounding). */
    static final double TITLE_GAP = 8;

    private final TableView<Line> table = new TableView<>();

    SummaryTable() {
        table.setId("summaryTable");
        table.getStyleClass().add(Styles.DENSE);
        table.setPlaceholder(MeasuresTable.wrapping(Messages.get("sweep.summary.placeholder"), 320));
        table.getColumns().addAll(List.of(
                column(Messages.get("sweep.summary.strategy"), null, 84, r -> StrategyNames.shown(r.strategy())),
                budgetColumn(),
                // the sample size, written n in every language
                column("n", Messages.get("sweep.summary.n.help"), 48, r -> Integer.toString(r.n())),
                column(Messages.get("sweep.summary.accuracy"), Messages.get("sweep.summary.accuracy.help"), 132,
                        r -> IntervalChart.percent(r.accuracy()) + "  [" + IntervalChart.percent(r.wilson().low())
                                + "\u2013" + IntervalChart.percent(r.wilson().high()) + "]"),
                column(Messages.get("sweep.summary.meanTokens"), Messages.get("sweep.summary.meanTokens.help"), 84,
                        r -> r.meanThinkingTokens() == null ? Formats.DASH
                                : String.format(Locale.ROOT, "%.1f", r.meanThinkingTokens())),
                column(Messages.get("sweep.summary.meanTime"), Messages.get("sweep.summary.meanTime.help"), 76,
                        r -> r.meanTotalMs() == null ? Formats.DASH : Formats.millis(Math.round(r.meanTotalMs()))),
                column(Messages.get("sweep.summary.cost"), Messages.get("sweep.summary.cost.help"), 76,
                        SummaryTable::cost),
                column(Messages.get("sweep.summary.failed"), null, 64, r -> Integer.toString(r.failed()))));
        // the columns fill a wide pane; in a narrow one they keep their widths and the table scrolls sideways (a
        // constrained table would rather cut the last columns off)
        table.widthProperty().subscribe(w -> fitPolicy());
        // a value wider than its column widens it (an accuracy of 100% [61%\u2013100%] was cut)
        table.getColumns().forEach(c -> c.minWidthProperty().subscribe(w -> fitPolicy()));
        for (TableColumn<Line, ?> c : table.getColumns()) {
            if (c.getGraphic() instanceof Label title) {
                // styling sets the title's font and padding, in either order
                title.fontProperty().subscribe(f -> fitTitle(c, title));
                title.paddingProperty().subscribe(p -> fitTitle(c, title));
                title.parentProperty().subscribe(p -> javafx.application.Platform.runLater(() -> fitTitle(c, title)));
            }
        }
    }

    private void fitPolicy() {
        double columnsWidth = table.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum();
        table.setColumnResizePolicy(table.getWidth() >= columnsWidth + FRAME
                ? TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN : TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    /**
     * Widens {@code c} when its title, in the header's font (a theme's is bold) and padding, needs more room than its
     * values; called whenever the title's font or padding is set, which styling does once the header is in the scene.
     * The room counts the padding of every box the title sits in up to its column header.
     */
    private void fitTitle(TableColumn<Line, ?> c, Label title) {
        // measured in the new font here: the label's own size follows it only at its next layout
        javafx.scene.text.Text text = new javafx.scene.text.Text(title.getText());
        text.setFont(title.getFont());
        double insets = 0;
        for (javafx.scene.Node n = title; n != null && n != table; n = n.getParent()) {
            if (n instanceof Region r) {
                insets += r.snappedLeftInset() + r.snappedRightInset();
            }
            if (n.getStyleClass().contains("column-header")) {
                break;
            }
        }
        double need = Math.ceil(text.getLayoutBounds().getWidth() + insets) + TITLE_GAP;
        if (need > c.getMinWidth()) {
            c.setMinWidth(need);
            c.setPrefWidth(Math.max(c.getPrefWidth(), need));
            fitPolicy();
        }
    }

    /** The budget's label; its spec and what it means in words in the cell's tooltip, so the label is never cut. */
    private static TableColumn<Line, String> budgetColumn() {
        TableColumn<Line, String> c = column(Messages.get("sweep.summary.budget"), null, 96, SummaryRow::label);
        c.setCellFactory(col -> new HoverTooltipCell<>(line -> budgetTip(line.row())));
        return c;
    }

    /** {@code force:min=0,max=8,waits=0 · force ≤ 8 tokens}; the spec alone when it does not parse (routing's mixed). */
    static String budgetTip(SummaryRow r) {
        try {
            return r.budget() + "\n" + BudgetChoices.words(BudgetSpec.parse(r.budget()));
        } catch (BudgetSpecException e) {
            return r.budget();
        }
    }

    /** The cost of all runs together: free when it is known to be nothing (a local engine). */
    static String cost(SummaryRow r) {
        if (r.costUsd() == null) {
            return Formats.DASH;
        }
        return r.costUsd() == 0 ? Messages.get("money.free") : String.format(Locale.ROOT, "$%.4f", r.costUsd());
    }

    /**
     * A column at least {@code width} wide, enough for its usual values, so numbers, intervals and titles are never
     * cut: a table narrower than its columns scrolls sideways instead. The title's tooltip says what the column
     * counts when {@code help} is not null.
     */
    private static TableColumn<Line, String> column(String title, String help, double width,
                                                    Function<SummaryRow, String> text) {
        TableColumn<Line, String> c = new TableColumn<>();
        Label header = new Label(title);
        if (help != null) {
            header.setTooltip(Icons.tip(help));
        }
        c.setGraphic(header);
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setCellValueFactory(d -> d.getValue().row.getReadOnlyProperty().map(text));
        c.setCellFactory(col -> new WholeTextCell<>());
        c.setSortable(false);
        return c;
    }

    @Override
    public String title() {
        return Messages.get("sweep.summary.tab");
    }

    @Override
    public String fileName() {
        return "summary.png";
    }

    @Override
    public Region node() {
        return table;
    }

    @Override
    public void show(SweepFigures figures) {
        List<SummaryRow> rows = figures.rows();
        javafx.collections.ObservableList<Line> lines = table.getItems();
        if (lines.size() != rows.size()) {
            lines.setAll(rows.stream().map(Line::new).toList());
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).equals(lines.get(i).row())) {
                lines.get(i).row.set(rows.get(i));
            }
        }
    }

    @Override
    public FigureView fresh() {
        return new SummaryTable();
    }

    TableView<Line> table() {
        return table;
    }
}
