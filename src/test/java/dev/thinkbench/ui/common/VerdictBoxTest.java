package dev.thinkbench.ui.common;

import dev.thinkbench.core.AnswerGrader;
import dev.thinkbench.core.Grade;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A verdict that holds its place is as tall before its grade as after it, and shows nothing until then. */
@ExtendWith(ApplicationExtension.class)
class VerdictBoxTest {

    private final SimpleObjectProperty<Grade> grade = new SimpleObjectProperty<>();
    private VerdictBox box;
    private Stage stage;

    @Start
    void start(Stage primary) {
        // a stage of its own, small: the primary stage is shared with the tests that follow
        stage = new Stage();
        box = new VerdictBox(grade, new SimpleStringProperty(""));
        stage.setScene(new Scene(new VBox(box), 400, 200));
        stage.getScene().getStylesheets().add(dev.thinkbench.ui.WorkbenchView.STYLESHEET);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> stage.hide());
    }

    @Test
    void aVerdictThatHoldsItsPlaceKeepsItsHeightFromBeforeItsGradeToAfter(FxRobot robot) {
        assertThat(box.isManaged()).as("by default: no place before a grade").isFalse();

        robot.interact(() -> box.holdsPlaceProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        double before = box.getHeight();
        assertThat(box.isManaged()).isTrue();
        assertThat(box.isVisible()).as("nothing shown yet").isFalse();

        robot.interact(() -> grade.set(AnswerGrader.grade("Final Answer: 16", "16")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.isVisible()).isTrue();
        assertThat(box.getHeight()).as("the same place").isCloseTo(before, within(2.0)).isGreaterThan(10);
    }

    @Test
    void aLongAnswerIsCutToTheColumnNotLaidOutPastIt(FxRobot robot) {
        robot.interact(() -> grade.set(AnswerGrader.grade("I can only solve small arithmetic word problems.", null)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(box.minWidth(-1)).as("the box never asks for more than a narrow column has").isLessThan(200);
    }
}
