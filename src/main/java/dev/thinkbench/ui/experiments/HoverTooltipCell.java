package dev.thinkbench.ui.experiments;

import dev.thinkbench.ui.common.Icons;
import javafx.scene.control.Tooltip;

import java.util.function.Function;

/**
 * A text cell whose row has more to say in a tooltip (a problem's prompt, a measure's meaning). The tooltip is made
 * when the pointer first comes by: a tooltip is a popup with its own scene, costly to make, and a table of hundreds
 * of cells would otherwise make them all up front though most are never shown. Its column widens to show its text
 * whole. UI thread only.
 *
 * @param <S> the table's row type
 */
final class HoverTooltipCell<S> extends WholeTextCell<S> {

    private final Function<S, String> tip;
    private Tooltip tooltip;

    /** @param tip the tooltip's text for a row */
    HoverTooltipCell(Function<S, String> tip) {
        this.tip = tip;
        setOnMouseEntered(e -> {
            if (tooltip == null && !isEmpty()) {
                tooltip = Icons.tip(""); // wrapped: a measure's meaning ran off a 1280-px screen on one line
                showTip();
            }
        });
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        showTip();
    }

    private void showTip() {
        S row = isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
        if (tooltip != null && row != null) {
            String text = tip.apply(row);
            if (!text.equals(tooltip.getText())) {
                tooltip.setText(text);
            }
        }
        setTooltip(row == null ? null : tooltip);
    }
}
