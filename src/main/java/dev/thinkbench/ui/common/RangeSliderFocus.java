package dev.thinkbench.ui.common;

import javafx.scene.Node;
import javafx.scene.TraversalDirection;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.controlsfx.control.RangeSlider;

/**
 * Tab past a ControlsFX RangeSlider goes to the next control that takes the focus. Its skin moves Tab from the low
 * thumb to the high one, then hands the focus to the slider's next sibling whatever that is: a label under it took
 * the focus and showed nothing, a Tab stop where the focus was invisible. FX thread only.
 */
public final class RangeSliderFocus {

    private RangeSliderFocus() {
    }

    /** Makes Tab from {@code slider}'s high thumb (Shift+Tab from its low one) leave it as focus traversal does. */
    public static void traverseOut(RangeSlider slider) {
        slider.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.TAB || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            boolean back = e.isShiftDown();
            Node thumb = slider.lookup(back ? ".low-thumb" : ".high-thumb");
            if (thumb != null && thumb.isFocused()) {
                // forward from the high thumb, the last of the slider's parts (from the slider itself it went on to
                // its low thumb); back from the slider, before all of them
                (back ? slider : thumb).requestFocusTraversal(back ? TraversalDirection.PREVIOUS
                        : TraversalDirection.NEXT);
                e.consume();
            }
        });
    }
}
