package dev.thinkbench.ui.session;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.thinkbench.lab.lessons.Exercise;
import dev.thinkbench.lab.lessons.Lesson;
import dev.thinkbench.lab.lessons.LessonCatalog;
import dev.thinkbench.ui.lessons.LessonWorkbench;
import dev.thinkbench.ui.lessons.LessonsViewModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.thinkbench.testing.Keys.press;
import static org.assertj.core.api.Assertions.assertThat;

/** Runs that are in no file are not lost to a close or an open without a word. */
@ExtendWith(ApplicationExtension.class)
class UnsavedRunsTest {

    @TempDir
    static Path dir;

    private SessionWindow window;
    private Stage own;

    @Start
    void start(Stage stage) {
        window = new SessionWindow(dir);
        // a stage of its own: the test closes it
        own = new Stage();
        own.setScene(window.view.createScene(1280, 800));
        own.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> own.hide());
    }

    private boolean cardShown(FxRobot robot) {
        return robot.lookup("#unsavedRuns").tryQuery().map(Node::isVisible).orElse(false)
                && window.view.overlayShowing();
    }

    @Test
    void closingOrOpeningOverUnsavedRunsAsksFirstAndSaveThenCloses(FxRobot robot) throws Exception {
        window.runAndFinish(robot);
        robot.clickOn(own.getScene().getRoot());

        press(robot, KeyCode.CONTROL, KeyCode.Q);
        assertThat(own.isShowing()).as("the close waits for an answer").isTrue();
        assertThat(cardShown(robot)).isTrue();
        assertThat(robot.lookup("#unsavedRuns .label").queryAll().stream().map(n -> ((Label) n).getText()))
                .anySatisfy(t -> assertThat(t).isEqualTo(
                        "Closing Thinkbench loses what is on screen and in no file: 3 Compare columns."));
        robot.clickOn("#unsavedCancel");
        assertThat(cardShown(robot)).isFalse();
        assertThat(own.isShowing()).isTrue();

        window.answers.add(dir.resolve("no-such-session.json"));
        press(robot, KeyCode.CONTROL, KeyCode.O);
        assertThat(cardShown(robot)).isTrue();
        assertThat(window.answers).as("no file asked for yet").hasSize(1);
        robot.clickOn("#unsavedAnyway");
        assertThat(window.answers).as("then the file is asked for").isEmpty();
        assertThat(own.isShowing()).isTrue();

        Path file = dir.resolve("kept.json");
        window.answers.add(file);
        press(robot, KeyCode.CONTROL, KeyCode.Q);
        robot.clickOn("#unsavedSave");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !own.isShowing());
        assertThat(Files.readString(file)).contains("\"format\" : \"thinkbench-session\"");
        assertThat(window.sessions.unsavedRuns()).as("all in the file now").isEmpty();
    }

    @Test
    void replacingTheColumnsWithThePresetsAsksFirstWhereTheirRunsAreInNoFile(FxRobot robot) throws Exception {
        window.runAndFinish(robot);
        boolean[] replaced = {false};
        robot.interact(() -> new UnsavedRunsGuard(window.view, window.sessions).check(
                UnsavedRunsGuard.Action.REPLACE_COLUMNS, then -> { }, () -> replaced[0] = true));

        assertThat(cardShown(robot)).isTrue();
        assertThat(replaced[0]).as("waits for the answer").isFalse();
        assertThat(robot.lookup("#unsavedRuns .label").queryAll().stream().map(n -> ((Label) n).getText()))
                .contains("The presets replace the columns on screen, and their runs are in no file: 3 Compare columns.");
        robot.clickOn("#unsavedAnyway");
        assertThat(replaced[0]).isTrue();
        assertThat(window.sessions.unsavedColumns()).isEqualTo("3 Compare columns");
    }

    /**
     * "Save the runs first?" before the presets replace the columns: the file saved keeps those runs, and Ctrl+S after
     * the next runs asks for a name instead of writing them over it.
     */
    @Test
    void aSaveBeforeThePresetsReplaceTheColumnsIsAnArchiveThatCtrlSLeavesAlone(FxRobot robot) throws Exception {
        window.runAndFinish(robot);
        Path archive = dir.resolve("archive-" + System.nanoTime() + ".json");
        window.answers.add(archive);
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#usePresets").query()).fire());
        assertThat(cardShown(robot)).isTrue();

        robot.clickOn("#unsavedSave");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(archive));
        WaitForAsyncUtils.waitForFxEvents();
        String kept = Files.readString(archive);
        assertThat(window.sessions.currentFileProperty().get()).as("an archive, not the window's document").isNull();
        assertThat(window.view.viewModel().compare().columns()).allMatch(c -> c.live().getState()
                == dev.thinkbench.ui.compare.ColumnState.IDLE);

        window.runAndFinish(robot);
        Path next = dir.resolve("next-" + System.nanoTime() + ".json");
        window.answers.add(next);
        robot.clickOn(own.getScene().getRoot());
        press(robot, KeyCode.CONTROL, KeyCode.S);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(next));
        assertThat(window.answers).as("Ctrl+S asked for a name").isEmpty();
        assertThat(Files.readString(archive)).as("the archive keeps the runs it was saved with").isEqualTo(kept);
        assertThat(window.sessions.currentFileProperty().get()).isEqualTo(next);
    }

    /** A lessons workbench, for tests: counts the exercises set up, each replacing the Compare columns. */
    private static final class ColumnsReplacingTestWorkbench implements LessonWorkbench {
        private final dev.thinkbench.ui.compare.CompareViewModel compare;
        int setUps;

        ColumnsReplacingTestWorkbench(dev.thinkbench.ui.compare.CompareViewModel compare) {
            this.compare = compare;
        }

        @Override
        public void setUp(Exercise exercise, String language) {
            setUps++;
            if (exercise.tab() == Exercise.Tab.COMPARE) {
                compare.showNamedColumns(exercise.columns(language));
            }
        }

        @Override
        public void restore() {
        }

        @Override
        public boolean canRestore() {
            return setUps > 0;
        }
    }

    /**
     * "Start the exercise" replaced the Compare columns and their runs in no file without a word: an exercise on the
     * Compare tab asks "save first?" as the presets do (one on the Stepper leaves the columns, and asks nothing).
     */
    @Test
    void aLessonsExerciseAsksFirstBeforeReplacingColumnsWhoseRunsAreInNoFile(FxRobot robot) throws Exception {
        List<Lesson> lessons = LessonCatalog.read(Path.of("assets/lessons"));
        Lesson onCompare = lessons.stream().filter(l -> l.exercise().tab() == Exercise.Tab.COMPARE).findFirst()
                .orElseThrow();
        Lesson onStepper = lessons.stream().filter(l -> l.exercise().tab() == Exercise.Tab.STEPPER).findFirst()
                .orElseThrow();
        ColumnsReplacingTestWorkbench workbench = new ColumnsReplacingTestWorkbench(window.view.viewModel().compare());
        LessonsViewModel lessonsVm = new LessonsViewModel(lessons, "", workbench);
        lessonsVm.setAskFirst(window.controls::beforeExercise);
        lessonsVm.languageProperty().set("en");
        window.runAndFinish(robot);

        robot.interact(() -> {
            lessonsVm.selectedProperty().set(onStepper);
            lessonsVm.startExercise();
        });
        assertThat(cardShown(robot)).as("the Compare columns stay").isFalse();
        assertThat(workbench.setUps).isEqualTo(1);

        robot.interact(() -> {
            lessonsVm.selectedProperty().set(onCompare);
            lessonsVm.startExercise();
        });
        assertThat(cardShown(robot)).isTrue();
        assertThat(workbench.setUps).as("waits for the answer").isEqualTo(1);
        assertThat(robot.lookup("#unsavedRuns .label").queryAll().stream().map(n -> ((Label) n).getText()))
                .contains("Save the runs first?", "The exercise replaces the Compare columns and prompt, and the "
                        + "columns' runs are in no file: 3 Compare columns. Back to my workbench puts your prompt and "
                        + "budgets back, but not these runs.");
        assertThat(robot.lookup("#unsavedAnyway").queryButton().getText()).isEqualTo("Start without saving");
        robot.clickOn("#unsavedCancel");
        assertThat(cardShown(robot)).isFalse();
        assertThat(workbench.setUps).as("cancelled: the columns stay").isEqualTo(1);
        assertThat(window.sessions.unsavedColumns()).isEqualTo("3 Compare columns");

        Path archive = dir.resolve("before-the-lesson-" + System.nanoTime() + ".json");
        window.answers.add(archive);
        robot.interact(lessonsVm::startExercise);
        robot.clickOn("#unsavedSave");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workbench.setUps == 2);
        assertThat(Files.readString(archive)).contains("\"format\" : \"thinkbench-session\"");
        assertThat(window.sessions.currentFileProperty().get()).as("an archive, not the window's document")
                .isNull();
        assertThat(window.view.viewModel().compare().columns()).allMatch(c -> c.live().getState()
                == dev.thinkbench.ui.compare.ColumnState.IDLE);

        robot.interact(lessonsVm::startExercise);
        assertThat(cardShown(robot)).as("the lesson's columns have no runs: nothing to ask").isFalse();
        assertThat(workbench.setUps).isEqualTo(3);
    }

    @Test
    void onlyWhatChangedSinceTheFileIsNamedAndAChangeOfTheSameSizeCounts(FxRobot robot) throws Exception {
        window.runAndFinish(robot);
        Path file = dir.resolve("saved-once.json");
        window.answers.add(file);
        robot.interact(() -> window.sessions.save(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.sessions.unsavedRuns()).isEmpty();

        robot.interact(() -> window.sessions.open(file));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.sessions.unsavedRuns()).as("opened as it was saved").isEmpty();

        // the same run again: as many events, other times
        window.runAndFinish(robot);
        assertThat(window.sessions.unsavedRuns()).isEqualTo("3 Compare columns");
    }

    /** An Experiments tab with a sweep under way, for tests: nothing of its results is unsaved. */
    private static final class SweepUnderWayTestDouble implements SweepSessions {
        @Override
        public java.util.Map<String, byte[]> chartPngs() {
            return java.util.Map.of();
        }

        String underWay = "3 of 12 runs";

        @Override
        public dev.thinkbench.lab.session.SweepResults record() {
            return null;
        }

        @Override
        public int unwrittenResults() {
            return 0;
        }

        @Override
        public String underWay() {
            return underWay;
        }

        @Override
        public void clear() {
        }

        @Override
        public void show(dev.thinkbench.lab.session.SweepResults results) {
        }
    }

    @Test
    void closingStopsASweepUnderWaySoTheCloseAsksFirstAndAnOpenDoesNot(FxRobot robot) throws Exception {
        SweepUnderWayTestDouble tab = new SweepUnderWayTestDouble();
        robot.interact(() -> window.sessions.setSweeps(tab));
        robot.clickOn(own.getScene().getRoot());

        press(robot, KeyCode.CONTROL, KeyCode.Q);
        assertThat(own.isShowing()).as("the close waits for an answer").isTrue();
        assertThat(cardShown(robot)).isTrue();
        assertThat(robot.lookup("#unsavedRuns .label").queryAll().stream().map(n -> ((Label) n).getText()))
                .contains("Stop the sweep?")
                .anySatisfy(t -> assertThat(t).startsWith("A sweep is under way (3 of 12 runs done). Closing "
                        + "Thinkbench stops it").contains("offers to resume it"));
        assertThat(robot.lookup("#unsavedSave").tryQuery()).as("nothing to save: no Save").isEmpty();
        robot.clickOn("#unsavedCancel");
        assertThat(own.isShowing()).isTrue();

        window.answers.add(dir.resolve("no-such-session.json"));
        press(robot, KeyCode.CONTROL, KeyCode.O);
        assertThat(cardShown(robot)).as("opening a session leaves the sweep running: nothing to ask").isFalse();
        assertThat(window.answers).isEmpty();

        press(robot, KeyCode.CONTROL, KeyCode.Q);
        robot.clickOn("#unsavedAnyway");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !own.isShowing());
    }

    /** Closing during a model download quit without a word; the download is paused, and the close says so. */
    @Test
    void closingDuringAModelDownloadAsksFirst(FxRobot robot) throws Exception {
        String[] underWay = {"DeepSeek-R1-Distill-Qwen-1.5B, 42%"};
        robot.interact(() -> window.sessions.setDownloads(() -> underWay[0]));
        robot.clickOn(own.getScene().getRoot());

        press(robot, KeyCode.CONTROL, KeyCode.Q);
        assertThat(own.isShowing()).as("the close waits for an answer").isTrue();
        assertThat(cardShown(robot)).isTrue();
        assertThat(robot.lookup("#unsavedRuns .label").queryAll().stream().map(n -> ((Label) n).getText()))
                .contains("Pause the download?")
                .anySatisfy(t -> assertThat(t).startsWith("A model download is under way "
                        + "(DeepSeek-R1-Distill-Qwen-1.5B, 42%). Closing Thinkbench pauses it").contains("Resume"));
        assertThat(robot.lookup("#unsavedSave").tryQuery()).as("nothing to save: no Save").isEmpty();
        robot.clickOn("#unsavedCancel");
        assertThat(own.isShowing()).isTrue();

        underWay[0] = null;
        press(robot, KeyCode.CONTROL, KeyCode.Q);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !own.isShowing());
        assertThat(cardShown(robot)).as("no download: nothing to ask").isFalse();
    }

    @Test
    void aSweepThatEndedAsksNothing(FxRobot robot) throws Exception {
        SweepUnderWayTestDouble tab = new SweepUnderWayTestDouble();
        tab.underWay = null;
        robot.interact(() -> window.sessions.setSweeps(tab));
        robot.clickOn(own.getScene().getRoot());

        press(robot, KeyCode.CONTROL, KeyCode.Q);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !own.isShowing());
        assertThat(cardShown(robot)).isFalse();
    }
}
