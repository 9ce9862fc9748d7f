package dev.thinkbench.ui.stepper;

import dev.thinkbench.core.Sampling;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.StepperSettings;
import dev.thinkbench.forcing.StepperState;
import dev.thinkbench.testing.ScriptedTestBackend;
import dev.thinkbench.ui.common.Messages;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline's "Ended" cells in the Stepper tab of a 1280 x 720 window, headless, in English and Korean: a step's
 * usual ending ("model ended thinking (&lt;/think&gt;)") reads whole on one or two lines, and a longer one stops at
 * two lines with the whole of it in the tooltip (the cell wrapped to three lines and more, "model ended / thinking /
 * (&lt;/think&gt;)").
 */
@ExtendWith(ApplicationExtension.class)
class TimelineEndedFitTest {

    private Stage stage;
    private StepperView view;

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.hide();
            javafx.application.Application.setUserAgentStylesheet(null);
            view.viewModel().close();
        });
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void inEnglishAStepsEndingReadsOnTwoLinesAtMost(FxRobot robot) throws Exception {
        check(robot, Locale.ENGLISH);
    }

    @Test
    void inKoreanAStepsEndingReadsOnTwoLinesAtMost(FxRobot robot) throws Exception {
        check(robot, Locale.KOREAN);
    }

    private void check(FxRobot robot, Locale locale) throws Exception {
        Messages.setLocale(locale);
        ScriptedTestBackend backend = new ScriptedTestBackend()
                .then("Two", " r's", ".", "</think>")
                .then(" Let", " me", " recount", ".", "</think>")
                .then(" 3", "<|im_end|>");
        robot.interact(() -> {
            dev.thinkbench.ui.common.Fonts.load(); // the app's font, as the workbench loads it
            view = new StepperView(backend, ChatTemplates.builtIns(), StepperSettings.defaults(Sampling.greedy(1)));
            view.viewModel().promptProperty().set("How many r's are in raspberry?");
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight()
                    .getUserAgentStylesheet());
            StackPane tab = new StackPane(view);
            stage = new Stage();
            // the Stepper tab's room in a 1280 x 720 window: the bar, the tabs and the status line take the rest
            stage.setScene(new Scene(tab, 1280, 600));
            stage.getScene().getStylesheets().add(dev.thinkbench.ui.WorkbenchView.STYLESHEET);
            stage.show();
        });
        robot.interact(() -> view.viewModel().run());
        waitPaused();
        robot.interact(() -> view.viewModel().waitMore());
        waitPaused();
        robot.interact(() -> view.viewModel().continueToAnswer());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.viewModel().stateProperty().get()
                == StepperState.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> table = robot.lookup("#timelineTable").queryTableView();
        var ended = table.getColumns().getLast();
        List<TableCell<?, ?>> cells = new java.util.ArrayList<>();
        for (TableCell<?, ?> c : robot.from(table).lookup(".table-cell").queryAllAs(TableCell.class)) {
            if (c.getTableColumn() == ended && c.getItem() != null) {
                cells.add(c);
            }
        }
        assertThat(cells).hasSize(3);
        String thinkingEnded = Messages.get("stepper.words.note.thinkingAt", "</think>");
        for (TableCell<?, ?> cell : cells) {
            Text text = robot.from(cell).lookup(".timeline-cell-text").queryAs(Text.class);
            Text one = new Text("X");
            one.setFont(text.getFont());
            double line = one.getLayoutBounds().getHeight();
            assertThat(text.getLayoutBounds().getHeight() / line).as("lines of \"%s\" in %s px", text.getText(),
                    ended.getWidth()).isLessThan(2.5);
            assertThat(cell.getTooltip().getText()).as("whole on hover").isEqualTo(cell.getItem().toString());
            if (cell.getItem().toString().equals(thinkingEnded)) {
                assertThat(text.getText()).as("the usual ending reads whole").isEqualTo(thinkingEnded);
            }
        }
        assertThat(cells).as("the first step ended at its stop string")
                .anyMatch(c -> c.getItem().toString().equals(thinkingEnded));
    }

    private void waitPaused() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.viewModel().stateProperty().get()
                == StepperState.PAUSED);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
