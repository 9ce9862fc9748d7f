package dev.thinkbench.ui.stepper;

import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.FontScale;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The timeline as a table: branch, step, kind, inserted text, tokens, prompt tokens evaluated, time, how it ended.
 * Cells wrap rather than cut their text ("answer (forced)"), so every cell reads whole; "Ended" stops at two lines
 * (a long reason with an ellipsis), and every cell's tooltip holds its whole text.
 */
final class TimelineTable {

    private TimelineTable() {
    }

    static TableView<TimelineRow> of(ObservableList<TimelineRow> rows) {
        TableView<TimelineRow> table = new TableView<>(rows);
        table.setId("timelineTable");
        table.setPlaceholder(new Label(Messages.get("timeline.empty")));
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.getColumns().add(fixed(column(Messages.get("timeline.branch"), TimelineRow::branchId), 64));
        table.getColumns().add(fixed(column("#", TimelineRow::step), 34));
        table.getColumns().add(fixed(column(Messages.get("timeline.step"), TimelineRow::kind), 90));
        // in short, the whole on hover: a harmony answer opening wrapped into a tall narrow cell, cut at "<|messag"
        table.getColumns().add(fixed(column(Messages.get("timeline.inserted"),
                r -> new Hovered(r.inserted(), r.insertedWhole())), 84));
        table.getColumns().add(fixed(column(Messages.get("timeline.tokens"), r -> dashFor(r.tokens())), 72));
        table.getColumns().add(fixed(column(Messages.get("timeline.prompt"), r -> dashFor(r.promptTokens())), 86));
        table.getColumns().add(fixed(column("ms", r -> dashFor(r.millis())), 52));
        // the one that flexes: what the others leave of the table's width, never less than a small minimum
        // two lines at most, the rest cut with an ellipsis (whole in the tooltip): at 1280 px "model ended thinking
        // (</think>)" stood three lines tall in every row
        TableColumn<TimelineRow, String> ended = column(Messages.get("timeline.ended"), TimelineRow::ended, 2);
        ended.setMinWidth(80);
        List<TableColumn<TimelineRow, ?>> others = List.copyOf(table.getColumns());
        List<Observable> widths = new ArrayList<>(List.of(table.widthProperty()));
        others.forEach(c -> widths.add(c.widthProperty()));
        // bound, not the constrained policy: that policy left "Ended" at its preferred width past the table's right
        // edge when the table got its width after its rows (a session opened from another tab), and its text, wrapped
        // at the column's width, was cut there ("model ended thi") with no scroll bar
        ended.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(ended.getMinWidth(),
                table.getWidth() - others.stream().mapToDouble(TableColumn::getWidth).sum() - ROOM_PX),
                widths.toArray(Observable[]::new)));
        table.getColumns().add(ended);
        tip(table.getColumns().get(5), Messages.get("timeline.prompt.help"));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        return table;
    }

    /** The table's borders and a vertical scroll bar, which the last column leaves free. */
    private static final double ROOM_PX = 16;

    /** A number, or a dash where a row has none (a fork ran nothing of its own). */
    private static String dashFor(Number n) {
        return n == null ? "\u2013" : n.toString();
    }

    private static void tip(TableColumn<TimelineRow, ?> column, String text) {
        Label header = new Label(column.getText());
        header.setMinWidth(Region.USE_PREF_SIZE);
        header.setTooltip(Icons.tip(text));
        column.setText(null);
        column.setGraphic(header);
    }

    /**
     * {@code c} at {@code width} base pixels, its minimum the same: the constrained policy never shortens its header
     * to "Tok..." ("Ended" is the one that flexes); in em, so it follows presenter mode's zoom (the view's FontScale:
     * "Evaluatedms" at 150 %).
     */
    private static <T> TableColumn<TimelineRow, T> fixed(TableColumn<TimelineRow, T> c, double width) {
        FontScale.sizeFixed(c, width, null);
        return c;
    }

    private static <T> TableColumn<TimelineRow, T> column(String title, Function<TimelineRow, T> get) {
        return column(title, get, 0);
    }

    /** @param maxLines the most lines a cell shows, 0 for all */
    private static <T> TableColumn<TimelineRow, T> column(String title, Function<TimelineRow, T> get, int maxLines) {
        TableColumn<TimelineRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(get.apply(cell.getValue())));
        c.setCellFactory(col -> new WrappingCell<>(maxLines));
        c.setSortable(false);
        return c;
    }

    /** A cell's short text, with the whole text its tooltip shows. */
    record Hovered(String shown, String whole) {
        @Override
        public String toString() {
            return shown;
        }
    }

    /**
     * A cell whose text wraps (the row grows) instead of being cut with an ellipsis: a Text node as its graphic,
     * wrapped at the column's width (a wrapping label would not tell the row its height). The tooltip repeats it.
     * Given a most of lines, the text stops there with an ellipsis (at the column's width and font of the moment).
     */
    private static final class WrappingCell<T> extends TableCell<TimelineRow, T> {
        private final Text text = new Text();
        private final int maxLines;
        private String whole = "";

        WrappingCell(int maxLines) {
            this.maxLines = maxLines;
            text.getStyleClass().add("timeline-cell-text");
            tableColumnProperty().addListener((obs, old, now) -> {
                text.wrappingWidthProperty().unbind();
                if (now != null) {
                    text.wrappingWidthProperty().bind(now.widthProperty().subtract(12));
                }
            });
            if (maxLines > 0) {
                text.wrappingWidthProperty().addListener((obs, old, now) -> show());
                text.fontProperty().addListener((obs, old, now) -> show());
            }
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            setMinHeight(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            String value = empty || item == null ? null : item.toString();
            whole = value == null ? "" : value;
            show();
            setGraphic(value == null ? null : text);
            String tip = item instanceof Hovered h ? h.whole() : value;
            setTooltip(tip == null || tip.isEmpty() ? null : Icons.tip(tip));
        }

        /** The whole text, or as much of it as fits the most lines, then an ellipsis. */
        private void show() {
            text.setText(whole);
            if (maxLines <= 0 || whole.isEmpty() || text.getWrappingWidth() <= 0 || fits()) {
                return;
            }
            int lo = 0;
            int hi = whole.length() - 1;
            while (lo < hi) { // the longest start that fits with its ellipsis
                int mid = (lo + hi + 1) / 2;
                text.setText(cut(mid));
                if (fits()) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            int space = whole.lastIndexOf(' ', lo);
            text.setText(cut(space > lo / 2 ? space : lo)); // after a whole word where that keeps most of it
        }

        private String cut(int length) {
            return whole.substring(0, length).stripTrailing() + "\u2026";
        }

        private boolean fits() {
            Text one = new Text("X");
            one.setFont(text.getFont());
            return text.getLayoutBounds().getHeight() < (maxLines + 0.5) * one.getLayoutBounds().getHeight();
        }

        /** The text shown, whole, for tests. */
        String shownText() {
            return text.getText();
        }
    }
}
