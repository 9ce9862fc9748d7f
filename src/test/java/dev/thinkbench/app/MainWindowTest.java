package dev.thinkbench.app;

import dev.thinkbench.testing.FakeKeys;
import dev.thinkbench.engine.local.models.BundledModels;
import dev.thinkbench.engine.ollama.OllamaEngine;
import dev.thinkbench.forcing.StepperState;
import dev.thinkbench.lab.samples.MicroExerciseSample;
import dev.thinkbench.lab.settings.Settings;
import dev.thinkbench.lab.settings.SettingsStore;
import dev.thinkbench.testing.TinyGguf;
import dev.thinkbench.ui.FxBackgroundTasks;
import dev.thinkbench.ui.compare.ColumnViewModel;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import dev.thinkbench.ui.stepper.StepperViewModel;
import dev.thinkbench.ui.stepper.TimelineRow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole main window over a temporary installation (a tiny GGUF as the bundled micro model, the built-in engine's
 * real child process), headless: tabs and their keys, the first-launch welcome, the defaults, the stepper on a chat
 * engine and on the built-in engine, the model manager's one-click use, and what the settings file keeps.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(180)
class MainWindowTest {

    private static final String SECRET = "sk-main-window-test-secret";

    private AppHome home;
    private AppContext context;
    private MainWindow window;
    private final FxBackgroundTasks tasks = new FxBackgroundTasks();

    @Start
    void start(Stage stage) throws IOException {
        home = AppHome.create(Files.createTempDirectory("thinkbench-main-window"));
        TinyGguf.write(home.data().resolve("models/tiny.gguf"));
        context = home.launch(Map.of("DEEPSEEK_API_KEY", SECRET)::get);
        window = MainWindow.create(context, tasks);
        stage.setScene(window.view().createScene(1280, 800));
        stage.show();
        window.showWelcomeIfFirstLaunch();
    }

    @Stop
    void stop() {
        window.close();
        tasks.shutdown();
        try {
            context.settings().close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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

    private StepperViewModel stepper() {
        return window.stepperTab().viewModel().stepper();
    }

    private void skipWelcome(FxRobot robot) {
        robot.clickOn("#dismissButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int selectedTab() {
        return window.view().tabs().getSelectionModel().getSelectedIndex();
    }

    private void waitEnabled(FxRobot robot, String id) throws TimeoutException {
        Node button = robot.lookup(id).query();
        waitUntil(id + " is enabled", () -> !button.isDisabled());
    }

    private boolean stepperShown() {
        return shown(window.stepperTab().stepperView());
    }

    /** Visible with all its ancestors. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private Settings saved() {
        try {
            context.settings().flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new SettingsStore(home.settingsFile()).load().settings();
    }

    @Test
    void aFirstLaunchShowsTheWelcomeAndAChoiceSetsTheEngineAndIsRemembered(FxRobot robot) throws Exception {
        assertThat(window.view().overlayShowing()).isTrue();
        assertThat(robot.lookup("#welcomeView").query().isVisible()).isTrue();
        assertThat(robot.lookup("#builtInDetail").queryAs(Label.class).getText())
                .startsWith(BundledModels.MICRO).contains("parameters");
        robot.interact(() -> connection().use(OllamaEngine.ID, null, null, null));

        robot.clickOn("#useBuiltInButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.view().overlayShowing()).isFalse();
        assertThat(robot.lookup("#welcomeView").tryQuery()).isEmpty();
        assertThat(connection().engineEntryProperty().get().id()).isEqualTo("builtin");
        assertThat(connection().modelProperty().get()).isEqualTo(BundledModels.MICRO);
        assertThat(saved().welcomeSeen()).isTrue();
        assertThat(saved().engineId()).isEqualTo("builtin");
        assertThat(saved().model()).isEqualTo(BundledModels.MICRO);

        AppContext again = home.launch(name -> null);
        try {
            boolean welcomeAgain = WaitForAsyncUtils.asyncFx(() -> {
                MainWindow relaunched = MainWindow.create(again, tasks);
                relaunched.showWelcomeIfFirstLaunch();
                relaunched.close();
                return relaunched.view().overlayShowing();
            }).get(30, TimeUnit.SECONDS);
            assertThat(welcomeAgain).as("the welcome after a choice was made").isFalse();
        } finally {
            again.builtin().close();
        }
    }

    @Test
    void aLanguageChosenIsWrittenAtOnceSoAKilledWindowKeepsIt(FxRobot robot) {
        skipWelcome(robot);
        robot.interact(() -> window.view().viewModel().languageProperty()
                .set(dev.thinkbench.ui.common.UiLanguage.KOREAN));

        // read from the file, no flush: what a window killed now would leave
        assertThat(new SettingsStore(home.settingsFile()).load().settings().language()).isEqualTo("ko");
    }

    @Test
    void theHelpButtonExplainsBudgetsChartsAndMarksAndLeadsToTheWelcome(FxRobot robot) {
        skipWelcome(robot);
        assertThat(saved().welcomeSeen()).isTrue();

        robot.clickOn("#helpButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.view().overlayShowing()).isTrue();
        String help = robot.lookup("#helpText").queryAs(dev.thinkbench.ui.markdown.MarkdownView.class).plainText();
        assertThat(help).contains("force:min=56,max=256,waits=1,wait=Wait", "push for 56 tokens",
                "The marks", "The charts", "Model load", "Token confidence");
        assertThat(help).as("a table's |---| line is not a row").doesNotContain("---");
        javafx.scene.text.TextFlow spec = robot.lookup(".md-table-cell").queryAllAs(javafx.scene.text.TextFlow.class)
                .stream().filter(f -> f.getChildren().stream().anyMatch(t -> t instanceof javafx.scene.text.Text x
                        && x.getText().equals("effort:LEVEL"))).findFirst().orElseThrow();
        assertThat(spec.getWidth()).as("a short cell on one line, not cut mid-word").isGreaterThanOrEqualTo(
                spec.prefWidth(-1) - 0.5);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.view().overlayShowing()).isFalse();

        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#openWelcomeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#welcomeView").tryQuery()).isPresent();
        assertThat(robot.lookup("#helpView").tryQuery()).isEmpty();
    }

    @Test
    void freshSettingsOpenOnTheMicroModelWithItsExerciseAndForcingColumns(FxRobot robot) throws Exception {
        skipWelcome(robot);
        waitUntil("the built-in engine lists its models", () -> !connection().modelsProperty().isEmpty());

        assertThat(connection().engineEntryProperty().get().id()).isEqualTo("builtin");
        assertThat(connection().modelProperty().get()).isEqualTo(BundledModels.MICRO);
        var prompt = window.view().viewModel().compare().prompt();
        assertThat(prompt.sampleProperty().get().id()).isEqualTo(MicroExerciseSample.ID);
        assertThat(prompt.promptProperty().get()).isEqualTo(MicroExerciseSample.problem().question());
        assertThat(prompt.temperatureProperty().get()).isEqualTo("0");
        assertThat(window.view().viewModel().compare().columns()).extracting(c -> c.labelProperty().get())
                .containsExactly("small", "medium", "large");
        assertThat(window.view().viewModel().compare().columns()).extracting(ColumnViewModel::toSetting)
                .allSatisfy(spec -> assertThat(spec).contains("=force:"));
        assertThat(robot.lookup("#staleNote").tryQuery()).as("the stale-run line stays above the columns when the "
                + "session bar takes its place there").isPresent();
    }

    @Test
    void fiveTabsSwitchWithCtrl1To5EvenWhileTyping(FxRobot robot) {
        skipWelcome(robot);
        assertThat(window.view().tabs().getTabs()).extracting(t -> t.getText())
                .containsExactly("Compare", "Stepper", "Models", "Experiments", "Lessons");
        robot.clickOn("#promptArea");
        String before = robot.lookup("#promptArea").queryAs(TextArea.class).getText();

        shortcut(robot, KeyCode.DIGIT2);
        assertThat(selectedTab()).isEqualTo(MainWindow.STEPPER);
        shortcut(robot, KeyCode.DIGIT3);
        assertThat(selectedTab()).isEqualTo(MainWindow.MODELS);
        shortcut(robot, KeyCode.DIGIT4);
        assertThat(selectedTab()).isEqualTo(MainWindow.EXPERIMENTS);
        shortcut(robot, KeyCode.DIGIT5);
        assertThat(selectedTab()).isEqualTo(MainWindow.LESSONS);
        shortcut(robot, KeyCode.DIGIT1);
        assertThat(selectedTab()).isEqualTo(MainWindow.COMPARE);
        assertThat(robot.lookup("#promptArea").queryAs(TextArea.class).getText()).isEqualTo(before);
    }

    @Test
    void onAChatEngineTheStepperExplainsItselfAndOffersTheBuiltInEngine(FxRobot robot) throws Exception {
        skipWelcome(robot);
        robot.interact(() -> connection().use(OllamaEngine.ID, null, null, null));
        shortcut(robot, KeyCode.DIGIT2);

        Label explanation = robot.lookup("#stepperExplanation").query();
        assertThat(shown(explanation)).isTrue();
        assertThat(explanation.getText()).startsWith("Ollama is a chat engine")
                .contains("Built-in engine", "llama.cpp server");
        assertThat(stepperShown()).isFalse();

        robot.clickOn("#useBuiltInForStepping");
        waitUntil("the stepper shows", this::stepperShown);

        assertThat(connection().engineEntryProperty().get().id()).isEqualTo("builtin");
        assertThat(shown(explanation)).isFalse();
    }

    @Test
    void theStepperStepsTheBuiltInEngineWaitThenForceAnswer(FxRobot robot) throws Exception {
        skipWelcome(robot);
        waitUntil("the micro model is chosen", () -> BundledModels.MICRO.equals(connection().modelProperty().get()));
        shortcut(robot, KeyCode.DIGIT2);
        assertThat(stepper().promptProperty().get()).as("on the micro exercise, the problem where a Wait matters")
                .isEqualTo("A bus has 49 people. 24 more board. 7 get off. How many people are on the bus now?");

        robot.clickOn("#runButton");
        waitEnabled(robot, "#waitButton");
        robot.clickOn("#waitButton");
        waitEnabled(robot, "#forceButton");
        waitUntil("the Wait step pauses", () -> stepper().stateProperty().get() == StepperState.PAUSED);
        robot.clickOn("#forceButton");
        waitUntil("the answer is written", () -> stepper().stateProperty().get() == StepperState.DONE);

        assertThat(stepper().timeline()).extracting(TimelineRow::kind)
                .containsExactly("think", "wait", "answer (forced)");
        assertThat(stepper().currentThinking()).isEqualTo("Let x=2.Wait x=2.");
        assertThat(robot.lookup("#answerArea").queryAs(dev.thinkbench.ui.text.StreamingTextArea.class).text())
                .contains("4");
        assertThat(robot.lookup("#stepperTarget").queryAs(Label.class).getText())
                .contains("Built-in engine", BundledModels.MICRO);
    }

    @Test
    void inPresenterModeATabChosenByItsKeyTakesTheKeys(FxRobot robot) throws Exception {
        skipWelcome(robot);
        waitUntil("the micro model is chosen", () -> BundledModels.MICRO.equals(connection().modelProperty().get()));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        shortcut(robot, KeyCode.DIGIT2);
        waitUntil("the stepper shows", this::stepperShown);
        javafx.scene.Node owner = window.view().getScene().getFocusOwner();
        boolean inside = false;
        for (javafx.scene.Node n = owner; n != null; n = n.getParent()) {
            inside |= n == window.stepperTab();
        }
        assertThat(inside).as("the focus in the Stepper's tab, not left in Compare: " + owner).isTrue();
        shortcut(robot, KeyCode.ENTER);
        waitUntil("Ctrl+Enter ran the Stepper", () -> stepper().stateProperty().get() != StepperState.IDLE);
    }

    @Test
    void inPresenterModeCompareTakesTheFocusWithoutAColumnsNameField(FxRobot robot) throws Exception {
        skipWelcome(robot);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        shortcut(robot, KeyCode.DIGIT2);
        shortcut(robot, KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node owner = window.view().getScene().getFocusOwner();
        assertThat(owner).as("no text field's focus ring before the room").isNotInstanceOf(
                javafx.scene.control.TextInputControl.class);
    }

    @Test
    void aSaveWhilePresentingSaysSoInTheToast(FxRobot robot) throws Exception {
        skipWelcome(robot);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.presenter().presentingProperty().get()).isTrue();
        java.nio.file.Path file = home.data().resolve("talk.thinkbench.json");

        robot.interact(() -> window.sessions().save(file));
        waitUntil("the toast says it was saved", () -> robot.lookup(".presenter-toast").tryQueryAs(Label.class)
                .filter(l -> l.isVisible() && l.getText().contains("talk.thinkbench.json")).isPresent());
    }

    @Test
    void stepperKeysActWhenItsTabHasTheFocusAndTextFieldsKeepTheirLetters(FxRobot robot) throws Exception {
        skipWelcome(robot);
        waitUntil("the micro model is chosen", () -> BundledModels.MICRO.equals(connection().modelProperty().get()));
        shortcut(robot, KeyCode.DIGIT2);
        robot.clickOn("#runButton");
        waitUntil("the model pauses", () -> stepper().stateProperty().get() == StepperState.PAUSED);

        shortcut(robot, KeyCode.DIGIT1);
        shortcut(robot, KeyCode.DIGIT2);
        robot.press(KeyCode.W).release(KeyCode.W);
        waitUntil("W inserts a Wait", () -> stepper().timeline().size() == 2
                && stepper().stateProperty().get() == StepperState.PAUSED);

        robot.clickOn("#systemField").write("aw");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stepper().systemProperty().get()).isEqualTo("aw");
        assertThat(stepper().timeline()).hasSize(2);

        robot.clickOn("#traceArea");
        robot.press(KeyCode.A).release(KeyCode.A);
        waitUntil("A forces the answer", () -> stepper().stateProperty().get() == StepperState.DONE);
        assertThat(stepper().timeline()).extracting(TimelineRow::kind).endsWith("answer (forced)");
    }

    @Test
    void aModelChosenInTheModelsTabRunsOnTheBuiltInEngine(FxRobot robot) throws Exception {
        skipWelcome(robot);
        robot.interact(() -> connection().use(OllamaEngine.ID, null, null, null));
        shortcut(robot, KeyCode.DIGIT3);
        assertThat(window.models().viewModel().inUseProperty().get()).as("another engine").isNull();
        waitUntil("the downloaded model is listed", () -> window.models().viewModel().models().stream()
                .anyMatch(m -> m.displayName().equals("tiny.gguf")));

        Node cell = robot.lookup((Node n) -> n instanceof ListCell<?> c && c.getText() != null
                && c.getText().startsWith("tiny.gguf")).query();
        robot.doubleClickOn(cell, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(connection().engineEntryProperty().get().id()).isEqualTo("builtin");
        assertThat(connection().modelProperty().get()).isEqualTo("tiny.gguf");
        assertThat(window.models().viewModel().inUseProperty().get())
                .isEqualTo(home.data().resolve("models/tiny.gguf").toAbsolutePath().normalize());
        assertThat(window.models().viewModel().models()).extracting(m -> m.path().getFileName().toString())
                .startsWith(BundledModels.MICRO);
    }

    @Test
    void aHostedChoiceSavesTheKeysVariableNameButNeverTheKey(FxRobot robot) throws Exception {
        robot.clickOn("#useHostedButton");
        WaitForAsyncUtils.waitForFxEvents();

        context.settings().flush();
        String file = Files.readString(home.settingsFile());
        assertThat(connection().engineEntryProperty().get().id()).isEqualTo("openai-compatible");
        assertThat(connection().baseUrlProperty().get()).isEqualTo("https://api.deepseek.com");
        assertThat(connection().modelProperty().get()).isEqualTo("deepseek-reasoner");
        assertThat(file).containsPattern("\"apiKeyEnvs\" : \\{\\s*\"openai-compatible\" : \"DEEPSEEK_API_KEY\"")
                .contains("deepseek-reasoner")
                .doesNotContain(SECRET);
        robot.interact(() -> {
            try {
                window.saveSettings();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(Files.readString(home.settingsFile())).doesNotContain(SECRET);
        assertThat(Files.list(home.config())).extracting(Path::getFileName).extracting(Path::toString)
                .containsExactly(AppContext.SETTINGS_FILE);
    }

    /** A server field, opened from the chip it folds behind where the window is too narrow for it in the bar. */
    private static Node serverField(FxRobot robot, String id) {
        if (robot.lookup(id).tryQuery().isEmpty()) {
            robot.clickOn("#serverChip");
            WaitForAsyncUtils.waitForFxEvents();
        }
        return robot.lookup(id).query();
    }

    @Test
    void aKeyTypedIntoTheMaskedFieldIsKeptOwnerOnlyAndNeverInTheSettings(FxRobot robot) throws Exception {
        String key = FakeKeys.of("sk-ant", "typed-in-window-6d2f8a");
        skipWelcome(robot);
        robot.interact(() -> connection().use("anthropic", "http://127.0.0.1:9/v1", null, "claude-sonnet-4-5"));
        assertThat(connection().engineProperty().get()).as("no key yet").isNull();
        assertThat(connection().connectionErrorProperty().get()).contains("ANTHROPIC_API_KEY");

        Node field = serverField(robot, "#apiKeyField");
        assertThat(field).isInstanceOf(javafx.scene.control.PasswordField.class);
        robot.clickOn(field).write(key).type(KeyCode.ENTER);
        waitUntil("the key is stored", () -> connection().keyStoredProperty().get());
        robot.interact(() -> {
            try {
                window.saveSettings();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(((javafx.scene.control.PasswordField) field).getText()).isEmpty();
        assertThat(connection().engineProperty().get()).as("set up with the stored key").isNotNull();
        Path stored = home.config().resolve(dev.thinkbench.lab.settings.SecretsStore.FILE_NAME);
        assertThat(Files.getPosixFilePermissions(stored))
                .isEqualTo(dev.thinkbench.lab.settings.SecretsStore.OWNER_ONLY);
        assertThat(Files.readString(home.settingsFile())).contains("anthropic").doesNotContain(key);
    }

    @Test
    void aKeyPastedAndLeftIsKeptAnEmptyEnterKeepsItAndTheMenuForgetsIt(FxRobot robot) throws Exception {
        String key = FakeKeys.of("sk-ant", "tabbed-away-from-91c3");
        skipWelcome(robot);
        robot.interact(() -> connection().use("anthropic", "http://127.0.0.1:9/v1", null, "claude-sonnet-4-5"));
        javafx.scene.control.PasswordField field = (javafx.scene.control.PasswordField) serverField(robot,
                "#apiKeyField");

        robot.clickOn(field).write(key).type(KeyCode.TAB);
        waitUntil("the key is stored on leaving the field", () -> connection().keyStoredProperty().get());
        assertThat(field.getText()).isEmpty();

        robot.clickOn(field).type(KeyCode.ENTER);
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(connection().keyStoredProperty().get()).as("an empty field forgets nothing").isTrue();

        javafx.scene.control.MenuItem forget = field.getContextMenu().getItems().stream()
                .filter(i -> "forgetApiKey".equals(i.getId())).findFirst().orElseThrow();
        assertThat(forget.isDisable()).isFalse();
        robot.interact(forget::fire);
        waitUntil("the key is forgotten", () -> !connection().keyStoredProperty().get());
        assertThat(forget.isDisable()).isTrue();
    }
}
