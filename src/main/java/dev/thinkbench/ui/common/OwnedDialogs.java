package dev.thinkbench.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;

/**
 * A dialog dressed as the window that opens it: owned by that window (it stays in front of it and centred on it) and
 * drawn with the same stylesheets and theme style classes, so its focus ring, text selection and colours are the
 * window's (a bare dialog had only the theme's own, faint, ones). FX thread only.
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
        return dialog;
    }
}
