package dev.thinkbench.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Test helper: puts a test's root in the light or dark theme as the window does, reads a theme colour as the sheet
 * resolves it there, and measures the WCAG contrast of two colours.
 */
final class ThemeProbe {

    private ThemeProbe() {
    }

    /** The AtlantaFX theme and the root's theme class, as {@link WorkbenchView} sets them. */
    static void theme(FxRobot robot, Pane root, boolean dark) {
        robot.interact(() -> {
            Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            root.getStyleClass().removeAll("theme-dark", "theme-light");
            root.getStyleClass().add(dark ? "theme-dark" : "theme-light");
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A theme colour as the sheet resolves it on {@code root}. */
    static Color resolved(FxRobot robot, Pane root, String variable) {
        Label probe = new Label("x");
        probe.setStyle("-fx-text-fill: " + variable + ";");
        robot.interact(() -> root.getChildren().add(probe));
        WaitForAsyncUtils.waitForFxEvents();
        Color c = (Color) probe.getTextFill();
        robot.interact(() -> root.getChildren().remove(probe));
        return c;
    }

    /** The WCAG contrast ratio of {@code a} and {@code b}, 1 to 21. */
    static double contrast(Color a, Color b) {
        double la = luminance(a) + 0.05;
        double lb = luminance(b) + 0.05;
        return Math.max(la, lb) / Math.min(la, lb);
    }

    private static double luminance(Color c) {
        java.util.function.DoubleUnaryOperator lin = v -> v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        return 0.2126 * lin.applyAsDouble(c.getRed()) + 0.7152 * lin.applyAsDouble(c.getGreen())
                + 0.0722 * lin.applyAsDouble(c.getBlue());
    }
}
