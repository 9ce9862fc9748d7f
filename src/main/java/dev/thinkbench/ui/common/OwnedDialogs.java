package dev.thinkbench.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;

/**
 * A dialog dressed as the window that opens it: owned by that window (it stays in front of it and centred on it) and
 * drawn with the same stylesheets and theme style classes, so its focus ring, text selection and colours are the
 * window's (a bare dialog had only the theme's own, faint, ones), and kept on the screen: centred on a window smaller
 * than itself it started past the screen's edge (at 1366x768 the Edit dialog's first words read "nge the thinking"),
 * also where the window system places it only after it is shown (X11). FX thread only.
 */
public final class OwnedDialogs {

    private OwnedDialogs() {
    }

    /** Dresses {@code dialog} as {@code opener}'s window; an opener not in a window leaves it as it is. */
    public static <D extends Dialog<?>> D ownedBy(D dialog, Node opener) {
        Scene scene = opener.getScene();
        if (scene == null || scene.getWindow() == null) {
            return dialog;
        }
        dialog.initOwner(scene.getWindow());
        dialog.getDialogPane().getStylesheets().addAll(scene.getStylesheets());
        Parent root = scene.getRoot();
        // the theme's class (theme-dark, theme-light) and the like; "root" the dialog's scene gives its own root
        root.getStyleClass().stream().filter(c -> c.startsWith("theme-"))
                .forEach(c -> dialog.getDialogPane().getStyleClass().add(c));
        KeyboardModality.track(dialog.getDialogPane());
        javafx.stage.Window owner = scene.getWindow();
        // a handler, not setOnShown: an opener that sets its own onShown (the Stepper's Edit focuses its text) would
        // replace it, and the dialog opened past the screen's edge again
        dialog.addEventHandler(javafx.scene.control.DialogEvent.DIALOG_SHOWN, e -> keepOnScreen(dialog, owner));
        // and whenever it is moved or resized while shown: on X11 the window system places and sizes the dialog only
        // after it is shown (its x and width are still NaN then), so at 1280x720 the Edit dialog still opened at
        // x=-88 with its first words cut
        // (change listeners: an invalidation listener would go quiet after a change made while the dialog was hidden)
        javafx.beans.value.ChangeListener<Number> placed = (o, before, now) -> {
            if (dialog.isShowing()) {
                keepOnScreen(dialog, owner);
            }
        };
        dialog.xProperty().addListener(placed);
        dialog.yProperty().addListener(placed);
        dialog.widthProperty().addListener(placed);
        dialog.heightProperty().addListener(placed);
        return dialog;
    }

    /** Moves (and if need be shrinks) {@code dialog} into the visual bounds of the screen its owner is on. */
    static void keepOnScreen(Dialog<?> dialog, javafx.stage.Window owner) {
        if (Double.isNaN(dialog.getX()) || Double.isNaN(dialog.getY()) || Double.isNaN(dialog.getWidth())
                || Double.isNaN(dialog.getHeight())) {
            return; // not placed yet: the listeners on its place and size call again once it is
        }
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getScreensForRectangle(owner.getX(), owner.getY(),
                Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight())).stream().findFirst()
                .orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
        if (dialog.getWidth() > screen.getWidth()) {
            dialog.setWidth(screen.getWidth());
        }
        if (dialog.getHeight() > screen.getHeight()) {
            dialog.setHeight(screen.getHeight());
        }
        dialog.setX(Math.max(screen.getMinX(), Math.min(dialog.getX(), screen.getMaxX() - dialog.getWidth())));
        dialog.setY(Math.max(screen.getMinY(), Math.min(dialog.getY(), screen.getMaxY() - dialog.getHeight())));
    }
}
