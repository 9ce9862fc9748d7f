package dev.thinkbench.app;

import dev.thinkbench.engine.local.models.BundledModels;
import dev.thinkbench.engine.ollama.OllamaEngine;
import dev.thinkbench.forcing.StepperState;
import dev.thinkbench.lab.samples.MicroExerciseSample;
import dev.thinkbench.ui.FxBackgroundTasks;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.compare.ColumnState;
import dev.thinkbench.ui.compare.ColumnView;
import dev.thinkbench.ui.compare.ColumnViewModel;
import dev.thinkbench.ui.compare.CompareViewModel;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import dev.thinkbench.ui.connection.ServerStatus;
import javafx.scene.control.Button;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lesson work in the whole window over a temporary installation (a tiny GGUF standing in for the micro model,
 * the built-in engine's real child process): a lesson's exercise sets up the workbench and runs, and the learner can
 * go back; New problem; switching engine and back keeps the micro model and its presets; a server engine is checked
 * when chosen and says why it cannot be reached.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(180)
class LessonsInTheWindowTest {

    private AppHome home;
    private AppContext context;
    private MainWindow window;
    private final FxBackgroundTasks tasks = new FxBackgroundTasks();

    @Start
    void start(Stage stage) throws IOException {
        Messages.setLocale(Locale.ENGLISH);
        home = AppHome.create(Files.createTempDirectory("thinkbench-lessons"));
        context = home.launch(name -> null);
        context.settings().update(s -> s.withWelcomeSeen());
        window = MainWindow.create(context, tasks);
        stage.setScene(window.view().createScene(1280, 800));
        stage.show();
    }

    @Stop
    void stop() throws IOException {
        window.close();
        tasks.shutdown();
        context.settings().close();
        context.builtin().close();
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new TimeoutException("timed out waiting until " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ConnectionViewModel connection() {
        return window.view().viewModel().connection();
    }

    private CompareViewModel compare() {
        return window.view().viewModel().compare();
    }

    private int selectedTab() {
        return window.view().tabs().getSelectionModel().getSelectedIndex();
    }

    private List<String> columnSettings() {
        return compare().columns().stream().map(ColumnViewModel::toSetting).toList();
    }

    private void microChosen() throws TimeoutException {
        waitUntil("the micro model is chosen", () -> BundledModels.MICRO.equals(connection().modelProperty().get())
                && compare().canRunProperty().get());
    }

    @Test
    void aLessonsExerciseSetsUpTheWorkbenchRunsItAndTheLearnerCanGoBack(FxRobot robot) throws Exception {
        microChosen();
        robot.interact(() -> {
            compare().prompt().promptProperty().set("my own prompt");
            compare().prompt().stepsProperty().set(5);
            compare().restoreColumns(List.of("mine=force:min=0,max=5,waits=0"));
        });
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedTab()).isEqualTo(MainWindow.LESSONS);
        assertThat(window.lessons().text().plainText()).startsWith("1. Test-time compute and the scaling curve");

        robot.clickOn("#startExerciseButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(selectedTab()).isEqualTo(MainWindow.COMPARE);
        assertThat(compare().prompt().sampleProperty().get().id()).isEqualTo(MicroExerciseSample.ID);
        assertThat(compare().prompt().expectedProperty().get()).isEqualTo("11");
        assertThat(compare().pricedAsProperty().get().displayName()).isEqualTo("gpt-5.4-mini");
        assertThat(columnSettings()).containsExactly("8 tokens=force:min=0,max=8,waits=0",
                "24 tokens=force:min=0,max=24,waits=0", "64 tokens=force:min=0,max=64,waits=0");
        waitUntil("every column ran", () -> !compare().runningProperty().get() && compare().columns().stream()
                .allMatch(c -> c.live().getState() == ColumnState.DONE));
        // started again over those runs, in no file: "save first?" as before Open, and Cancel leaves them
        robot.interact(() -> window.lessons().viewModel().startExercise());
        assertThat(robot.lookup("#unsavedRuns").tryQuery()).as("save first?").isPresent();
        robot.clickOn("#unsavedCancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#unsavedRuns").tryQuery()).isEmpty();
        assertThat(compare().columns()).allMatch(c -> c.live().getState() == ColumnState.DONE);
        List<ColumnView> views = window.view().compareView().columnsPane().columnViews();
        assertThat(views).allSatisfy(v -> assertThat(v.verdictBox().markText()).startsWith("wrong"));
        assertThat(compare().columns()).allSatisfy(c -> assertThat(c.live().getMetrics().cost().note())
                .startsWith("Estimate at gpt-5.4-mini rates"));
        // question 3 asks for a budget of 256: the lesson's "64 tokens" column then says what it is, and edited back
        // it is the lesson's again
        robot.interact(() -> compare().columns().get(2).budgetTextProperty().set("force:min=0,max=256,waits=0"));
        assertThat(compare().columns().get(2).labelProperty().get()).isEqualTo("max 256");
        robot.interact(() -> compare().columns().get(2).budgetTextProperty().set("force:min=0,max=64,waits=0"));
        assertThat(compare().columns().get(2).labelProperty().get()).isEqualTo("64 tokens");
        // the lesson's questions stay in reach beside the results: a toggle in the top bar, the questions above the tabs
        Node head = robot.lookup("#lessonQuestionsHead").query();
        Node bar = robot.lookup("#lessonQuestions").query();
        assertThat(head.isVisible()).isTrue();
        assertThat(bar.isVisible()).as("closed in an 800-px window, the exercise keeps its room").isFalse();
        robot.clickOn("#lessonQuestionsToggle");
        assertThat(bar.isVisible()).isTrue();
        assertThat(robot.lookup("#lessonQuestionsTitle").queryAs(Label.class).getText())
                .isEqualTo("Lesson: 1. Test-time compute and the scaling curve");
        javafx.scene.layout.VBox list = robot.lookup("#lessonQuestionsList").queryAs(javafx.scene.layout.VBox.class);
        assertThat(list.getChildren()).hasSize(6).element(1).satisfies(n -> assertThat(((Label) n).getText())
                .startsWith("1. Which budgets get the answer right?"));
        // the answers, folded until asked for: try first, then check
        Node answers = robot.lookup("#exerciseAnswers").query();
        assertThat(list.getChildren().getLast()).isSameAs(answers);
        assertThat(robot.lookup("#exerciseAnswers .lesson-answer").queryAllAs(Label.class)).isNotEmpty()
                .allSatisfy(n -> assertThat(n.getParent().isVisible()).isFalse());
        robot.clickOn("#exerciseAnswersToggle");
        assertThat(robot.lookup("#exerciseAnswers .lesson-answer").queryAllAs(Label.class)).hasSize(4)
                .first().satisfies(a -> {
                    assertThat(a.getText()).startsWith("1. Only the 64-token column is right (11).");
                    assertThat(a.getParent().isVisible()).isTrue();
                });
        // questions and answers open in an 800-px window: they scroll, and Run stays in view
        WaitForAsyncUtils.waitForFxEvents();
        Node run = robot.lookup("#runButton").query();
        assertThat(run.localToScene(run.getLayoutBounds()).getMaxY()).as("Run in view")
                .isLessThanOrEqualTo(run.getScene().getHeight());
        assertThat(bar.getLayoutBounds().getHeight()).as("the questions within a quarter of the window")
                .isLessThanOrEqualTo(0.25 * run.getScene().getHeight() + 12);
        robot.clickOn("#lessonQuestionsBack");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedTab()).isEqualTo(MainWindow.LESSONS);
        assertThat(head.isVisible()).as("the lesson itself is on screen").isFalse();
        assertThat(bar.isVisible()).isFalse();
        robot.interact(() -> window.view().selectTab(MainWindow.COMPARE));
        assertThat(bar.isVisible()).isTrue();
        robot.clickOn("#lessonQuestionsClose");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(head.isVisible()).as("put away").isFalse();
        assertThat(bar.isVisible()).isFalse();

        robot.interact(() -> window.view().selectTab(MainWindow.LESSONS));
        robot.clickOn("#restoreWorkbenchButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(compare().prompt().promptProperty().get()).isEqualTo("my own prompt");
        assertThat(compare().prompt().sampleNoteProperty().get()).as("the lesson sample's note went with it")
                .isEmpty();
        assertThat(compare().prompt().stepsProperty().get()).isEqualTo(5);
        assertThat(columnSettings()).containsExactly("mine=force:min=0,max=5,waits=0");
        assertThat(compare().pricedAsProperty().get()).isNull();
        assertThat(robot.lookup("#restoreWorkbenchButton").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void theForcingLessonOpensTheStepperOnAProblemWhereAWaitMattersAndRunsIt(FxRobot robot) throws Exception {
        microChosen();
        robot.interact(() -> {
            window.view().selectTab(MainWindow.LESSONS);
            window.lessons().viewModel().selectedProperty().set(window.lessons().viewModel().lessons().get(2));
        });
        assertThat(window.lessons().text().plainText()).startsWith("3. s1 budget forcing");

        robot.clickOn("#startExerciseButton");
        var stepper = window.stepperTab().viewModel().stepper();
        waitUntil("the model pauses where it wants to stop", () -> stepper.stateProperty().get()
                == StepperState.PAUSED);

        assertThat(selectedTab()).isEqualTo(MainWindow.STEPPER);
        assertThat(stepper.promptProperty().get())
                .isEqualTo("A bus has 49 people. 24 more board. 7 get off. How many people are on the bus now?");

        robot.interact(stepper::waitMore);
        waitUntil("the Wait step pauses", () -> stepper.stateProperty().get() == StepperState.PAUSED
                && stepper.timeline().size() == 2);
        robot.interact(stepper::forceAnswer);
        waitUntil("the answer is written", () -> stepper.stateProperty().get() == StepperState.DONE);
        assertThat(stepper.timeline()).extracting(dev.thinkbench.ui.stepper.TimelineRow::kind)
                .containsExactly("think", "wait", "answer (forced)");
        // every timeline cell shows its whole text, however narrow its column: it wraps, the row grows
        javafx.scene.text.Text forced = robot.lookup(".timeline-cell-text")
                .match((javafx.scene.text.Text t) -> t.getText().equals("answer (forced)"))
                .queryAs(javafx.scene.text.Text.class);
        javafx.scene.control.TableCell<?, ?> cell = (javafx.scene.control.TableCell<?, ?>) forced.getParent();
        assertThat(forced.getLayoutBounds().getWidth()).isLessThanOrEqualTo(cell.getWidth());
        assertThat(forced.getBoundsInParent().getMaxY()).isLessThanOrEqualTo(cell.getHeight() + 0.5);
    }

    @Test
    void backToMyWorkbenchShowsTheStepsTakenBeforeTheLessonAgain(FxRobot robot) throws Exception {
        microChosen();
        var stepper = window.stepperTab().viewModel().stepper();
        String mine = "A bus has 20 people. 5 get off. How many people are on the bus now?";
        robot.interact(() -> {
            stepper.promptProperty().set(mine);
            stepper.expectedProperty().set("15");
            stepper.run();
        });
        waitUntil("my own run pauses", () -> stepper.stateProperty().get() == StepperState.PAUSED);

        robot.interact(() -> {
            window.view().selectTab(MainWindow.LESSONS);
            window.lessons().viewModel().selectedProperty().set(window.lessons().viewModel().lessons().get(2));
        });
        robot.clickOn("#startExerciseButton");
        waitUntil("the lesson's run pauses", () -> stepper.stateProperty().get() == StepperState.PAUSED
                && stepper.lastSnapshot().prompt().contains("49 people"));
        robot.interact(() -> window.view().selectTab(MainWindow.LESSONS));
        robot.clickOn("#restoreWorkbenchButton");

        // the session's prompt is the model's whole input (the chat template around the text)
        waitUntil("my steps are shown again", () -> stepper.lastSnapshot().prompt().contains(mine)
                && stepper.timeline().size() == 1);
        assertThat(stepper.promptProperty().get()).isEqualTo(mine);
        assertThat(stepper.expectedProperty().get()).isEqualTo("15");
    }

    @Test
    void theAdaptiveLessonColoursTheThinkingByTheBuiltInModelsTokenConfidence(FxRobot robot) throws Exception {
        microChosen();
        robot.interact(() -> {
            window.view().selectTab(MainWindow.LESSONS);
            window.lessons().viewModel().selectedProperty().set(window.lessons().viewModel().lessons().get(4));
        });

        robot.clickOn("#startExerciseButton");
        waitUntil("every column ran", () -> !compare().runningProperty().get() && compare().columns().stream()
                .allMatch(c -> !c.live().getState().active()));

        assertThat(compare().confidenceShownProperty().get()).isTrue();
        assertThat(compare().confidenceUnavailableProperty().get()).isEmpty();
        List<ColumnView> views = window.view().compareView().columnsPane().columnViews();
        assertThat(compare().columns()).allSatisfy(c -> assertThat(c.live().confidenceReportedProperty().get())
                .as(c.live().errorProperty().get()).isTrue());
        ColumnView first = views.getFirst();
        // the tiny model is sure of its greedy chain "Let x=2."
        String coloured = java.util.stream.Stream.of(".confidence-sure", ".confidence-unsure", ".confidence-guessing")
                .flatMap(c -> first.lookupAll(c).stream()).map(n -> ((javafx.scene.text.Text) n).getText())
                .collect(java.util.stream.Collectors.joining());
        assertThat(coloured).as("the thinking and the answer, coloured")
                .isEqualTo(first.thinkingText() + first.answerText()).isNotEmpty();
    }

    @Test
    void theLessonsReadInKoreanToo(FxRobot robot) {
        robot.interact(() -> window.view().selectTab(MainWindow.LESSONS));
        robot.clickOn("#language-ko");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.lessons().text().plainText()).startsWith("1. 테스트 타임 컴퓨트와 스케일링 곡선");
    }

    @Test
    void newProblemPutsAFreshProblemWithItsAnswerInThePrompt(FxRobot robot) throws Exception {
        microChosen();
        String before = compare().prompt().promptProperty().get();
        robot.interact(() -> compare().prompt().stepsProperty().set(2));

        robot.clickOn("#newProblemButton");
        WaitForAsyncUtils.waitForFxEvents();

        var sample = compare().prompt().sampleProperty().get();
        assertThat(compare().prompt().promptProperty().get()).isNotEqualTo(before).isEqualTo(sample.prompt());
        assertThat(sample.title()).isEqualTo("New problem (2 steps)");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Object> samples = robot.lookup("#samplesChoice")
                .queryAs(javafx.scene.control.ComboBox.class);
        assertThat(samples.getButtonCell().getText()).as("the drawn problem's title, not its record")
                .isEqualTo("New problem (2 steps)");
        assertThat(robot.lookup("#expectedField").queryAs(TextField.class).getText()).isEqualTo(sample.answer())
                .matches("\\d+");
        assertThat(compare().promptWarningProperty().get()).isEmpty();

        robot.clickOn("#newProblemButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(samples.getButtonCell().getText()).as("drawn again").isEqualTo("New problem (2 steps)");
        assertThat(samples.getItems()).as("the last drawn problem only, first").first()
                .isEqualTo(compare().prompt().sampleProperty().get());
        assertThat(samples.getItems()).filteredOn(o -> o.toString().contains("New problem")).hasSize(1);
    }

    @Test
    void aPromptOutsideTheMicroModelsWorldIsNamedInsteadOfRun(FxRobot robot) throws Exception {
        microChosen();
        robot.interact(() -> compare().prompt().promptProperty().set("What is the capital of France?"));

        assertThat(robot.lookup("#promptWarning").queryAs(Label.class).getText())
                .isEqualTo("The built-in micro model only solves small arithmetic word problems; pick a real model "
                        + "for this prompt.");
        // the Stepper has a Run button too: this is the Compare tab's
        robot.clickOn(robot.from(window.view().compareView().promptPane()).lookup("#runButton")
                .queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();

        List<ColumnView> views = window.view().compareView().columnsPane().columnViews();
        assertThat(views).allSatisfy(v -> {
            assertThat(v.viewModel().live().getState()).isEqualTo(ColumnState.SKIPPED);
            assertThat(v.verdictBox().noticeText()).as("the why once, under the prompt")
                    .isEqualTo("Not run: the note under the prompt says why.");
            assertThat(v.thinkingText()).isEmpty();
        });
    }

    @Test
    void switchingEngineAndBackKeepsTheMicroModelAndItsPresets(FxRobot robot) throws Exception {
        microChosen();
        List<String> micro = columnSettings();
        assertThat(micro).allSatisfy(c -> assertThat(c).contains("=force:"));
        @SuppressWarnings("unchecked")
        ComboBox<dev.thinkbench.engine.EngineRegistry.Entry> engines = robot.lookup("#enginePicker").queryAs(
                ComboBox.class);

        robot.interact(() -> engines.setValue(engines.getItems().stream().filter(e -> e.id().equals(OllamaEngine.ID))
                .findFirst().orElseThrow()));
        assertThat(columnSettings()).isNotEqualTo(micro);
        robot.interact(() -> engines.setValue(engines.getItems().getFirst()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(connection().engineEntryProperty().get().id()).isEqualTo("builtin");
        assertThat(connection().modelProperty().get()).isEqualTo(BundledModels.MICRO);
        assertThat(columnSettings()).isEqualTo(micro);
        waitUntil("Run is enabled", () -> compare().canRunProperty().get());
    }

    @Test
    void aServerEngineIsCheckedWhenChosenAndARefusedConnectionSaysSoWithTheWholeMessageOnClick(FxRobot robot)
            throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed;
        robot.interact(() -> connection().use(OllamaEngine.ID, url, null, null));
        waitUntil("the check ends", () -> connection().statusProperty().get().state()
                != ServerStatus.State.CHECKING);

        ServerStatus status = connection().statusProperty().get();
        assertThat(status.state()).isEqualTo(ServerStatus.State.PROBLEM);
        assertThat(status.summary()).isEqualTo("Not reachable: Ollama");
        assertThat(status.detail()).contains(url);
        Button badge = robot.lookup("#serverStatus").queryAs(Button.class);
        assertThat(badge.getText()).isEqualTo("Not reachable: Ollama");

        robot.clickOn(badge);
        WaitForAsyncUtils.waitForFxEvents();

        Label detail = robot.lookup("#serverStatusDetail").queryAs(Label.class);
        assertThat(detail.getText()).isEqualTo(status.detail());
    }

    @Test
    void aServerEnginesFieldsAndItsCheckFitTheBarOfA1280PixelWindow(FxRobot robot) throws Exception {
        microChosen();
        waitUntil("the model loaded", () -> robot.lookup("#modelStatus").queryAs(Button.class).isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#serverStatus", "#modelStatus")) {
            Button shortBadge = robot.lookup(id).queryAs(Button.class);
            assertThat(shortBadge.getWidth()).as("%s keeps its few words whole", id)
                    .isGreaterThanOrEqualTo(shortBadge.prefWidth(-1) - 0.5);
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        robot.interact(() -> connection().use(dev.thinkbench.engine.raw.LlamaServerBackend.ID,
                "http://127.0.0.1:" + closed, null, null));
        waitUntil("the check ends", () -> connection().statusProperty().get().state()
                != ServerStatus.State.CHECKING);
        WaitForAsyncUtils.waitForFxEvents();

        Button badge = robot.lookup("#serverStatus").queryAs(Button.class);
        Node session = robot.lookup("#sessionMenu").query();
        assertThat(badge.isVisible()).isTrue();
        // the badge ran under the Session button: it is cut short within the bar now
        assertThat(badge.localToScene(badge.getLayoutBounds()).getMaxX()).as("the check's badge ends before Session")
                .isLessThan(session.localToScene(session.getLayoutBounds()).getMinX());
    }
}
