package dev.thinkbench.ui.lessons;

import dev.thinkbench.lab.lessons.Exercise;
import dev.thinkbench.lab.lessons.Lesson;
import dev.thinkbench.lab.lessons.LessonCatalog;
import dev.thinkbench.ui.WorkbenchView;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Lessons tab with the keyboard: the text takes the focus and scrolls, and the language switch follows arrows. */
@ExtendWith(ApplicationExtension.class)
class LessonsViewKeysTest {

    private LessonsViewModel vm;
    private LessonsView view;

    @Start
    void start(Stage stage) throws IOException {
        List<Lesson> lessons = LessonCatalog.read(Path.of("assets/lessons"));
        vm = new LessonsViewModel(lessons, "", new LessonWorkbench() {
            @Override
            public void setUp(Exercise exercise, String language) {
            }

            @Override
            public void restore() {
            }

            @Override
            public boolean canRestore() {
                return false;
            }
        });
        view = new LessonsView(vm);
        Scene scene = new Scene(view, 900, 360);
        scene.getStylesheets().add(WorkbenchView.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    private ScrollPane text(FxRobot robot) {
        return robot.lookup("#lessonScroll").queryAs(ScrollPane.class);
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys).release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void tabGoesFromTheListToTheTextWhichScrollsWithTheKeys(FxRobot robot) {
        ListView<?> list = robot.lookup("#lessonList").queryListView();
        robot.interact(list::requestFocus);
        press(robot, KeyCode.TAB);
        ScrollPane text = text(robot);
        assertThat(text.isFocused()).as("the text is in the Tab order").isTrue();

        press(robot, KeyCode.PAGE_DOWN);
        assertThat(text.getVvalue()).as("Page Down").isGreaterThan(0);
        double paged = text.getVvalue();
        press(robot, KeyCode.DOWN);
        assertThat(text.getVvalue()).as("Down").isGreaterThan(paged);
        press(robot, KeyCode.UP);
        assertThat(text.getVvalue()).as("Up").isEqualTo(paged, org.assertj.core.data.Offset.offset(1e-9));
        press(robot, KeyCode.END);
        assertThat(text.getVvalue()).as("End").isEqualTo(text.getVmax());
        press(robot, KeyCode.PAGE_UP);
        assertThat(text.getVvalue()).as("Page Up").isLessThan(text.getVmax());
        press(robot, KeyCode.HOME);
        assertThat(text.getVvalue()).as("Home").isEqualTo(text.getVmin());
    }

    @Test
    void pageDownFromShowAnswersScrollsTheText(FxRobot robot) {
        robot.interact(() -> robot.lookup("#lessonAnswersToggle").query().requestFocus());
        ScrollPane text = text(robot);
        robot.interact(() -> text.setVvalue(text.getVmin()));

        press(robot, KeyCode.PAGE_DOWN);
        assertThat(text.getVvalue()).isGreaterThan(text.getVmin());
    }

    @Test
    void pageDownInTheListPagesTheLessonNotTheList(FxRobot robot) {
        ListView<?> list = robot.lookup("#lessonList").queryListView();
        robot.interact(list::requestFocus);
        Lesson first = vm.selectedProperty().get();

        press(robot, KeyCode.PAGE_DOWN);
        assertThat(vm.selectedProperty().get()).as("the same lesson").isEqualTo(first);
        assertThat(text(robot).getVvalue()).as("its next page").isGreaterThan(0);
    }

    @Test
    void theLanguageSwitchedWithAnArrowIsTheLanguageRead(FxRobot robot) {
        robot.interact(() -> robot.lookup("#language-en").query().requestFocus());

        press(robot, KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#language-ko").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .isTrue();
        assertThat(vm.languageProperty().get()).as("the lesson follows the switch").isEqualTo("ko");
    }

    @Test
    void theLessonAndTheHelpSendTheKeyboardToTheBudgetsMeaningToo() throws IOException {
        for (String file : List.of("en/02-budgets.md", "en/help.md")) {
            String text = Files.readString(Path.of("assets/lessons", file)).replaceAll("\\s+", " ");
            assertThat(text).as(file).containsPattern("Hover over (each|a) budget field, or (Tab to it|move the focus to it with Tab)");
        }
        for (String file : List.of("ko/02-budgets.md", "ko/help.md")) {
            String text = Files.readString(Path.of("assets/lessons", file)).replaceAll("\\s+", " ");
            assertThat(text).as(file).contains("마우스를 올리거나 Tab으로 포커스를 옮");
        }
    }
}
