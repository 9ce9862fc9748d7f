package dev.thinkbench.ui.lessons;

import atlantafx.base.theme.Styles;
import dev.thinkbench.lab.lessons.Lesson;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.KeyScrolling;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.markdown.MarkdownView;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Lessons tab: the lessons listed on the left, the open one's text on the right (Markdown drawn as JavaFX text,
 * so it follows the theme and the zoom), English or Korean, and the exercise buttons under it. The text takes the focus
 * and scrolls with the keys; Page Up and Page Down in the list page the text too (not the list: a reader lost the
 * lesson for the next one). UI thread only.
 */
public final class LessonsView extends SplitPane {

    private final LessonsViewModel vm;
    private final ListView<Lesson> list;
    private final MarkdownView text = new MarkdownView();
    private final LessonAnswers answers;
    private final ScrollPane scroll = new ScrollPane();
    private final Button start;

    public LessonsView(LessonsViewModel vm) {
        this.vm = vm;
        setId("lessonsView");
        getStyleClass().add("lessons-view");
        list = new ListView<>(vm.lessons());
        list.setId("lessonList");
        list.setCellFactory(l -> new LessonCell());
        list.getSelectionModel().select(vm.selectedProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((obs, old, now) -> list.getSelectionModel().select(now));
        vm.languageProperty().addListener((obs, old, now) -> list.refresh());
        list.setMinWidth(180);
        list.setPrefWidth(260);
        Label listTitle = new Label(Messages.get("lessons.title"), Icons.icon(Feather.BOOK_OPEN));
        listTitle.getStyleClass().add(Styles.TITLE_4);
        listTitle.setLabelFor(list);
        VBox left = new VBox(8, listTitle, list);
        left.setPadding(new Insets(12));
        VBox.setVgrow(list, Priority.ALWAYS);

        text.setId("lessonText");
        text.setPadding(new Insets(18, 24, 8, 24));
        text.setMaxWidth(880);
        answers = new LessonAnswers(vm.answersProperty(), false);
        answers.setId("lessonAnswers");
        answers.toggle().setId("lessonAnswersToggle");
        answers.setPadding(new Insets(0, 24, 18, 24));
        answers.setMaxWidth(880);
        scroll.setContent(new VBox(text, answers));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("lesson-scroll");
        scroll.setId("lessonScroll");
        scroll.setAccessibleText(Messages.get("lessons.text.name"));
        KeyScrolling.install(scroll);
        KeyScrolling.pageFrom(list, scroll);
        vm.markdownProperty().addListener((obs, old, now) -> {
            text.setMarkdown(now);
            scroll.setVvalue(0);
        });
        text.setMarkdown(vm.markdownProperty().get());

        start = Icons.button(Messages.get("lessons.start"), Feather.PLAY, Messages.get("lessons.start.help"),
                Styles.ACCENT);
        start.setId("startExerciseButton");
        start.setOnAction(e -> vm.startExercise());
        start.disableProperty().bind(vm.selectedProperty().isNull());
        Button restore = Icons.button(Messages.get("lessons.restore"), Feather.ROTATE_CCW,
                Messages.get("lessons.restore.help"), Styles.BUTTON_OUTLINED);
        restore.setId("restoreWorkbenchButton");
        restore.setOnAction(e -> vm.restoreWorkbench());
        restore.disableProperty().bind(vm.canRestoreProperty().not());
        Label problem = new Label();
        problem.setId("lessonProblem");
        problem.getStyleClass().addAll("field-error", Styles.TEXT_SMALL);
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        HBox.setHgrow(problem, Priority.ALWAYS);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, start, restore, problem, spacer, languages());
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(10, 16, 10, 16));
        actions.getStyleClass().add("lesson-actions");

        BorderPane right = new BorderPane(scroll);
        right.setBottom(actions);
        getItems().addAll(left, right);
        setDividerPositions(0.22);
        SplitPane.setResizableWithParent(left, false);
    }

    private HBox languages() {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox(0);
        box.getStyleClass().add("language-toggle");
        for (String code : LessonsViewModel.LANGUAGES) {
            ToggleButton b = new ToggleButton(Messages.get("lessons.language." + code));
            b.setId("language-" + code);
            b.setToggleGroup(group);
            b.setUserData(code);
            b.getStyleClass().add(Styles.SMALL);
            b.setSelected(code.equals(vm.languageProperty().get()));
            box.getChildren().add(b);
        }
        // the selection says the language, however it was made: a click, or an arrow key (which selects in a toggle
        // group, and left the lesson in the other language while the switch showed this one)
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(old); // pressing the chosen one again keeps it chosen
            } else {
                vm.languageProperty().set((String) now.getUserData());
            }
        });
        box.getChildren().getFirst().getStyleClass().add(Styles.LEFT_PILL);
        box.getChildren().getLast().getStyleClass().add(Styles.RIGHT_PILL);
        return box;
    }

    public LessonsViewModel viewModel() {
        return vm;
    }

    /** The open lesson's text as shown, for tests. */
    public MarkdownView text() {
        return text;
    }

    /** The button that sets up the exercise, for focus and tests. */
    public Button startButton() {
        return start;
    }

    /** A lesson by its title in the chosen language. */
    private final class LessonCell extends ListCell<Lesson> {
        @Override
        protected void updateItem(Lesson item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : vm.title(item));
            setWrapText(true);
            setPrefWidth(0);
        }
    }
}
