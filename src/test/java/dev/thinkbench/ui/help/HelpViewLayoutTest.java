package dev.thinkbench.ui.help;

import dev.thinkbench.ui.WorkbenchView;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help card (F1) in a 1280 x 720 window, headless: its text keeps a margin inside its scroll area on both sides,
 * as the lessons' text does (before, the headings touched the left edge and the budget table the right one).
 */
@ExtendWith(ApplicationExtension.class)
class HelpViewLayoutTest {

    private Stage stage;

    @AfterEach
    void hide(FxRobot robot) {
        robot.interact(() -> stage.hide());
        Application.setUserAgentStylesheet(null);
    }

    @Test
    void theHelpTextKeepsAMarginInsideItsScrollArea(FxRobot robot) throws IOException {
        String markdown = Files.readString(Path.of("assets/lessons/en/help.md"), StandardCharsets.UTF_8);
        HelpView[] help = new HelpView[1];
        robot.interact(() -> {
            Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            help[0] = new HelpView(markdown, () -> { }, () -> { });
            stage = new Stage();
            Scene scene = new Scene(new StackPane(help[0]), 1280, 720);
            scene.getStylesheets().add(WorkbenchView.STYLESHEET);
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents(4);

        Node viewport = robot.lookup("#helpScroll .viewport").query();
        Bounds room = viewport.localToScene(viewport.getLayoutBounds());
        assertThat(help[0].text().getChildren()).isNotEmpty();
        for (Node part : help[0].text().getChildren()) {
            Bounds drawn = part.localToScene(part.getLayoutBounds());
            assertThat(drawn.getMinX() - room.getMinX()).as("left margin of %s", part.getStyleClass())
                    .isGreaterThanOrEqualTo(12);
            assertThat(room.getMaxX() - drawn.getMaxX()).as("right margin of %s", part.getStyleClass())
                    .isGreaterThanOrEqualTo(12);
        }
    }
}
