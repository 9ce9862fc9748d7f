package dev.thinkbench.ui.common;

import javafx.geometry.Bounds;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/**
 * A tooltip that the keyboard reaches too: shown under its control while the keyboard has put the focus there (Tab),
 * hidden when the focus leaves (the budget field's meaning was only for a pointer resting on it). A click into the
 * control shows nothing more: the pointer has the tooltip on hover already, and a tooltip left standing under the
 * field would take the next click meant for what it covers. FX thread only.
 */
public final class FocusTooltip {

    /** Space between the control's bottom edge and the tooltip, in pixels. */
    private static final double GAP = 4;

    private FocusTooltip() {
    }

    /**
     * From now on {@code control}'s tooltip (whichever it has then) also shows while the control has the focus from
     * the keyboard.
     */
    public static void showWhileFocused(Control control) {
        control.focusVisibleProperty().addListener((obs, was, now) -> {
            Tooltip tip = control.getTooltip();
            if (tip == null) {
                return;
            }
            if (now && control.getScene() != null && control.getScene().getWindow() != null
                    && control.getScene().getWindow().isShowing()) {
                Bounds on = control.localToScreen(control.getLayoutBounds());
                if (on != null) {
                    tip.show(control, on.getMinX(), on.getMaxY() + GAP);
                }
            } else {
                tip.hide();
            }
        });
    }
}
