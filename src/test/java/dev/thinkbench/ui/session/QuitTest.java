package dev.thinkbench.ui.session;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl+Q and the Session menu's Quit close the window the way its close button does: a close request, then hide. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class QuitTest {

    @TempDir
    static Path dir;

    private SessionWindow window;
    private Stage stage;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean refuse;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new SessionWindow(dir);
        stage.setScene(window.view.createScene(1280, 800));
        stage.setOnCloseRequest(e -> {
            requests.incrementAndGet();
            if (refuse) {
                e.consume();
            }
        });
        stage.show();
    }

    @Test
    void ctrlQAsksToCloseAndClosesUnlessTheRequestIsRefused(FxRobot robot) {
        refuse = true;
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(requests.get()).isEqualTo(1);
        assertThat(stage.isShowing()).as("a refused close request keeps the window").isTrue();

        refuse = false;
        robot.clickOn("#sessionMenu").clickOn("#quitItem");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(requests.get()).isEqualTo(2);
        assertThat(stage.isShowing()).isFalse();
    }
}
