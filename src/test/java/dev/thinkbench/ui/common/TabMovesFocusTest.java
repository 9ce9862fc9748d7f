package dev.thinkbench.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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

/** Tab leaves a multi-line text field in every window, and Ctrl+Tab there switches tabs. */
@ExtendWith(ApplicationExtension.class)
class TabMovesFocusTest {

    private TextField before;
    private TextArea area;
    private Button after;
    private TabPane tabs;

    @Start
    void start(Stage stage) {
        before = new TextField("one line");
        area = new TextArea("A prompt");
        after = new Button("Run");
        tabs = new TabPane(new Tab("Compare", new VBox(8, before, area, after)), new Tab("Stepper", new VBox()));
        stage.setScene(new Scene(tabs, 400, 300));
        TabMovesFocus.everywhere();
        stage.show();
    }

    private void typeIn(FxRobot robot, KeyCode... keys) {
        robot.interact(() -> {
            area.requestFocus();
            area.end();
        });
        robot.press(keys);
        robot.release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void tabMovesOnAndShiftTabMovesBackWithoutATabCharacter(FxRobot robot) {
        typeIn(robot, KeyCode.TAB);
        assertThat(after.isFocused()).as("Tab goes on to the button").isTrue();
        assertThat(area.getText()).isEqualTo("A prompt");

        typeIn(robot, KeyCode.SHIFT, KeyCode.TAB);
        assertThat(before.isFocused()).as("Shift+Tab goes back to the field before").isTrue();
        assertThat(area.getText()).isEqualTo("A prompt");
    }

    @Test
    void ctrlTabInATextAreaSwitchesTabsAsItDoesElsewhere(FxRobot robot) {
        typeIn(robot, KeyCode.CONTROL, KeyCode.TAB);

        assertThat(tabs.getSelectionModel().getSelectedIndex()).as("the next tab").isEqualTo(1);
        assertThat(area.getText()).isEqualTo("A prompt");
    }

    @Test
    void aWindowOpenedLaterHasTheKeysToo(FxRobot robot) {
        TextArea editor = new TextArea("thinking");
        Button ok = new Button("OK");
        robot.interact(() -> {
            Stage dialog = new Stage();
            dialog.setScene(new Scene(new VBox(editor, ok), 300, 200));
            dialog.show();
            editor.requestFocus();
        });
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(ok.isFocused()).isTrue();
        assertThat(editor.getText()).isEqualTo("thinking");
        robot.interact(() -> ok.getScene().getWindow().hide());
    }
}
