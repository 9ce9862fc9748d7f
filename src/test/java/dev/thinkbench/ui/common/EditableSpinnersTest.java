package dev.thinkbench.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Typing into a number spinner, as the steps and candidates spinners take it. */
@ExtendWith(ApplicationExtension.class)
class EditableSpinnersTest {

    private Spinner<Integer> steps;

    @Start
    void start(Stage stage) {
        steps = EditableSpinners.typable(new Spinner<>(1, 6, 3));
        Button beside = new Button("New problem");
        beside.setId("beside");
        stage.setScene(new Scene(new HBox(8, steps, beside), 400, 80));
        stage.show();
    }

    private void type(FxRobot robot, String text) {
        robot.interact(() -> {
            steps.getEditor().requestFocus();
            steps.getEditor().clear();
        });
        if (!text.isEmpty()) {
            robot.write(text);
        }
    }

    @Test
    void aTypedNumberCountsWhenAButtonBesideIsClickedAndOnEnter(FxRobot robot) {
        type(robot, "6");
        robot.clickOn("#beside");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(steps.getValue()).isEqualTo(6);

        type(robot, "2");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(steps.getValue()).isEqualTo(2);
    }

    @Test
    void textThatIsNoNumberOrNothingGoesBackToTheValueAndTooMuchIsBroughtIntoRange(FxRobot robot) {
        type(robot, "abc");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(steps.getValue()).isEqualTo(3);
        assertThat(steps.getEditor().getText()).isEqualTo("3");

        type(robot, "");
        robot.clickOn("#beside");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(steps.getValue()).isEqualTo(3);
        assertThat(steps.getEditor().getText()).isEqualTo("3");

        type(robot, "99");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(steps.getValue()).isEqualTo(6);
    }

    @Test
    void aNumberChangedOrKeptIsSaidUnderTheSpinner(FxRobot robot) {
        type(robot, "99");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(steps.getProperties().get(EditableSpinners.NOTE)).isEqualTo("99 is more than 6, the most: 6 is used");
        assertThat(steps.getAccessibleHelp()).isEqualTo("99 is more than 6, the most: 6 is used");

        type(robot, "0");
        robot.clickOn("#beside");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(steps.getProperties().get(EditableSpinners.NOTE)).isEqualTo("0 is less than 1, the least: 1 is used");

        type(robot, "abc");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(steps.getProperties().get(EditableSpinners.NOTE)).isEqualTo("\"abc\" is not a number: 1 is kept");
    }

    @Test
    void aNumberTakenAsTypedIsNotRemarkedOn() {
        var range = new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1000, 5);
        assertThat(EditableSpinners.note(range, "5", 5)).isNull();
        assertThat(EditableSpinners.note(range, "1000", 1000)).isNull();
        assertThat(EditableSpinners.note(range, "1", 1)).isNull();
        assertThat(EditableSpinners.note(range, "", 5)).isNull();
        assertThat(EditableSpinners.note(range, "007", 7)).isNull();
        assertThat(EditableSpinners.note(range, "5000", 5000)).isEqualTo("5000 is more than 1,000, the most: 1,000 is used");
        assertThat(EditableSpinners.note(range, "99999999999999999999", 1000)).isEqualTo(
                "\"99999999999999999999\" is not a number: 1,000 is kept");
    }
}
