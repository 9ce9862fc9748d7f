package dev.thinkbench.ui;

import dev.thinkbench.testing.OpenAiChatTestServer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server engine's URL and keys stay in the top bar where it has room, and take a line of their own under it where it
 * has not (at 1280 px the URL read "http://127.0.0." and both key fields "API ke").
 */
@ExtendWith(ApplicationExtension.class)
class ServerFieldsFoldTest {

    private final OpenAiChatTestServer server = OpenAiChatTestServer.start().models("m");
    private WorkbenchView view;
    private Stage own;

    @Start
    void start(Stage stage) throws IOException {
        view = WorkbenchFixture.openAiCompatible(server);
        own = new Stage();
        own.setScene(view.createScene(1280, 800));
        own.setX(0);
        own.setY(0);
        own.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> own.hide());
        server.close();
    }

    private String state() {
        return "bar " + view.connectionBar().getWidth() + " pref " + view.connectionBar().prefWidth(-1)
                + " window " + own.getWidth();
    }

    private void resize(FxRobot robot, double width) {
        robot.interact(() -> own.setWidth(width));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theServerFieldsFoldBehindAChipOnlyWhereTheBarIsTooNarrowAndComeBackWithRoom(FxRobot robot) {
        resize(robot, 1000); // the test window has no Session or display menus: narrower than the app for the same fold
        assertThat(view.connectionBar().serverFieldsFolded()).as(state()).isTrue();
        TextField url = robot.lookup("#baseUrlField").tryQueryAs(TextField.class).orElse(null);
        assertThat(url).as("folded away: no cut field in the bar").isNull();
        Button chip = robot.lookup("#serverChip").queryAs(Button.class);
        assertThat(chip.getText()).as("the chip names the server").isEqualTo("127.0.0.1:" + server.baseUrl().getPort());

        robot.interact(() -> view.connectionBar().openServerFields());
        WaitForAsyncUtils.waitForFxEvents();
        TextField shown = robot.lookup("#baseUrlField").queryAs(TextField.class);
        assertThat(shown.getScene().getWindow()).as("over the window, not in its height")
                .isNotSameAs(own);
        assertThat(shown.getWidth()).as("the URL is shown at its width, not cut to a few characters")
                .isGreaterThanOrEqualTo(shown.prefWidth(-1) - 1);
        assertThat(shown.isFocused()).isTrue();

        // a wider window than this screen has: the bar told its room as the top bar would
        robot.interact(() -> view.connectionBar().fitTo(2400));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.connectionBar().serverFieldsFolded()).isFalse();
        assertThat(chip.isVisible()).isFalse();
        assertThat(shown.getParent().getParent()).isSameAs(view.connectionBar());
        robot.interact(() -> view.connectionBar().fitTo(500));
        assertThat(view.connectionBar().serverFieldsFolded()).as("too narrow again").isTrue();
        double folded = view.connectionBar().prefWidth(-1);
        robot.interact(() -> view.connectionBar().fitTo(folded + 600));
        assertThat(view.connectionBar().serverFieldsFolded()).as("back with room to spare").isFalse();
    }

    @Test
    void aServerIsNamedByItsHostOnTheChip() {
        assertThat(dev.thinkbench.ui.connection.ConnectionBar.host("https://api.deepseek.com/v1"))
                .isEqualTo("api.deepseek.com");
        assertThat(dev.thinkbench.ui.connection.ConnectionBar.host("http://127.0.0.1:8080/v1")).isEqualTo("127.0.0.1:8080");
        assertThat(dev.thinkbench.ui.connection.ConnectionBar.host("")).isNull();
    }
}
