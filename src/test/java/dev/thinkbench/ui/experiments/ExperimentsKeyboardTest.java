package dev.thinkbench.ui.experiments;

import dev.thinkbench.lab.sweep.SweepRunner;
import dev.thinkbench.lab.sweep.SweepStore;
import dev.thinkbench.testing.AnswerTestEngine;
import dev.thinkbench.testing.RecordingTestClock;
import dev.thinkbench.ui.FxBackgroundTasks;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.WorkbenchServices;
import dev.thinkbench.ui.common.KeyboardModality;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.RangeSlider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Experiments tab with the keyboard alone: the Strategies picker opens with the keys a combo box opens with, a
 * results cell opens its trace with Enter and its grading menu with Shift+F10 or the Menu key, Stop leaves the focus in
 * the tab, and every stop of the range slider shows the focus ring.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class ExperimentsKeyboardTest {

    private static final String PROBLEMS = """
            {"id":"p1","prompt":"What is 2 + 2?","answer":"4","difficulty":1}
            {"id":"p2","prompt":"What is 3 + 5?","answer":"8","difficulty":2}
            """;

    private final AnswerTestEngine engine = new AnswerTestEngine("answers",
            spec -> AnswerTestEngine.Reply.answer("Final Answer: 4", 8));
    private final FxBackgroundTasks tasks = new FxBackgroundTasks();
    private Path dir;
    private ExperimentsView view;
    private ExperimentsViewModel vm;
    private Stage stage;
    private Button engineBox;

    @Start
    void start(Stage primary) throws Exception {
        // a stage of its own: the primary stage is shared with the tests that follow
        stage = new Stage();
        // the app's theme: the ring's colour and the thumbs' look are its variables
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight()
                .getUserAgentStylesheet());
        dir = Files.createTempDirectory("thinkbench-keys");
        Files.writeString(dir.resolve("set.jsonl"), PROBLEMS, StandardCharsets.UTF_8);
        WorkbenchServices services = WorkbenchFixture.services("answers", "Answer engine", engine);
        ConnectionViewModel connection = new ConnectionViewModel(services.engines(), tasks, services.environment());
        connection.modelProperty().set("test-model");
        view = new ExperimentsView(new ExperimentsViewModel(connection, services, new SweepStore(dir.resolve("sweeps")),
                dir.resolve("no-samples-here"), tasks, SweepRunner.Options.defaults().withClock(new RecordingTestClock())));
        view.setChoosers(w -> dir.resolve("set.jsonl"), w -> dir.resolve("export"));
        vm = view.viewModel();
        // the window's first control, where a focus with nowhere to go lands
        engineBox = new Button("Engine");
        engineBox.setId("engineBox");
        BorderPane root = KeyboardModality.track(new BorderPane(view, engineBox, null, null, null));
        stage.setScene(new Scene(root, 1280, 800));
        stage.getScene().getStylesheets().add(dev.thinkbench.ui.WorkbenchView.STYLESHEET);
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            vm.close();
            stage.hide();
            javafx.application.Application.setUserAgentStylesheet(null);
        });
        tasks.shutdown();
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    private Node focusOwner() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> stage.getScene().getFocusOwner()).get();
    }

    private void importProblems(FxRobot robot) throws Exception {
        robot.interact(() -> view.setupController().form().lookup("#importButton").fireEvent(
                new javafx.event.ActionEvent()));
        waitUntil("the problems load", () -> vm.setup().problemsProperty().get().size() == 2);
    }

    @Test
    void theStrategiesPickerOpensWithTheKeysThatOpenACombobox(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        CheckComboBox<String> picker = robot.lookup("#strategies").queryAs(CheckComboBox.class);
        Node inner = robot.lookup("#strategies .combo-box").query();
        for (List<KeyCode> keys : List.of(List.of(KeyCode.SPACE), List.of(KeyCode.ENTER), List.of(KeyCode.F4),
                List.of(KeyCode.ALT, KeyCode.DOWN))) {
            robot.interact(picker::requestFocus);
            robot.press(keys.toArray(KeyCode[]::new)).release(keys.reversed().toArray(KeyCode[]::new));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(((javafx.scene.control.ComboBox<?>) inner).isShowing()).as("opened by %s", keys).isTrue();
            robot.interact(picker::hide);
        }
    }

    @Test
    void enterOpensTheFocusedCellsTraceAndShiftF10ItsGradingMenu(FxRobot robot) throws Exception {
        importProblems(robot);
        robot.interact(view::startSweep);
        waitUntil("the sweep ends", () -> vm.phaseProperty().get() == Phase.ENDED);
        ResultsTable table = view.table();
        robot.interact(() -> {
            table.requestFocus();
            table.getFocusModel().focus(1, table.getVisibleLeafColumns().get(1));
        });
        robot.type(KeyCode.ENTER);
        waitUntil("the trace shows", () -> view.traceView().shownKey() != null);
        assertThat(view.traceView().shownKey().problemId()).isEqualTo("p2");
        assertThat(view.traceView().shownKey().label()).isEqualTo(table.getVisibleLeafColumns().get(1)
                .getUserData() instanceof ColumnKey k ? k.label() : null);

        for (List<KeyCode> keys : List.of(List.of(KeyCode.SHIFT, KeyCode.F10), List.of(KeyCode.CONTEXT_MENU))) {
            robot.interact(table::requestFocus);
            robot.press(keys.toArray(KeyCode[]::new)).release(keys.reversed().toArray(KeyCode[]::new));
            WaitForAsyncUtils.waitForFxEvents();
            ContextMenu menu = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                    .filter(w -> w instanceof ContextMenu && w.isShowing()).map(w -> (ContextMenu) w)
                    .findFirst().orElse(null)).get();
            assertThat(menu).as("the grading menu opened by %s", keys).isNotNull();
            assertThat(menu.getItems()).extracting(MenuItem::getText).contains("Mark correct", "Mark wrong");
            robot.interact(menu::hide);
        }
    }

    @Test
    void afterStopTheFocusStaysInTheTab(FxRobot robot) throws Exception {
        importProblems(robot);
        engine.hold(1);
        robot.interact(view::startSweep);
        engine.awaitHeld();
        waitUntil("the sweep runs", () -> vm.phaseProperty().get() == Phase.RUNNING);
        Button stop = robot.lookup("#stopSweep").queryButton();
        robot.interact(stop::requestFocus);
        robot.type(KeyCode.SPACE);
        engine.release();
        waitUntil("the sweep ends", () -> vm.phaseProperty().get() == Phase.ENDED);
        WaitForAsyncUtils.waitForFxEvents();
        Node focused = focusOwner();
        assertThat(focused).as("not the window's first control").isNotSameAs(engineBox);
        assertThat(dev.thinkbench.ui.common.SceneGraph.isInside(focused, view)).as("in the tab: %s", focused).isTrue();
        assertThat(focused).as("Start, or the toggle that shows the form when a narrow window hid it").isSameAs(
                robot.lookup(view.setupShown() ? "#startSweep" : "#setupToggle").query());
    }

    @Test
    void everyTabStopOfTheRangeSliderShowsTheRing(FxRobot robot) throws Exception {
        robot.interact(() -> vm.setup().budgetModeProperty().set(BudgetMode.RANGE));
        WaitForAsyncUtils.waitForFxEvents();
        RangeSlider range = robot.lookup("#range").queryAs(RangeSlider.class);
        robot.interact(() -> robot.lookup("#rangeMode").query().requestFocus());
        // the skin's thumbs, made when the slider first shows
        javafx.scene.layout.Region low = (javafx.scene.layout.Region) range.lookup(".low-thumb");
        javafx.scene.layout.Region high = (javafx.scene.layout.Region) range.lookup(".high-thumb");

        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(low.isFocused()).isTrue();
        assertThat(low.getBorder()).as("the low thumb's ring").isNotNull();
        assertThat(high.getBorder()).isNull();
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(high.isFocused()).isTrue();
        assertThat(high.getBorder()).as("the high thumb's ring").isNotNull();
        assertThat(low.getBorder()).isNull();
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusOwner()).as("the next control, not the text under the slider")
                .isSameAs(robot.lookup("#rangeKind").query());
        robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dev.thinkbench.ui.common.SceneGraph.isInside(focusOwner(), range)).as("back on the slider").isTrue();
        assertThat(low.getBorder() != null || high.getBorder() != null).as("a thumb shows the ring").isTrue();
    }
}
