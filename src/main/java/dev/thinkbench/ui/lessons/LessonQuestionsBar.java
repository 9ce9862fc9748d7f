package dev.thinkbench.ui.lessons;

import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;

/**
 * The started exercise's lesson and its questions, in a bar above the tab the exercise runs in: the questions stay
 * in view beside the results instead of one tab away. One line (the lesson, how many questions) that opens to the
 * questions (open from the start in a window {@value #OPEN_FROM_HEIGHT_PX} px high or more); "Back to the lesson" goes to the Lessons tab; the close button puts them away. Hidden on the Lessons
 * tab itself and when no exercise was started. UI thread only.
 */
public final class LessonQuestionsBar extends VBox {

    /** A window at least this high shows the questions open when an exercise starts. */
    static final double OPEN_FROM_HEIGHT_PX = 900;

    private final VBox list = new VBox(2);
    private final ToggleButton show = new ToggleButton();

    /**
     * @param onLessonsTab true while the Lessons tab is shown (the bar then hides: the lesson is on screen)
     * @param backToLesson selects the Lessons tab
     */
    public LessonQuestionsBar(LessonsViewModel vm, ObservableBooleanValue onLessonsTab, Runnable backToLesson) {
        setId("lessonQuestions");
        getStyleClass().add("lesson-questions");
        setPadding(new Insets(4, 12, 4, 12));
        setSpacing(4);
        Label title = new Label();
        title.setId("lessonQuestionsTitle");
        title.setGraphic(Icons.icon(Feather.BOOK_OPEN));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setMinWidth(0);
        title.textProperty().bind(vm.exerciseTitleProperty().map(t -> Messages.get("lessons.questions.title", t)));
        show.setId("lessonQuestionsToggle");
        show.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        show.textProperty().bind(vm.exerciseQuestionsProperty().map(q -> Messages.get("lessons.questions.show",
                q.size())));
        show.setSelected(true);
        show.setMinWidth(Region.USE_PREF_SIZE);
        Button back = Icons.button(Messages.get("lessons.questions.back"), Feather.CORNER_UP_LEFT,
                Messages.get("lessons.questions.back.help"), Styles.SMALL, Styles.FLAT);
        back.setId("lessonQuestionsBack");
        back.setMinWidth(Region.USE_PREF_SIZE);
        back.setOnAction(e -> backToLesson.run());
        Button close = Icons.button(null, Feather.X, Messages.get("lessons.questions.close.help"),
                Styles.SMALL, Styles.FLAT, Styles.BUTTON_ICON);
        close.setId("lessonQuestionsClose");
        close.setOnAction(e -> vm.dismissQuestions());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, show, spacer, back, close);
        head.setAlignment(Pos.CENTER_LEFT);
        list.setId("lessonQuestionsList");
        list.visibleProperty().bind(show.selectedProperty());
        list.managedProperty().bind(list.visibleProperty());
        getChildren().addAll(head, list);
        vm.exerciseQuestionsProperty().subscribe(this::showQuestions);
        visibleProperty().bind(vm.exerciseTitleProperty().isNotEmpty().and(Bindings.not(onLessonsTab)));
        managedProperty().bind(visibleProperty());
    }

    private void showQuestions(List<String> questions) {
        list.getChildren().clear();
        for (int i = 0; i < questions.size(); i++) {
            // the Markdown's emphasis marks are left out: a plain line reads better than **New problem**
            Label q = new Label((i + 1) + ". " + questions.get(i).replace("**", "").replace("`", ""));
            q.setWrapText(true);
            q.setMinHeight(Region.USE_PREF_SIZE);
            q.getStyleClass().add(Styles.TEXT_SMALL);
            list.getChildren().add(q);
        }
        // open in a tall window; in a short one (720 px) the questions would squeeze the exercise: one click opens them
        show.setSelected(getScene() == null || getScene().getHeight() >= OPEN_FROM_HEIGHT_PX);
    }
}
