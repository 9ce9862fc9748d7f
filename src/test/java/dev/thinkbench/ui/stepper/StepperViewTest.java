package dev.thinkbench.ui.stepper;

import dev.thinkbench.core.Sampling;
import dev.thinkbench.forcing.ChatTemplates;
import dev.thinkbench.forcing.StepperSettings;
import dev.thinkbench.forcing.StepperState;
import dev.thinkbench.testing.ScriptedTestBackend;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import dev.thinkbench.ui.text.StreamingTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class StepperViewTest {

    private final ScriptedTestBackend backend = new ScriptedTestBackend()
            .then("Two", " r's", ".", "</think>")
            .then(" Let", " me", " recount", ".", "</think>")
            .then(" r,", " r,", " r", ".", "</think>")
            .then(" 3", "<|im_end|>");
    private StepperView view;

    @Start
    void start(Stage stage) {
        view = new StepperView(backend, ChatTemplates.builtIns(), StepperSettings.defaults(Sampling.greedy(1)));
        view.viewModel().promptProperty().set("How many r's are in raspberry?");
        stage.setScene(new Scene(view, 1200, 760));
        // the window's theme and sheet, as the app has them (the selected row's colours are the theme's)
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight()
                .getUserAgentStylesheet());
        stage.getScene().getStylesheets().add(dev.thinkbench.ui.WorkbenchView.STYLESHEET);
        dev.thinkbench.ui.common.TabMovesFocus.everywhere(); // as the workbench has it, in its dialogs too
        stage.show();
    }

    @Stop
    void stop() {
        javafx.application.Application.setUserAgentStylesheet(null);
        view.viewModel().close();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitEnabled(FxRobot robot, String id) throws TimeoutException {
        Node button = robot.lookup(id).query();
        waitUntil(() -> !button.isDisabled());
    }

    @Test
    void runningAgainOverASessionOfSeveralStepsAsksFirstAndEscKeepsIt(FxRobot robot) throws Exception {
        robot.clickOn("#runButton");
        waitEnabled(robot, "#waitButton");
        assertThat(view.viewModel().runWouldDiscard()).as("one step: nothing much to lose").isEmpty();
        robot.clickOn("#waitButton");
        waitEnabled(robot, "#waitButton");
        int prompts = backend.prompts().size();

        robot.press(javafx.scene.input.KeyCode.CONTROL).press(javafx.scene.input.KeyCode.ENTER)
                .release(javafx.scene.input.KeyCode.ENTER).release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#discardText").queryAs(javafx.scene.control.Label.class).getText())
                .startsWith("Run again starts over: the session shown (1 branch, 2 steps) goes");
        assertThat(robot.lookup("#keepSessionButton").query().isFocused()).as("keeping is the default").isTrue();
        robot.type(javafx.scene.input.KeyCode.W);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(backend.prompts()).as("W waits for the question's answer").hasSize(prompts);
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#discardText").query().getParent().isVisible()).as("the question gone").isFalse();
        assertThat(backend.prompts()).as("nothing ran").hasSize(prompts);
        assertThat(view.viewModel().lastSnapshot().branches().getFirst().steps()).as("the session as it was").hasSize(2);

        robot.interact(() -> view.viewModel().fork());
        waitUntil(() -> view.viewModel().branches().size() == 2);
        assertThat(view.viewModel().runWouldDiscard()).as("a fork's shared steps counted once")
                .isEqualTo("2 branches, 2 steps");
        // the fork undone below the point it was forked at: its parent's steps are still there
        robot.interact(() -> view.viewModel().undo());
        waitUntil(() -> view.viewModel().lastSnapshot().branches().getLast().steps().size() == 1);
        assertThat(view.viewModel().runWouldDiscard()).isEqualTo("2 branches, 2 steps");
        robot.clickOn("#runButton");
        robot.clickOn("#startOverButton");
        waitEnabled(robot, "#waitButton");
        assertThat(view.viewModel().lastSnapshot().branches().getFirst().steps()).as("started over").hasSize(1);
    }

    private static double luminance(javafx.scene.paint.Color c) {
        java.util.function.DoubleUnaryOperator lin = v -> v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        return 0.2126 * lin.applyAsDouble(c.getRed()) + 0.7152 * lin.applyAsDouble(c.getGreen())
                + 0.0722 * lin.applyAsDouble(c.getBlue());
    }

    @Test
    void aSelectedTimelineRowKeepsItsTextReadable(FxRobot robot) throws Exception {
        robot.clickOn("#runButton");
        waitEnabled(robot, "#waitButton");
        TableView<TimelineRow> timeline = robot.lookup("#timelineTable").queryTableView();
        robot.interact(() -> timeline.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableRow<?> row = robot.from(timeline).lookup(".table-row-cell:selected")
                .queryAs(javafx.scene.control.TableRow.class);
        javafx.scene.text.Text text = robot.from(row).lookup(".timeline-cell-text").queryAs(javafx.scene.text.Text.class);
        java.util.List<javafx.scene.layout.BackgroundFill> fills = row.getBackground().getFills();
        javafx.scene.paint.Color back = (javafx.scene.paint.Color) fills.getLast().getFill();
        javafx.scene.paint.Color fore = (javafx.scene.paint.Color) text.getFill();
        double a = luminance(back) + 0.05;
        double b = luminance(fore) + 0.05;
        assertThat(Math.max(a, b) / Math.min(a, b)).as("contrast of %s on %s", fore, back).isGreaterThan(4.5);
    }

    @Test
    void forkInsertAndEditHaveKeysToo(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#traceArea").query().requestFocus());
        robot.type(javafx.scene.input.KeyCode.I);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.viewModel().errorProperty().get()).as("I before Run: why not, not a dialog")
                .isEqualTo("Press Run first: it starts the thinking on the prompt.");
        robot.clickOn("#runButton");
        waitEnabled(robot, "#forkButton");
        robot.type(javafx.scene.input.KeyCode.F);
        waitUntil(() -> view.viewModel().branches().size() == 2);
        assertThat(view.viewModel().branches()).hasSize(2);
    }

    @Test
    void waitTwiceThenForceAnswerShowsThreeThinkingSegmentsAndTheAnswer(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#waitButton").query().getStyleClass()).as("no accent while it cannot be pressed")
                .doesNotContain("accent");
        robot.clickOn("#runButton");
        waitEnabled(robot, "#waitButton");
        assertThat(robot.lookup("#waitButton").query().getStyleClass()).as("the move to try").contains("accent");
        robot.clickOn("#waitButton");
        waitEnabled(robot, "#waitButton");
        robot.clickOn("#waitButton");
        waitEnabled(robot, "#forceButton");
        robot.clickOn("#forceButton");
        waitUntil(() -> view.viewModel().stateProperty().get() == StepperState.DONE);

        TableView<TimelineRow> timeline = robot.lookup("#timelineTable").queryTableView();
        assertThat(timeline.getItems()).extracting(TimelineRow::kind)
                .containsExactly("think", "wait", "wait", "answer (forced)");
        assertThat(timeline.getItems()).extracting(TimelineRow::tokens).containsExactly(4, 5, 5, 2);
        StreamingTextArea answer = robot.lookup("#answerArea").query();
        assertThat(answer.text()).isEqualTo(" 3");
        StreamingTextArea trace = robot.lookup("#traceArea").query();
        assertThat(trace.text()).isEqualTo("Two r's.Wait Let me recount.Wait r, r, r.");
        assertThat(backend.prompts().getLast()).endsWith("r, r, r.\n</think>\nFinal Answer:");
        assertThat(robot.lookup("#waitButton").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#waitButton").query().getStyleClass()).doesNotContain("accent");
        assertThat(robot.lookup("#undoButton").query().isDisabled()).isFalse();
    }

    @Test
    void theTimelinesColumnsFollowTheZoomSoNoHeaderRunsIntoTheNext(FxRobot robot) throws Exception {
        TableView<TimelineRow> timeline = robot.lookup("#timelineTable").queryTableView();
        java.util.List<Double> before = timeline.getColumns().stream().map(c -> c.getWidth()).toList();

        robot.interact(() -> view.setStyle("-fx-font-size: 21px")); // presenter mode's 150 %
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();

        for (int i = 0; i < timeline.getColumns().size() - 1; i++) {
            var column = timeline.getColumns().get(i);
            assertThat(column.getWidth()).as("column %d", i).isGreaterThanOrEqualTo(before.get(i) * 1.5 - 1);
            assertThat(column.getMinWidth()).as("column %d's minimum", i).isGreaterThanOrEqualTo(before.get(i) * 1.5 - 1);
        }
        robot.interact(() -> view.setStyle(""));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.getColumns().getFirst().getWidth()).as("back").isCloseTo(before.getFirst(),
                org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void ctrlEnterInThePromptRunsAsInCompare(FxRobot robot) throws Exception {
        robot.clickOn("#promptField");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitEnabled(robot, "#waitButton");
        assertThat(view.viewModel().promptProperty().get()).as("no new line typed into the prompt")
                .isEqualTo("How many r's are in raspberry?");
        assertThat(view.viewModel().timeline()).extracting(TimelineRow::kind).containsExactly("think");
        assertThat(robot.lookup("#traceArea").query().isFocused()).as("W, A and Enter act at once").isTrue();
    }

    @Test
    void keysStepAndForkKeepsBothBranches(FxRobot robot) throws Exception {
        robot.clickOn("#runButton");
        waitEnabled(robot, "#forkButton");
        robot.clickOn("#forkButton");
        waitUntil(() -> view.viewModel().branches().size() == 2);
        robot.clickOn("#timelineTable");
        robot.type(KeyCode.W);
        waitUntil(() -> view.viewModel().stateProperty().get() == StepperState.PAUSED
                && view.viewModel().timeline().size() == 3);
        robot.type(KeyCode.A);
        waitUntil(() -> view.viewModel().stateProperty().get() == StepperState.DONE);

        ListView<BranchSummary> branches = robot.lookup("#branchList").queryListView();
        assertThat(branches.getItems()).extracting(BranchSummary::name).containsExactly("branch 1", "branch 2");
        assertThat(branches.getItems().get(1).active()).isTrue();
        assertThat(branches.getItems().get(1).answer()).as("as the grader reads it").startsWith("r, r, r.");
        assertThat(view.viewModel().timeline()).extracting(TimelineRow::branchId).containsExactly(1, 2, 2, 2);
        assertThat(List.copyOf(backend.prompts())).hasSize(3);
    }

    @Test
    void tabReachesTheBranchListWhereArrowsPickABranchAndEnterSwitchesToIt(FxRobot robot) throws Exception {
        robot.clickOn("#runButton");
        waitEnabled(robot, "#forkButton");
        robot.clickOn("#forkButton");
        waitUntil(() -> view.viewModel().branches().size() == 2);
        ListView<BranchSummary> branches = robot.lookup("#branchList").queryListView();
        assertThat(branches.getSelectionModel().getSelectedIndex()).as("the active branch shown as picked")
                .isEqualTo(1);

        robot.interact(() -> robot.lookup("#timelineTable").query().requestFocus());
        java.util.List<String> order = new java.util.ArrayList<>();
        for (int i = 0; i < 4 && !branches.isFocused(); i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            order.add(String.valueOf(view.getScene().getFocusOwner()));
        }
        assertThat(branches.isFocused()).as("Tab from the timeline reaches the branches: %s", order).isTrue();

        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(branches.getItems().get(0).active()).as("the arrows only pick").isFalse();
        robot.type(KeyCode.ENTER);
        waitUntil(() -> view.viewModel().branches().get(0).active());
        assertThat(branches.getSelectionModel().getSelectedIndex()).isZero();
        assertThat(view.viewModel().timeline()).as("Enter did not continue to the answer").extracting(TimelineRow::kind)
                .doesNotContain("answer");

        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.SPACE);
        waitUntil(() -> view.viewModel().branches().get(1).active());

        robot.type(KeyCode.ENTER);
        waitUntil(() -> view.viewModel().stateProperty().get() == StepperState.DONE);
        assertThat(view.viewModel().timeline()).as("Enter on the branch shown lets it answer, as everywhere in the tab")
                .extracting(TimelineRow::kind).contains("answer");
    }

    @Test
    void theEditDialogOpensWithTheCaretAtTheEndOfTheThinkingAndCtrlEnterConfirms(FxRobot robot) throws Exception {
        robot.clickOn("#runButton");
        waitEnabled(robot, "#editButton");
        String thinking = view.viewModel().currentThinking();
        robot.interact(() -> robot.lookup("#traceArea").query().requestFocus());

        robot.type(KeyCode.E);
        waitUntil(() -> editor(robot) != null && editor(robot).isFocused());
        javafx.scene.control.TextArea editor = editor(robot);
        assertThat(editor.getCaretPosition()).as("the caret after the thinking").isEqualTo(thinking.length());
        robot.type(KeyCode.SPACE, KeyCode.H, KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.getText()).as("typing goes into the text").isEqualTo(thinking + " hm");
        robot.type(KeyCode.TAB);
        assertThat(editor.getScene().getFocusOwner()).as("Tab goes on to the dialog's buttons")
                .isInstanceOf(javafx.scene.control.Button.class);
        robot.press(KeyCode.SHIFT).press(KeyCode.TAB).release(KeyCode.TAB).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.isFocused()).as("and Shift+Tab back").isTrue();
        assertThat(editor.getText()).as("no tab typed").isEqualTo(thinking + " hm");

        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> editor(robot) == null);
        waitUntil(() -> view.viewModel().currentThinking().endsWith(" hm"));
    }

    @Test
    void tabLeavesThePromptWithoutChangingIt(FxRobot robot) {
        robot.interact(() -> robot.lookup("#promptField").query().requestFocus());
        robot.type(KeyCode.TAB);
        assertThat(robot.lookup("#promptField").query().isFocused()).isFalse();
        assertThat(view.viewModel().promptProperty().get()).isEqualTo("How many r's are in raspberry?");
    }

    /** The Edit dialog's text, null while no dialog shows. */
    private static javafx.scene.control.TextArea editor(FxRobot robot) {
        return robot.lookup("#editText").tryQueryAs(javafx.scene.control.TextArea.class).orElse(null);
    }

    @Test
    void theConfidenceSwitchTurnsWithSpace(FxRobot robot) {
        Node toggle = robot.lookup("#stepperConfidenceToggle").query();
        assertThat(toggle.isFocusTraversable()).isTrue();
        robot.interact(toggle::requestFocus);

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.viewModel().confidenceShownProperty().get()).isTrue();
    }

    @Test
    void theTraceFontFollowsTheRootFontSize(FxRobot robot) throws Exception {
        robot.clickOn("#runButton");
        waitEnabled(robot, "#waitButton");
        StreamingTextArea trace = robot.lookup("#traceArea").query();
        double normal = traceFontSize(robot, trace);

        robot.interact(() -> view.getScene().getRoot().setStyle("-fx-font-size: 26px;"));
        // the new size reaches the trace's text in a later pulse on a busy machine: wait for it (bounded)
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> traceFontSize(robot, trace) > normal * 1.5);
        } catch (java.util.concurrent.TimeoutException e) {
            // the assertions below say what the size is
        }
        double zoomed = traceFontSize(robot, trace);

        assertThat(zoomed).as("the trace is 1.1 em of the root font").isCloseTo(26 * 1.1, org.assertj.core.data.Offset
                .offset(0.6));
        assertThat(zoomed).isGreaterThan(normal * 1.5);
    }

    private static double traceFontSize(FxRobot robot, StreamingTextArea trace) {
        return robot.from(trace).lookup((javafx.scene.text.Text t) -> t.getText() != null
                && t.getText().contains("Two")).queryAs(javafx.scene.text.Text.class).getFont().getSize();
    }
}
