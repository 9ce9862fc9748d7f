package dev.thinkbench.ui.common;

import javafx.scene.Node;
import javafx.scene.input.KeyEvent;

/**
 * Opens a picker's popup with the keys that open a combo box (Space, Enter, F4, Alt+Down, Alt+Up), for a picker whose
 * skin does not take them itself: ControlsFX's CheckComboBox keeps the focus on the control while the combo box that
 * opens sits inside its skin, so no key reached it and only the mouse opened the list. FX thread only.
 */
public final class PopupKeys {

    private PopupKeys() {
    }

    /** Runs {@code open} when one of the opening keys is pressed on {@code picker}, and consumes that key. */
    public static void open(Node picker, Runnable open) {
        picker.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (opens(e)) {
                open.run();
                e.consume();
            }
        });
    }

    /** Whether {@code e} is one of the keys that open a closed picker. */
    static boolean opens(KeyEvent e) {
        if (e.isControlDown() || e.isMetaDown() || e.isShiftDown()) {
            return false;
        }
        return switch (e.getCode()) {
            case SPACE, ENTER, F4 -> !e.isAltDown();
            case DOWN, UP, KP_DOWN, KP_UP -> e.isAltDown();
            default -> false;
        };
    }
}
