package dev.thinkbench.ui.experiments;

import dev.thinkbench.ui.common.FontScale;
import javafx.application.Platform;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * A text cell that widens its column when its text would be cut ("100% [61%–10…", "Scaling per doub…"): measured
 * once laid out, in the font and padding the cell's style gives it. By default columns never narrow (a long table's
 * cells scroll out of view and no longer say what they need); a cell {@linkplain #WholeTextCell(boolean) made to
 * narrow} sets its column to the widest text its column's cells hold now, for a table whose rows are all in view (s1's
 * measures: a value that is long only for a while, "at 100% (no room left to rise)" on a sweep's first runs, kept
 * the column wide and pushed the last strategy out of the pane). UI thread only.
 *
 * @param <S> the table's row type
 */
class WholeTextCell<S> extends TableCell<S, String> {

    /** Pixels beyond the text and padding a column keeps, so a text that just fits is not cut by rounding. */
    static final double SLACK = 4;

    /** The narrowest a narrowing column is laid out at (a dash, or a header wider than its values, has room). */
    static final double NARROWEST = 80;

    /** The key, in a column's properties, of what each of its narrowing cells needs now. */
    private static final String NEEDS = WholeTextCell.class.getName() + ".needs";

    /** Whether the column narrows again to the widest text its cells hold now. */
    private final boolean narrows;

    /** A text came and its width is not checked yet. */
    private boolean fitPending;

    /** A cell whose column only ever widens. */
    WholeTextCell() {
        this(false);
    }

    /**
     * A cell whose column, when {@code narrows}, follows the widest text of its cells now (every row in view), and
     * otherwise only ever widens.
     */
    WholeTextCell(boolean narrows) {
        this.narrows = narrows;
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        fitPending = narrows || !empty && item != null && !item.isEmpty();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (fitPending) {
            fitPending = false;
            fit();
        }
    }

    private void fit() {
        TableColumn<S, String> column = getTableColumn();
        String text = getText();
        if (narrows) {
            if (column != null) {
                narrow(column, text == null || text.isEmpty() ? 0 : need(text));
            }
            return;
        }
        if (column == null || text == null) {
            return;
        }
        double need = need(text);
        if (need > column.getMinWidth()) {
            // after this layout pass: a column widened inside it leaves its cells at the old width
            Platform.runLater(() -> {
                if (need > column.getMinWidth()) {
                    column.setMinWidth(need);
                    column.setPrefWidth(Math.max(column.getPrefWidth(), need));
                }
            });
        }
    }

    /** The width that shows {@code text} whole in this cell's font and padding. */
    private double need(String text) {
        return Math.ceil(FontScale.textWidth(text, getFont()) + snappedLeftInset() + snappedRightInset() + SLACK);
    }

    /**
     * Records what this cell needs now and, after this layout pass, sets the column to the most any of its cells
     * needs: wider or narrower than before.
     */
    private void narrow(TableColumn<S, String> column, double need) {
        @SuppressWarnings("unchecked")
        Map<WholeTextCell<?>, Double> needs = (Map<WholeTextCell<?>, Double>) column.getProperties()
                .computeIfAbsent(NEEDS, k -> new WeakHashMap<WholeTextCell<?>, Double>());
        needs.put(this, need);
        Platform.runLater(() -> {
            // a cell put to another column, or emptied, no longer counts for this one
            needs.keySet().removeIf(c -> c.getTableColumn() != column || c.getText() == null || c.getText().isEmpty());
            double most = needs.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            if (most != column.getMinWidth()) {
                column.setMinWidth(most);
                column.setPrefWidth(Math.max(most, NARROWEST));
                // the table's resize policy lays its columns out again over its width, as when the table is
                // resized (a narrowed column left an empty strip at the right)
                TableView<S> table = column.getTableView();
                if (table != null && table.getColumnResizePolicy() != null) {
                    table.getColumnResizePolicy().call(new TableView.ResizeFeatures<>(table, null, 0.0));
                }
            }
        });
    }
}
