package dev.thinkbench.ui.lessons;

import dev.thinkbench.lab.lessons.Exercise;
import dev.thinkbench.lab.lessons.Lesson;
import dev.thinkbench.ui.common.Messages;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Consumer;

/**
 * The Lessons tab: the lessons in order, the one open, the language it is read in (English or Korean; the system's
 * when it is one of them), its text, and its exercise: "Start the exercise" sets the workbench up from scratch (again
 * and again), "Back to my workbench" puts back what was there before. UI thread only.
 */
public final class LessonsViewModel {

    /** The languages lessons are written in, in the order the view offers them. */
    public static final List<String> LANGUAGES = List.of("en", "ko");

    private final ObservableList<Lesson> lessons;
    private final LessonWorkbench workbench;
    private final ObjectProperty<Lesson> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty language = new SimpleStringProperty(this, "language",
            Messages.korean() ? "ko" : "en");
    private final ReadOnlyStringWrapper markdown = new ReadOnlyStringWrapper(this, "markdown", "");
    private final ReadOnlyBooleanWrapper canRestore = new ReadOnlyBooleanWrapper(this, "canRestore");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper exerciseTitle = new ReadOnlyStringWrapper(this, "exerciseTitle", "");
    private final ReadOnlyObjectWrapper<List<String>> exerciseQuestions = new ReadOnlyObjectWrapper<>(this,
            "exerciseQuestions", List.of());
    private final ReadOnlyObjectWrapper<List<String>> exerciseAnswers = new ReadOnlyObjectWrapper<>(this,
            "exerciseAnswers", List.of());
    private final ReadOnlyObjectWrapper<List<String>> answers = new ReadOnlyObjectWrapper<>(this, "answers",
            List.of());
    /** Asked before a Compare exercise replaces the columns ({@link #setAskFirst}); goes on at once unless set. */
    private Consumer<Runnable> askFirst = Runnable::run;

    /**
     * @param lessons the lessons in order (may be empty: the tab then says where they should be)
     * @param loadProblem why the lessons could not be read, empty when they were
     */
    public LessonsViewModel(List<Lesson> lessons, String loadProblem, LessonWorkbench workbench) {
        this.lessons = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(lessons));
        this.workbench = workbench;
        problem.set(loadProblem == null ? "" : loadProblem);
        selected.addListener((obs, old, now) -> refresh());
        language.addListener((obs, old, now) -> refresh());
        if (!lessons.isEmpty()) {
            selected.set(lessons.getFirst());
        }
    }

    private void refresh() {
        Lesson l = selected.get();
        markdown.set(l == null ? "" : l.text(language.get()));
        answers.set(l == null ? List.of() : l.answers(language.get()));
    }

    /**
     * What is asked before an exercise replaces the Compare columns and prompt (the window's "save first?" where their
     * runs are in no file): it is given the setting up, and runs it now, once the runs are saved, or never (cancelled).
     */
    public void setAskFirst(Consumer<Runnable> ask) {
        askFirst = ask == null ? Runnable::run : ask;
    }

    /**
     * Sets up the open lesson's exercise from scratch (and runs it when it says so); one on the Compare tab, whose
     * columns it replaces, asks first ({@link #setAskFirst}).
     */
    public void startExercise() {
        Lesson l = selected.get();
        if (l == null) {
            return;
        }
        String lang = language.get();
        if (l.exercise().tab() == Exercise.Tab.COMPARE) {
            askFirst.accept(() -> setUp(l, lang));
        } else {
            setUp(l, lang);
        }
    }

    private void setUp(Lesson l, String lang) {
        try {
            workbench.setUp(l.exercise(), lang);
            problem.set("");
            exerciseTitle.set(l.title(lang));
            exerciseQuestions.set(l.questions(lang));
            exerciseAnswers.set(l.answers(lang));
        } catch (IllegalArgumentException | IllegalStateException e) {
            problem.set(Messages.get("lessons.exerciseFailed", e.getMessage()));
        }
        canRestore.set(workbench.canRestore());
    }

    /** Puts the workbench back as it was before the first exercise. */
    public void restoreWorkbench() {
        dismissQuestions();
        workbench.restore();
        canRestore.set(workbench.canRestore());
    }

    /** The open lesson's title in the chosen language, empty when none is open. */
    public String title(Lesson lesson) {
        return lesson == null ? "" : lesson.title(language.get());
    }

    public ObservableList<Lesson> lessons() {
        return lessons;
    }

    public ObjectProperty<Lesson> selectedProperty() {
        return selected;
    }

    /** {@code en} or {@code ko}; a lesson without that translation shows in English. */
    public StringProperty languageProperty() {
        return language;
    }

    /** The open lesson's text in the chosen language (Markdown), without its answers ({@link #answersProperty}). */
    public ReadOnlyStringProperty markdownProperty() {
        return markdown.getReadOnlyProperty();
    }

    /** True once an exercise changed the workbench and there is something to put back. */
    public ReadOnlyBooleanProperty canRestoreProperty() {
        return canRestore.getReadOnlyProperty();
    }

    /**
     * The title of the lesson whose exercise was last started, shown with its questions beside the exercise (the
     * questions stay readable next to the results); empty when none was, or once they are put away.
     */
    public ReadOnlyStringProperty exerciseTitleProperty() {
        return exerciseTitle.getReadOnlyProperty();
    }

    /** That lesson's questions, in the language it was read in; empty when none are shown. */
    public ReadOnlyObjectProperty<List<String>> exerciseQuestionsProperty() {
        return exerciseQuestions.getReadOnlyProperty();
    }

    /** The answers to that lesson's questions, in their order; empty when it gives none. */
    public ReadOnlyObjectProperty<List<String>> exerciseAnswersProperty() {
        return exerciseAnswers.getReadOnlyProperty();
    }

    /** The open lesson's answers to its questions (shown when asked for, under its text); empty for none. */
    public ReadOnlyObjectProperty<List<String>> answersProperty() {
        return answers.getReadOnlyProperty();
    }

    /** Puts the exercise's questions away. */
    public void dismissQuestions() {
        exerciseTitle.set("");
        exerciseQuestions.set(List.of());
        exerciseAnswers.set(List.of());
    }

    /** Why the lessons or an exercise could not be used, empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
