package dev.thinkbench.ui;

import javafx.application.Application;
import javafx.scene.Scene;
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

    private void textIsReadable(FxRobot robot, boolean dark) {
        ThemeProbe.theme(robot, root, dark);
        List<Color> grounds = List.of(ThemeProbe.resolved(robot, root, "-color-bg-default"),
                ThemeProbe.resolved(robot, root, "-color-bg-subtle"));
        for (String text : List.of("-color-fg-muted", "-color-fg-subtle")) {
            Color fg = ThemeProbe.resolved(robot, root, text);
            for (Color ground : grounds) {
                assertThat(ThemeProbe.contrast(fg, ground)).as("%s on %s (%s theme)", text, ground, dark ? "dark" : "light")
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
        assertThat(ThemeProbe.contrast(highlight, fieldGround)).as("the selection shows on the field")
                .isGreaterThanOrEqualTo(3.0);
        assertThat(ThemeProbe.contrast(selected, highlight)).as("selected text readable").isGreaterThanOrEqualTo(4.5);
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
