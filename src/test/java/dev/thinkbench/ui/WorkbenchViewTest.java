package dev.thinkbench.ui;

import dev.thinkbench.app.WorkbenchFactory;
import dev.thinkbench.engine.compat.OpenAiCompatEngine;
import dev.thinkbench.lab.settings.Settings;
import dev.thinkbench.testing.OnFx;
import dev.thinkbench.testing.OpenAiChatScript;
import dev.thinkbench.testing.OpenAiChatTestServer;
import dev.thinkbench.testing.RecordedRequest;
import dev.thinkbench.testing.ScriptedReply;
import dev.thinkbench.ui.compare.ColumnState;
import dev.thinkbench.ui.compare.ColumnView;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench window, headless, against a real OpenAI-compatible server on loopback through the real adapter: the
 * default small / medium / large columns ({@code effort:low|medium|high}) each get their own scripted stream.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchViewTest {

    private static final String MODEL = "qwen3-8b";

    private final OpenAiChatTestServer server = OpenAiChatTestServer.start().models(MODEL);
    private WorkbenchView view;

    @Start
    void start(Stage stage) throws IOException {
        view = WorkbenchFixture.openAiCompatible(server);
        stage.setScene(view.createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String effort(RecordedRequest request) {
        return request.json().path("reasoning_effort").asText("none");
    }

    /** Thinking and answer pieces that name the effort level, so each column's text is its own. */
    private static ScriptedReply answering(String effort) {
        return OpenAiChatScript.of(MODEL).every(Duration.ofMillis(5))
                .reasoning("Thinking at " + effort + ". ", "Six times seven ", "is forty-two.")
                .content("42 ", "(" + effort + ")").finish("stop").usage(20, 7, 3).done();
    }

    private List<ColumnView> columns() {
        return view.compareView().columnsPane().columnViews();
    }

    private void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new TimeoutException("timed out waiting until " + what);
        }
    }

    private void waitForStates(ColumnState... states) throws TimeoutException {
        waitFor("columns are " + List.of(states), () -> {
            List<ColumnView> cols = columns();
            for (int i = 0; i < states.length; i++) {
                if (cols.get(i).viewModel().live().getState() != states[i]) {
                    return false;
                }
            }
            return true;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void typePromptAndRun(FxRobot robot) throws TimeoutException {
        waitFor("the model list arrives", () -> MODEL.equals(view.viewModel().connection().modelProperty().get()));
        robot.clickOn("#promptArea").write("What is 6 x 7?");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
    }

    @Test
    void threeColumnsFillWithTheirOwnThinkingAnswerAndMetrics(FxRobot robot) throws TimeoutException {
        server.respond(request -> answering(effort(request)));

        typePromptAndRun(robot);
        waitForStates(ColumnState.DONE, ColumnState.DONE, ColumnState.DONE);

        List<String> efforts = List.of("low", "medium", "high");
        for (int i = 0; i < 3; i++) {
            ColumnView column = columns().get(i);
            String effort = efforts.get(i);
            assertThat(column.thinkingText()).isEqualTo("Thinking at " + effort + ". Six times seven is forty-two.");
            assertThat(column.answerText()).isEqualTo("42 (" + effort + ")");
            assertThat(column.metricsStrip().valueOf("Thinking")).isEqualTo("3");
            assertThat(column.metricsStrip().valueOf("Answer")).isEqualTo("4");
            assertThat(column.metricsStrip().valueOf("Prompt")).isEqualTo("20");
            assertThat(column.metricsStrip().valueOf("Cost")).isEqualTo("free");
            assertThat(column.metricsStrip().valueOf("Total")).isNotEqualTo("\u2013");
            assertThat(robot.from(column).lookup(".state-chip").queryAs(Label.class).getText()).isEqualTo("done");
        }
        assertThat(server.chatRequests()).extracting(WorkbenchViewTest::effort)
                .containsExactlyInAnyOrderElementsOf(efforts);
        assertThat(server.chatRequests()).allSatisfy(r -> {
            assertThat(r.json().path("messages").get(0).path("content").asText()).isEqualTo("What is 6 x 7?");
            assertThat(r.json().path("seed").asLong()).isEqualTo(42);
        });
    }

    @Test
    void theColumnsAskForFramesOnlyWhileRunsStreamAndTheNextRunStreamsAgain(FxRobot robot) throws TimeoutException {
        server.respond(request -> answering(effort(request)));
        waitFor("an idle window asks for no frames", () -> OnFx.call(() -> !view.compareView().framesRunning()));

        typePromptAndRun(robot);
        waitForStates(ColumnState.DONE, ColumnState.DONE, ColumnState.DONE);
        waitFor("the frames stop once the runs have ended",
                () -> OnFx.call(() -> !view.compareView().framesRunning()));

        server.respond(request -> answering("again " + effort(request)));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitForStates(ColumnState.DONE, ColumnState.DONE, ColumnState.DONE);
        assertThat(columns()).extracting(ColumnView::answerText).containsExactly("42 (again low)",
                "42 (again medium)", "42 (again high)");
        waitFor("the frames stop again", () -> OnFx.call(() -> !view.compareView().framesRunning()));
    }

    @Test
    void escapeCancelsEveryColumnAndKeepsWhatArrived(FxRobot robot) throws TimeoutException {
        server.respond(request -> OpenAiChatScript.of(MODEL).reasoning("Partial " + effort(request) + " thought.")
                .stall(Duration.ofSeconds(30)));

        typePromptAndRun(robot);
        waitFor("every column shows its first thought", () -> columns().stream()
                .allMatch(c -> c.viewModel().live().getState() == ColumnState.THINKING));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitForStates(ColumnState.CANCELLED, ColumnState.CANCELLED, ColumnState.CANCELLED);

        assertThat(columns()).extracting(ColumnView::thinkingText).containsExactly("Partial low thought.",
                "Partial medium thought.", "Partial high thought.");
        assertThat(columns()).allSatisfy(c -> assertThat(c.viewModel().live().statusTextProperty().get())
                .startsWith("Cancelled after").endsWith("the partial output is kept"));
        assertThat(robot.lookup("#runButton").queryButton().isDisabled()).isFalse();
    }

    @Test
    void aFailingColumnShowsItsErrorAloneAndRetryRecovers(FxRobot robot) throws TimeoutException {
        boolean[] healed = {false};
        server.respond(request -> effort(request).equals("medium") && !healed[0]
                ? OpenAiChatScript.of(MODEL).reasoning("Half a thought").abort()
                : answering(effort(request)));

        typePromptAndRun(robot);
        waitForStates(ColumnState.DONE, ColumnState.FAILED, ColumnState.DONE);

        ColumnView medium = columns().get(1);
        Node errorBox = robot.from(medium).lookup(".error-box").query();
        assertThat(errorBox.isVisible()).isTrue();
        assertThat(robot.from(medium).lookup(".error-title").queryAs(Label.class).getText())
                .endsWith("partial output kept");
        assertThat(medium.thinkingText()).isEqualTo("Half a thought");
        assertThat(medium.viewModel().live().errorProperty().get()).isNotBlank();
        for (int i : new int[] {0, 2}) {
            assertThat(robot.from(columns().get(i)).lookup(".error-box").query().isVisible()).isFalse();
            assertThat(columns().get(i).answerText()).startsWith("42 ");
        }

        healed[0] = true;
        robot.clickOn(robot.from(errorBox).lookup(".button").queryButton());
        waitForStates(ColumnState.DONE, ColumnState.DONE, ColumnState.DONE);

        assertThat(medium.answerText()).isEqualTo("42 (medium)");
        assertThat(errorBox.isVisible()).isFalse();
    }

    @Test
    void runIsDisabledWithAHintUntilThereIsAPrompt(FxRobot robot) throws TimeoutException {
        waitFor("the model list arrives", () -> MODEL.equals(view.viewModel().connection().modelProperty().get()));
        Button run = robot.lookup("#runButton").queryButton();
        Label hint = robot.lookup("#runHint").queryAs(Label.class);

        assertThat(run.isDisabled()).isTrue();
        assertThat(hint.getText()).isEqualTo("Write a prompt or pick a sample to run");

        double runY = run.localToScene(0, 0).getY();
        robot.clickOn("#promptArea").write("Hi");
        assertThat(run.isDisabled()).isFalse();
        assertThat(hint.isVisible()).isFalse();
        assertThat(run.localToScene(0, 0).getY()).as("Run stays under the pointer when its hint goes")
                .isEqualTo(runY);
    }

    @Test
    void aBudgetTheParserRejectsIsOutlinedWithItsMessage(FxRobot robot) {
        ColumnView large = columns().get(2);
        TextField budget = robot.from(large).lookup(".budget-field").queryAs(TextField.class);

        robot.doubleClickOn(budget).eraseText(20).write("tokens:0");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(budget.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("danger"));
        Label error = robot.from(large).lookup(".field-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("tokens must be between 1 and 1000000, was 0");
        assertThat(robot.lookup("#runHint").queryAs(Label.class).getText()).isNotEmpty();
    }

    @Test
    void theThemeToggleSwitchesBetweenLightAndDark(FxRobot robot) {
        assertThat(view.viewModel().themeProperty().get()).isEqualTo(Theme.LIGHT);

        robot.clickOn("#themeToggle");
        assertThat(view.viewModel().themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-dark");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(view.viewModel().themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-light");
    }

    @Test
    void settingsRememberEngineModelThemeAndColumnsButNoKey(FxRobot robot) throws TimeoutException {
        waitFor("the model list arrives", () -> MODEL.equals(view.viewModel().connection().modelProperty().get()));
        robot.interact(() -> {
            view.viewModel().toggleTheme();
            view.viewModel().compare().columns().getFirst().labelProperty().set("quick");
            view.viewModel().connection().apiKeyVariableProperty().set("SOME_KEY_VAR");
        });

        Settings saved = WorkbenchFactory.settingsOf(view.viewModel(), Settings.defaults());

        assertThat(saved.engineId()).isEqualTo(OpenAiCompatEngine.ID);
        assertThat(saved.model()).isEqualTo(MODEL);
        assertThat(saved.theme()).isEqualTo("dark");
        assertThat(saved.apiKeyEnvOf(OpenAiCompatEngine.ID)).isEqualTo("SOME_KEY_VAR");
        assertThat(saved.apiKeyEnvs()).as("named for that engine only").hasSize(1);
        assertThat(saved.columns()).containsExactly("quick=effort:low", "medium=effort:medium", "large=effort:high");
        robot.interact(() -> view.viewModel().toggleTheme());
    }

    @Test
    void addingAColumnShowsItAndItCanBeRemoved(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(columns()).hasSize(4);

        robot.clickOn(robot.from(columns().get(3)).lookup(".remove-column").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(columns()).hasSize(3);

        // by the keyboard: the focus stays among the columns (it went to the engine box at the top)
        javafx.scene.control.Button x = robot.from(columns().get(1)).lookup(".remove-column").queryButton();
        robot.interact(x::requestFocus);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(columns()).hasSize(2);
        javafx.scene.Node focused = robot.lookup("#columnsPane").tryQuery().map(javafx.scene.Node::getScene)
                .orElse(columns().get(0).getScene()).getFocusOwner();
        assertThat(focused).as("the x of the column now in its place")
                .isSameAs(robot.from(columns().get(1)).lookup(".remove-column").queryButton());
    }

    @Test
    void theStepsOfTheNextProblemAreCountedInWords(FxRobot robot) {
        Label unit = robot.lookup("#stepsUnit").queryAs(Label.class);
        javafx.scene.control.Spinner<?> steps = robot.lookup("#stepsSpinner").queryAs(javafx.scene.control.Spinner.class);
        robot.interact(() -> view.viewModel().compare().prompt().stepsProperty().set(1));
        assertThat(unit.getText()).as("New problem of 1 step").isEqualTo("step");
        robot.interact(() -> view.viewModel().compare().prompt().stepsProperty().set(4));
        assertThat(unit.getText()).isEqualTo("steps");
        assertThat(steps.getValue()).isEqualTo(4);
    }
}
