package dev.thinkbench.ui.connection;

import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.ui.ScriptedTestEngine;
import dev.thinkbench.ui.WorkbenchFixture;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The server chip opens its fields at the first click, also right after another engine was picked. */
@ExtendWith(ApplicationExtension.class)
class ServerChipPopoverTest {

    private Stage own;
    private ConnectionBar bar;

    @Start
    void start(Stage stage) {
        EngineRegistry registry = new EngineRegistry()
                .register(new EngineRegistry.Entry("one", "Engine one", "http://127.0.0.1:18721/v1",
                        config -> new ScriptedTestEngine("one", spec -> null, List.of(new ModelInfo("a", "")))))
                .register(new EngineRegistry.Entry("two", "Engine two", "http://127.0.0.1:18724/v1",
                        config -> new ScriptedTestEngine("two", spec -> null, List.of(new ModelInfo("b", "")))));
        ConnectionViewModel vm = new ConnectionViewModel(registry, new WorkbenchFixture.SameThreadTasks(),
                name -> null);
        bar = new ConnectionBar(vm);
        own = new Stage();
        own.setScene(new Scene(new VBox(bar), 900, 300));
        own.setX(0);
        own.setY(0);
        own.show();
        bar.fitTo(300); // too narrow: the server fields fold behind the chip
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> own.hide());
    }

    private boolean fieldsShowing(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.listTargetWindows().stream().filter(Window::isShowing).filter(w -> w != own)
                .anyMatch(w -> w.getScene() != null && w.getScene().lookup("#baseUrlField") instanceof TextField);
    }

    /** Waits (bounded) for the fields to close: they fade out. */
    private void closed(FxRobot robot) {
        try {
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> !fieldsShowing(robot));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the server fields did not close", e);
        }
    }

    @Test
    void theChipOpensItsFieldsAtTheFirstClickAfterAnEngineSwitch(FxRobot robot) {
        assertThat(bar.serverFieldsFolded()).isTrue();
        Button chip = robot.lookup("#serverChip").queryAs(Button.class);
        robot.clickOn(chip);
        assertThat(fieldsShowing(robot)).as("a first click opens the fields").isTrue();

        robot.clickOn("#enginePicker"); // closes the fields (a popup's click outside it goes no further)
        closed(robot);
        robot.clickOn("#enginePicker");
        robot.clickOn("Engine two");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chip.getText()).isEqualTo("127.0.0.1:18724");

        robot.clickOn(chip);

        assertThat(fieldsShowing(robot)).as("the first click after the switch opens them").isTrue();
    }
}
