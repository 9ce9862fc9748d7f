package dev.thinkbench.ui.common;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * A text to read that scrolls with the keys (the lessons, the help): it takes the focus in the Tab order, and Up, Down,
 * Page Up, Page Down, Space, Home and End scroll it, from the text itself or from a button inside it ("Show answers"
 * sat at the end of the lesson, and the keys did nothing there). Its focus ring is the style class
 * {@code key-scroll}'s (thinkbench.css). FX thread only.
 */
public final class KeyScrolling {

    /** One arrow press, in pixels (about two lines). */
    static final double LINE = 40;

    private KeyScrolling() {
    }

    /** Makes {@code pane} focusable and scroll with the keys. */
    public static void install(ScrollPane pane) {
        pane.setFocusTraversable(true);
        pane.getStyleClass().add("key-scroll");
        pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (ownsKeys(pane, e) && scroll(pane, e.getCode(), e.isShiftDown())) {
                e.consume();
            }
        });
    }

    /**
     * Page Up and Page Down pressed in {@code source} page {@code pane} instead (the lesson list: they switched
     * lessons, where a reader wanted the lesson's next page).
     */
    public static void pageFrom(Node source, ScrollPane pane) {
        source.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (noModifier(e) && (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP)) {
                scroll(pane, e.getCode(), false);
                e.consume();
            }
        });
    }

    /** The pane itself has the focus, or a button in it (which has no use for these keys). */
    private static boolean ownsKeys(ScrollPane pane, KeyEvent e) {
        return noModifier(e) && (e.getTarget() == pane || e.getTarget() instanceof ButtonBase && e.getCode() != KeyCode.SPACE);
    }

    private static boolean noModifier(KeyEvent e) {
        return !e.isShortcutDown() && !e.isAltDown() && !e.isControlDown() && !e.isMetaDown();
    }

    /** Scrolls {@code pane} as {@code key} says; false for a key that does not scroll. */
    static boolean scroll(ScrollPane pane, KeyCode key, boolean shift) {
        double page = Math.max(LINE, pane.getViewportBounds().getHeight() - LINE);
        switch (key) {
            case DOWN -> by(pane, LINE);
            case UP -> by(pane, -LINE);
            case PAGE_DOWN -> by(pane, page);
            case PAGE_UP -> by(pane, -page);
            case SPACE -> by(pane, shift ? -page : page);
            case HOME -> pane.setVvalue(pane.getVmin());
            case END -> pane.setVvalue(pane.getVmax());
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void by(ScrollPane pane, double pixels) {
        Node content = pane.getContent();
        Bounds viewport = pane.getViewportBounds();
        double range = content == null ? 0 : content.getLayoutBounds().getHeight() - viewport.getHeight();
        if (range <= 0) {
            return;
        }
        double span = pane.getVmax() - pane.getVmin();
        double value = pane.getVvalue() + pixels / range * span;
        pane.setVvalue(Math.clamp(value, pane.getVmin(), pane.getVmax()));
    }
}
