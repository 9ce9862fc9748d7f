package dev.thinkbench.ui.common;

import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * Whether a window is being used with the keyboard, as browsers tell it for their focus ring: a key pressed anywhere
 * in it sets the {@code :keys} pseudo-class on its root (style class {@code tracks-keys}), a mouse press clears it.
 * The stylesheet draws the focus ring on buttons, lists and the like only under {@code .tracks-keys:keys}, so a button
 * clicked with the mouse keeps no ring, while the focus moved by a key or by the app after a key (Ctrl+4 puts it on
 * Start) shows one. A window starts as used with the keyboard. UI thread only.
 */
public final class KeyboardModality {

    /** Set on a tracked root while the keyboard is in use. */
    public static final PseudoClass KEYS = PseudoClass.getPseudoClass("keys");
    /** The style class of a tracked root. */
    public static final String TRACKED = "tracks-keys";

    private KeyboardModality() {
    }

    /** Tracks the keyboard's use in {@code root} (a window's root, or a dialog's pane); returns it. */
    public static <P extends Parent> P track(P root) {
        if (root.getStyleClass().contains(TRACKED)) {
            return root;
        }
        root.getStyleClass().add(TRACKED);
        root.pseudoClassStateChanged(KEYS, true);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> root.pseudoClassStateChanged(KEYS, true));
        root.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> root.pseudoClassStateChanged(KEYS, false));
        return root;
    }

    /** Whether {@code root} is tracked and the keyboard is in use in it now. */
    public static boolean keysInUse(Parent root) {
        return root.getPseudoClassStates().contains(KEYS);
    }
}
