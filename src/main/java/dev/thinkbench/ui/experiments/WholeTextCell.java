package dev.thinkbench.ui.experiments;

import dev.thinkbench.ui.common.FontScale;
import javafx.application.Platform;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * A text cell that widens its column when its text would be cut ("100% [61%–10…", "Scaling per doub…"): measured
 * once laid out, in the font and padding the cell's style gives it; columns never narrow. UI thread only.
 *
 * @param <S> the table's row type
 */
class WholeTextCell<S> extends TableCell<S, String> {

    /** Pixels beyond the text and padding a column keeps, so a text that just fits is not cut by rounding. */
    static final double SLACK = 4;

    /** A text came and its width is not checked yet. */
    private boolean fitPending;

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        fitPending = !empty && item != null && !item.isEmpty();
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
        if (column == null || text == null) {
            return;
        }
        double need = Math.ceil(FontScale.textWidth(text, getFont()) + snappedLeftInset() + snappedRightInset()
                + SLACK);
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
}
