package dev.thinkbench.ui.common;

import atlantafx.base.controls.ToggleSwitch;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** A switch is reached with Tab and turned with Space, as a check box is. */
@ExtendWith(ApplicationExtension.class)
class SwitchesTest {

    private Button before;
    private ToggleSwitch toggle;

    @Start
    void start(Stage stage) {
        before = new Button("before");
        toggle = Switches.of("Token confidence");
        stage.setScene(new Scene(new VBox(8, before, toggle), 300, 120));
        stage.show();
    }

    @Test
    void tabReachesTheSwitchAndSpaceTurnsItOnAndOff(FxRobot robot) {
        robot.interact(before::requestFocus);
        robot.type(KeyCode.TAB);
        assertThat(toggle.isFocused()).isTrue();

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toggle.isSelected()).as("on").isTrue();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toggle.isSelected()).as("off again").isFalse();
    }

    @Test
    void aDisabledSwitchStaysAsItIs(FxRobot robot) {
        robot.interact(() -> {
            toggle.requestFocus();
            toggle.setDisable(true);
        });
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toggle.isSelected()).isFalse();
    }
}
