package dev.thinkbench.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small helpers for icons and tooltips, so every control gets them the same way. */
public final class Icons {

    private Icons() {
    }

    public static FontIcon icon(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("tb-icon");
        return icon;
    }

    /** A tooltip that shows quickly and wraps long text. */
    public static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(350));
        t.setShowDuration(Duration.seconds(20));
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }

    /** From now on {@code control} shows {@code text} whole on hover, and no tooltip while it is empty. */
    public static void tipFollowing(javafx.scene.control.Control control,
                                    javafx.beans.value.ObservableValue<String> text) {
        control.tooltipProperty().bind(text.map(t -> t == null || t.isEmpty() ? null : tip(t)));
    }

    /**
     * A button with an icon, optional text, style classes and a tooltip. Without text, a screen reader reads the
     * tooltip as its name (an icon alone says nothing), until the button is given text of its own.
     */
    public static Button button(String text, Ikon ikon, String tooltip, String... styleClasses) {
        Button b = new Button(text, ikon == null ? null : icon(ikon));
        b.getStyleClass().addAll(styleClasses);
        if (tooltip != null) {
            b.setTooltip(tip(tooltip));
            if (text == null || text.isBlank()) {
                b.setAccessibleText(tooltip);
                b.textProperty().addListener((obs, old, now) -> {
                    if (now != null && !now.isBlank() && tooltip.equals(b.getAccessibleText())) {
                        b.setAccessibleText(null);
                    }
                });
            }
        }
        b.setFocusTraversable(true);
        return b;
    }
}
