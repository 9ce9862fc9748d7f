package dev.thinkbench.ui.experiments;

import atlantafx.base.theme.Styles;
import dev.thinkbench.lab.sweep.SummaryRow;
import dev.thinkbench.ui.common.Formats;
import dev.thinkbench.ui.common.Messages;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The summary per strategy and budget: n, accuracy with its 95% interval, mean thinking tokens, mean time, cost and
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

    private final TableView<Line> table = new TableView<>();

    SummaryTable() {
        table.setId("summaryTable");
        table.getStyleClass().add(Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(MeasuresTable.wrapping(Messages.get("sweep.summary.placeholder"), 320));
        table.getColumns().addAll(List.of(
                column(Messages.get("sweep.summary.strategy"), 90, SummaryRow::strategy),
                column(Messages.get("sweep.summary.budget"), 170, r -> r.label() + "  " + r.budget()),
                // the sample size, written n in every language
                column("n", 44, r -> Integer.toString(r.n())),
                column(Messages.get("sweep.summary.accuracy"), 140, r -> IntervalChart.percent(r.accuracy()) + "  ["
                        + IntervalChart.percent(r.wilson().low()) + "\u2013" + IntervalChart.percent(r.wilson().high())
                        + "]"),
                column(Messages.get("sweep.summary.meanTokens"), 100, r -> r.meanThinkingTokens() == null
                        ? Formats.DASH : String.format(Locale.ROOT, "%.1f", r.meanThinkingTokens())),
                column(Messages.get("sweep.summary.meanTime"), 84, r -> r.meanTotalMs() == null ? Formats.DASH
                        : Formats.millis(Math.round(r.meanTotalMs()))),
                column(Messages.get("sweep.summary.cost"), 76, r -> r.costUsd() == null ? Formats.DASH
                        : String.format(Locale.ROOT, "$%.4f", r.costUsd())),
                column(Messages.get("sweep.summary.failed"), 60, r -> Integer.toString(r.failed()))));
    }

    /** A column wide enough ({@code width}) for its usual values, so budgets and intervals are not cut. */
    private static TableColumn<Line, String> column(String title, double width, Function<SummaryRow, String> text) {
        TableColumn<Line, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 60));
        c.setCellValueFactory(d -> d.getValue().row.getReadOnlyProperty().map(text));
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
