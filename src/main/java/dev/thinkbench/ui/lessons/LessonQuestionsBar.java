package dev.thinkbench.ui.lessons;

import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;

/**
 * The started exercise's lesson and its questions, kept in reach beside the tab the exercise runs in instead of one
 * tab away: a compact {@link #head()} for the window's top bar (how many questions, a toggle that shows them, Back
 * to the lesson, put away), which costs the exercise no height, and this bar of the questions themselves above the
 * tabs while the toggle is on, with the lesson's answers folded below them. The toggle starts on in a window
 * {@value #OPEN_FROM_HEIGHT_PX} px high or more; in a shorter one the questions would squeeze the exercise's columns
 * and charts, so one click opens them. Both hide on the Lessons tab itself and when no exercise was started. UI thread
 * only.
 */
public final class LessonQuestionsBar extends VBox {

    /** A window at least this high shows the questions open when an exercise starts. */
    static final double OPEN_FROM_HEIGHT_PX = 900;

    /** The most of the window's height the questions (and their answers) take; more scrolls (a third squeezed a
     * 768-px window's thinking to two lines and cut Run off). */
    static final double MAX_SHARE_OF_WINDOW = 0.25;

    private final ToggleButton show = new ToggleButton();
    private final VBox content = new VBox(2);
    private final HBox head;
    private final LessonAnswers answers;

    /**
     * @param onLessonsTab true while the Lessons tab is shown (the lesson is on screen: both parts hide)
     * @param backToLesson selects the Lessons tab
     */
    public LessonQuestionsBar(LessonsViewModel vm, ObservableBooleanValue onLessonsTab, Runnable backToLesson) {
        setId("lessonQuestions");
        getStyleClass().add("lesson-questions");
        setPadding(new Insets(4, 12, 4, 12));

        show.setId("lessonQuestionsToggle");
        show.setGraphic(Icons.icon(Feather.BOOK_OPEN));
        show.getStyleClass().addAll(Styles.SMALL);
        show.textProperty().bind(vm.exerciseQuestionsProperty().map(q -> Messages.get("lessons.questions.show",
                q.size())));
        Tooltip title = Icons.tip("");
        title.textProperty().bind(vm.exerciseTitleProperty().map(t -> Messages.get("lessons.questions.title", t)));
        show.setTooltip(title);
        show.setMinWidth(Region.USE_PREF_SIZE);
        Button back = Icons.button(null, Feather.CORNER_UP_LEFT, Messages.get("lessons.questions.back.help"),
                Styles.SMALL, Styles.FLAT, Styles.BUTTON_ICON);
        back.setId("lessonQuestionsBack");
        back.setOnAction(e -> backToLesson.run());
        Button close = Icons.button(null, Feather.X, Messages.get("lessons.questions.close.help"),
                Styles.SMALL, Styles.FLAT, Styles.BUTTON_ICON);
        close.setId("lessonQuestionsClose");
        close.setOnAction(e -> vm.dismissQuestions());
        head = new HBox(2, show, back, close);
        head.setId("lessonQuestionsHead");
        head.setAlignment(Pos.CENTER_LEFT);
        head.setMinWidth(Region.USE_PREF_SIZE);

        Label heading = new Label();
        heading.setId("lessonQuestionsTitle");
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        heading.textProperty().bind(title.textProperty());
        answers = new LessonAnswers(vm.exerciseAnswersProperty(), true);
        answers.setId("exerciseAnswers");
        answers.toggle().setId("exerciseAnswersToggle");
        content.setId("lessonQuestionsList");
        content.getChildren().addAll(heading, answers);
        // six questions and their answers are taller than a 768-pixel window leaves: they scroll within a third of
        // the window, and the tab below keeps its Run button in view
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("lessonQuestionsScroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("lesson-questions-scroll");
        sceneProperty().subscribe(scene -> {
            scroll.maxHeightProperty().unbind();
            if (scene != null) {
                scroll.maxHeightProperty().bind(scene.heightProperty().multiply(MAX_SHARE_OF_WINDOW));
            }
        });
        getChildren().add(scroll);
        vm.exerciseQuestionsProperty().subscribe(this::showQuestions);

        BooleanBinding active = vm.exerciseTitleProperty().isNotEmpty().and(Bindings.not(onLessonsTab));
        head.visibleProperty().bind(active);
        head.managedProperty().bind(head.visibleProperty());
        visibleProperty().bind(active.and(show.selectedProperty()));
        managedProperty().bind(visibleProperty());
    }

    /** The part for the window's top bar: the questions' toggle, Back to the lesson, put away. */
    public Node head() {
        return head;
    }

    private void showQuestions(List<String> questions) {
        javafx.collections.ObservableList<Node> rows = content.getChildren();
        rows.remove(1, rows.size() - 1); // the heading stays first, the answers last
        for (int i = 0; i < questions.size(); i++) {
            // the Markdown's emphasis marks are left out: a plain line reads better than **New problem**
            Label q = new Label((i + 1) + ". " + questions.get(i).replace("**", "").replace("`", ""));
            q.setWrapText(true);
            q.setMinHeight(Region.USE_PREF_SIZE);
            q.getStyleClass().add(Styles.TEXT_SMALL);
            rows.add(rows.size() - 1, q);
        }
        show.setSelected(getScene() == null || getScene().getHeight() >= OPEN_FROM_HEIGHT_PX);
    }
}
