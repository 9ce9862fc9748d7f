package dev.thinkbench.ui.compare;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The thinking pane's live title never makes the pane wider than its column (headless). */
@ExtendWith(ApplicationExtension.class)
class ThinkingTitleFitTest {

    private Stage stage;

    @AfterEach
    void hide(FxRobot robot) {
        robot.interact(() -> stage.hide());
    }

    @Test
    void aLongTitleIsCutInsteadOfWideningThePaneOutOfItsColumn(FxRobot robot) {
        TitledPane[] pane = new TitledPane[1];
        VBox[] column = new VBox[1];
        robot.interact(() -> {
            pane[0] = new TitledPane();
            pane[0].setContent(new TextArea("I need 17 times 24."));
            Label title = new Label("Thinking (summary) \u00b7 160 tokens, a title longer than the column is wide");
            pane[0].setGraphic(ColumnView.fittedTitle(pane[0], title));
            column[0] = new VBox(pane[0]);
            column[0].setPrefWidth(220);
            column[0].setMaxWidth(220);
            stage = new Stage();
            stage.setScene(new Scene(new VBox(column[0]), 400, 300));
            stage.show();
        });
        robot.interact(() -> {
            title(pane[0]).setText("Thinking (summary) \u00b7 161 tokens, a title longer than the column is wide");
            column[0].layout();
        });
        robot.interact(() -> { });

        assertThat(pane[0].getWidth()).as("the pane inside its 220-px column").isLessThanOrEqualTo(220);
        assertThat(pane[0].getBoundsInParent().getMaxX()).isLessThanOrEqualTo(column[0].getWidth());
    }

    private static Label title(TitledPane pane) {
        return (Label) ((LayoutBoundary) pane.getGraphic()).getChildrenUnmodifiable().getFirst();
    }
}
