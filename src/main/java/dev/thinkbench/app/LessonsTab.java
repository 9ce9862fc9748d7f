package dev.thinkbench.app;

import dev.thinkbench.lab.lessons.Exercise;
import dev.thinkbench.lab.lessons.Lesson;
import dev.thinkbench.lab.lessons.LessonCatalog;
import dev.thinkbench.ui.WorkbenchView;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.lessons.ExerciseSetup;
import dev.thinkbench.ui.lessons.LessonQuestionsBar;
import dev.thinkbench.ui.lessons.LessonsView;
import dev.thinkbench.ui.lessons.LessonsViewModel;
import dev.thinkbench.ui.stepper.ConnectedStepperViewModel;
import javafx.scene.control.Tab;
import org.kordamp.ikonli.feather.Feather;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Wires the Lessons tab: the lessons from {@code assets/lessons}, and exercises that set up the window's own Compare
 * and Stepper tabs. A folder that cannot be read leaves the tab with the reason. Call on the FX thread.
 */
final class LessonsTab {

    private LessonsTab() {
    }

    /** Adds the Lessons tab to {@code view}; {@code compareTab} and {@code stepperTab} are their tab positions. */
    static LessonsView install(WorkbenchView view, Path assets, ConnectedStepperViewModel stepper, int compareTab,
                               int stepperTab) {
        List<Lesson> lessons = List.of();
        String problem = "";
        try {
            lessons = LessonCatalog.read(assets.resolve("lessons"));
        } catch (IOException e) {
            problem = Messages.get("lessons.missing", e.getMessage());
        }
        ExerciseSetup setup = new ExerciseSetup(view.viewModel().connection(), view.viewModel().compare(), stepper,
                tab -> view.selectTab(tab == Exercise.Tab.STEPPER ? stepperTab : compareTab));
        LessonsViewModel vm = new LessonsViewModel(lessons, problem, setup);
        LessonsView lessonsView = new LessonsView(vm);
        Tab tab = view.addTab(Messages.get("lessons.tab"), Feather.BOOK_OPEN, lessonsView,
                Messages.get("lessons.tab.help"), "", lessonsView.startButton());
        // the started exercise's questions: their toggle in the top bar, the questions above the tab it runs in
        LessonQuestionsBar questions = new LessonQuestionsBar(vm, tab.selectedProperty(),
                () -> view.tabs().getSelectionModel().select(tab));
        view.addBarItem(questions.head());
        view.addBanner(questions);
        return lessonsView;
    }
}
