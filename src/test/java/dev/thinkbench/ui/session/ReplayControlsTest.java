package dev.thinkbench.ui.session;

import dev.thinkbench.lab.Replay;
import dev.thinkbench.ui.compare.ColumnState;
import dev.thinkbench.ui.compare.ColumnView;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.thinkbench.testing.Keys.press;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Save with Ctrl+S, open with Ctrl+O, and the replay controls, headless; the replay runs on a clock the test moves,
 * so the streaming is checked without sleeping.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class ReplayControlsTest {

    @TempDir
    static Path dir;

    private SessionWindow window;

    @Start
    void start(Stage stage) {
        window = new SessionWindow(dir);
        stage.setScene(window.view.createScene(1280, 800));
        stage.show();
    }

    private List<ColumnView> columns() {
        return window.view.compareView().columnsPane().columnViews();
    }

    /** Moves the replay clock and lets a few frames drain. */
    private void elapse(long nanos) throws TimeoutException {
        window.clock.addAndGet(nanos);
        double target = window.sessions.replay().positionProperty().get();
        WaitForAsyncUtils.waitForFxEvents(4);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !window.sessions.replay().playingProperty().get()
                || window.sessions.replay().positionProperty().get() > target || nanos == 0);
        WaitForAsyncUtils.waitForFxEvents(4);
    }

    private static int lines(String text) {
        return text.isEmpty() ? 0 : text.split("\n").length;
    }

    @Test
    void aSavedRunOpensWithReplayControlsThatPlayPauseSeekAndClose(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.view.viewModel().compare().canRunProperty().get());
        robot.interact(() -> window.view.viewModel().compare().run());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> columns().stream()
                .allMatch(c -> c.viewModel().live().getState() == ColumnState.DONE));
        Path file = dir.resolve("talk.json");
        window.saveWithKeys(robot, file);
        assertThat(Files.readString(file)).contains("\"format\" : \"thinkbench-session\"");
        assertThat(robot.lookup("#sessionMessage").queryLabeled().getText()).isEqualTo("Saved to talk.json");
        robot.clickOn("#sessionMenu");
        javafx.scene.control.MenuButton sessionMenu = robot.lookup("#sessionMenu").query();
        javafx.scene.control.Menu recentMenu = (javafx.scene.control.Menu) sessionMenu.getItems().get(1);
        assertThat(recentMenu.isDisable()).as("the file just saved is recent").isFalse();
        assertThat(recentMenu.getItems()).singleElement().satisfies(i -> assertThat(i.getText()).startsWith("talk.json"));
        assertThat(robot.lookup(".menu").queryAll().stream().filter(Node::isDisabled).toList())
                .as("shown enabled in the open menu").isEmpty();
        assertThat(sessionMenu.getItems().stream().filter(i -> i instanceof javafx.scene.control.Menu)
                .flatMap(i -> ((javafx.scene.control.Menu) i).getItems().stream())
                .filter(i -> "exportChartsForPrint".equals(i.getId())).findFirst().orElseThrow().isVisible())
                .as("in the light theme the print look is the one shown: no second entry").isFalse();
        press(robot, KeyCode.ESCAPE);
        robot.interact(() -> window.view.selectTab(1));
        robot.interact(() -> window.sessions.dismissMessage());
        double tabsHeight = robot.lookup("#toolTabs").query().getLayoutBounds().getHeight();
        window.answers.add(dir.resolve("from-the-stepper.json"));
        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S); // Save as, from the Stepper tab
        javafx.scene.control.Labeled message = robot.lookup("#sessionMessage").queryLabeled();
        assertThat(message.getText()).as("said where the user is").isEqualTo("Saved to from-the-stepper.json");
        assertThat(message.isVisible() && message.getParent().isVisible()
                && message.localToScreen(message.getBoundsInLocal()) != null).isTrue();
        Node tabs = robot.lookup("#toolTabs").query();
        boolean inTabs = false;
        for (Node n = message; n != null; n = n.getParent()) {
            inTabs |= n == tabs;
        }
        assertThat(inTabs).as("the window's, not a tab's").isFalse();
        javafx.geometry.Bounds shown = message.localToScene(message.getBoundsInLocal());
        assertThat(shown.getMaxY()).as("in the window").isLessThanOrEqualTo(message.getScene().getHeight());
        assertThat(tabs.getLayoutBounds().getHeight()).as("floating: the tabs keep their height")
                .isEqualTo(tabsHeight, org.assertj.core.data.Offset.offset(0.5));
        robot.interact(() -> window.view.selectTab(0));
        Node bar = robot.lookup("#replayBar").query();
        assertThat(bar.isVisible()).isFalse();

        window.answers.add(file);
        robot.interact(() -> window.view.compareView().promptPane().focusPrompt());
        press(robot, KeyCode.CONTROL, KeyCode.O);

        assertThat(bar.isVisible()).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> columns().get(2).answerText().startsWith("Final"));
        assertThat(lines(columns().get(2).thinkingText())).isEqualTo(40);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bar.getScene().getFocusOwner()).as("Space plays, not into the prompt")
                .isSameAs(robot.lookup("#replayPlay").query());

        javafx.scene.control.Labeled opened = robot.lookup("#sessionMessage").queryLabeled();
        assertThat(opened.getText()).isEqualTo("Opened talk.json: press Play to replay it as recorded");
        assertThat(opened.getParent().isVisible()).isTrue();

        // Play from the end: the columns start over and stream only as the clock moves
        robot.clickOn("#replayPlay");
        elapse(0);
        assertThat(window.sessions.replay().playingProperty().get()).isTrue();
        // "press Play" is done with once Play is pressed: it lay over the charts' labels for seconds more
        assertThat(opened.getText()).as("the message goes with Play").isEmpty();
        assertThat(opened.getParent().isVisible()).isFalse();
        assertThat(columns().get(2).answerText()).isEmpty();
        double duration = window.sessions.replay().durationProperty().get();
        elapse((long) (duration * 0.5e9));
        int halfway = lines(columns().get(2).thinkingText());
        assertThat(halfway).isBetween(1, 39);

        // Space pauses wherever the focus is, except in a text field, which keeps its own Space
        robot.interact(() -> window.view.compareView().columnsPane().requestFocus());
        press(robot, KeyCode.SPACE);
        assertThat(window.sessions.replay().playingProperty().get()).isFalse();
        elapse((long) (duration * 1e9));
        assertThat(lines(columns().get(2).thinkingText())).isEqualTo(halfway);

        // Esc while replaying pauses it and keeps its columns (it cancelled them: "No thinking arrived")
        press(robot, KeyCode.SPACE);
        assertThat(window.sessions.replay().playingProperty().get()).isTrue();
        press(robot, KeyCode.ESCAPE);
        assertThat(window.sessions.replay().playingProperty().get()).isFalse();
        assertThat(columns()).allSatisfy(c -> assertThat(c.viewModel().live().getState())
                .isNotEqualTo(ColumnState.CANCELLED));
        assertThat(lines(columns().get(2).thinkingText())).isEqualTo(halfway);

        robot.clickOn("#replaySpeed5");
        assertThat(window.sessions.replay().speedProperty().get()).isEqualTo(Replay.Speed.X5);
        press(robot, KeyCode.DIGIT1);
        press(robot, KeyCode.DIGIT5);
        // the speed clicked has the focus: Space plays, as everywhere in the bar, and does not press it again
        robot.interact(() -> window.sessions.replay().setSpeed(Replay.Speed.X1));
        press(robot, KeyCode.SPACE);
        assertThat(window.sessions.replay().speedProperty().get()).isEqualTo(Replay.Speed.X1);
        assertThat(window.sessions.replay().playingProperty().get()).isTrue();
        robot.interact(() -> window.sessions.replay().setSpeed(Replay.Speed.X5));
        elapse((long) (duration * 0.2e9)); // at 5x, the rest of the recording
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> columns().get(2).answerText().startsWith("Final"));
        assertThat(lines(columns().get(2).thinkingText())).isEqualTo(40);

        robot.interact(() -> window.controlsSeek(0.25 * duration));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> lines(columns().get(2).thinkingText()) < 40 && columns().get(2).answerText().isEmpty());

        robot.clickOn("#replayClose");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bar.isVisible()).isFalse();
        assertThat(lines(columns().get(2).thinkingText())).isEqualTo(40);
        assertThat(columns()).allMatch(c -> c.viewModel().live().getState() == ColumnState.DONE);
    }

    /**
     * A file's note for people (how a sample was recorded: model, settings, command) is in the tooltip of the replay
     * bar's title, with the whole title; before, it was shown nowhere in the window.
     */
    @Test
    void theOpenedFilesNoteIsInTheTitlesTooltip(FxRobot robot) throws Exception {
        window.runAndFinish(robot);
        Path plain = dir.resolve("plain.json");
        window.saveWithKeys(robot, plain);
        dev.thinkbench.lab.session.SessionFile files = new dev.thinkbench.lab.session.SessionFile();
        Path noted = dir.resolve("noted.json");
        String note = "Recorded on the scripted engine with: bin/thinkbench compare --budget none --save noted.json";
        files.write(noted, files.read(plain).withNote(note));

        window.openWithKeys(robot, noted);
        javafx.scene.control.Label title = robot.lookup(".replay-title").queryAs(javafx.scene.control.Label.class);
        assertThat(title.isVisible()).isTrue();
        String tip = title.getTooltip().getText();
        assertThat(tip).startsWith(title.getText()).contains("The file's note: " + note);

        window.openWithKeys(robot, plain);
        assertThat(title.getTooltip().getText()).as("no note, none shown").doesNotContain("note")
                .startsWith(title.getText());
    }
}
