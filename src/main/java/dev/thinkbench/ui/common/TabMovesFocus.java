package dev.thinkbench.ui.common;

import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.TraversalDirection;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

/**
 * Tab and Shift+Tab move the focus out of a multi-line text field, as in a browser's form, in every window of the
 * app: a prompt never needs a tab character, and one typed by a keyboard user trying to leave the field changed the
 * prompt (which cleared the sample picked and its expected answer). Ctrl+Tab then keeps only the meaning it has
 * elsewhere: it goes on to what holds the field (the tab pane switches tabs) instead of moving the focus. FX thread
 * only.
 */
public final class TabMovesFocus {

    private static final Object INSTALLED = new Object();
    private static boolean everywhere;

    private TabMovesFocus() {
    }

    /**
     * Installs the keys in every window open now and opened from now on (the main window, dialogs). Calling it again
     * does nothing more.
     */
    public static void everywhere() {
        if (everywhere) {
            return;
        }
        everywhere = true;
        Window.getWindows().forEach(TabMovesFocus::watch);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(TabMovesFocus::watch);
            }
        });
    }

    private static void watch(Window window) {
        if (window.getScene() != null) {
            on(window.getScene());
        }
        window.sceneProperty().addListener((obs, old, now) -> {
            if (now != null) {
                on(now);
            }
        });
    }

    /** Installs the keys in {@code scene}; a scene that has them keeps one copy. */
    public static void on(Scene scene) {
        if (scene.getProperties().putIfAbsent(INSTALLED, Boolean.TRUE) == null) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, TabMovesFocus::onKey);
        }
    }

    private static void onKey(KeyEvent e) {
        if (e.isConsumed() || e.getCode() != KeyCode.TAB || e.isAltDown() || e.isMetaDown()
                || !(e.getTarget() instanceof TextArea area)) {
            return;
        }
        e.consume();
        if (e.isControlDown()) {
            // past the field's own keys (which take Ctrl+Tab to move the focus) to what holds it
            Parent holder = area.getParent();
            if (holder != null) {
                Event.fireEvent(holder, e.copyFor(holder, holder));
            }
            return;
        }
        area.requestFocusTraversal(e.isShiftDown() ? TraversalDirection.PREVIOUS : TraversalDirection.NEXT);
    }
}
