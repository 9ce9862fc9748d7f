package dev.thinkbench.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * thinkbench.css over the AtlantaFX themes, light and dark: muted text, placeholders (the subtle grey) and hints keep
 * 4.5:1 on every ground they are drawn on, and selected text shows on its field and stays readable.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeContrastTest {

    private FlowPane root;

    @Start
    void start(Stage stage) {
        root = new FlowPane(12, 12);
        stage.setScene(new Scene(root, 400, 300));
        stage.getScene().getStylesheets().add(WorkbenchView.STYLESHEET);
        stage.show();
    }

    @Stop
    void stop() {
        Application.setUserAgentStylesheet(null);
    }

    private void theme(FxRobot robot, boolean dark) {
        robot.interact(() -> {
            Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            root.getStyleClass().removeAll("theme-dark", "theme-light");
            root.getStyleClass().add(dark ? "theme-dark" : "theme-light");
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A theme colour as the sheet resolves it on this scene's root. */
    private Color resolved(FxRobot robot, String variable) {
        Label probe = new Label("x");
        probe.setStyle("-fx-text-fill: " + variable + ";");
        robot.interact(() -> root.getChildren().add(probe));
        WaitForAsyncUtils.waitForFxEvents();
        Color c = (Color) probe.getTextFill();
        robot.interact(() -> root.getChildren().remove(probe));
        return c;
    }

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

    private void textIsReadable(FxRobot robot, boolean dark) {
        theme(robot, dark);
        List<Color> grounds = List.of(resolved(robot, "-color-bg-default"), resolved(robot, "-color-bg-subtle"));
        for (String text : List.of("-color-fg-muted", "-color-fg-subtle")) {
            Color fg = resolved(robot, text);
            for (Color ground : grounds) {
                assertThat(contrast(fg, ground)).as("%s on %s (%s theme)", text, ground, dark ? "dark" : "light")
                        .isGreaterThanOrEqualTo(4.5);
            }
        }
        TextField selection = new TextField("selected");
        // the two looked-up colours, read back through properties a field has (they are defined on .text-input)
        selection.setStyle("-fx-background-color: -color-input-bg-highlight; -fx-border-color: -color-input-fg-highlight;");
        TextField field = new TextField("field");
        robot.interact(() -> root.getChildren().addAll(selection, field));
        WaitForAsyncUtils.waitForFxEvents();
        Color highlight = (Color) selection.getBackground().getFills().getFirst().getFill();
        Color selected = (Color) selection.getBorder().getStrokes().getFirst().getTopStroke();
        Color fieldGround = (Color) field.getBackground().getFills().getLast().getFill();
        robot.interact(() -> root.getChildren().removeAll(selection, field));
        assertThat(highlight.getOpacity()).as("an opaque highlight").isEqualTo(1.0);
        assertThat(contrast(highlight, fieldGround)).as("the selection shows on the field")
                .isGreaterThanOrEqualTo(3.0);
        assertThat(contrast(selected, highlight)).as("selected text readable").isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void mutedTextPlaceholdersAndSelectedTextAreReadableInTheDarkTheme(FxRobot robot) {
        textIsReadable(robot, true);
    }

    @Test
    void mutedTextPlaceholdersAndSelectedTextAreReadableInTheLightTheme(FxRobot robot) {
        textIsReadable(robot, false);
    }
}
