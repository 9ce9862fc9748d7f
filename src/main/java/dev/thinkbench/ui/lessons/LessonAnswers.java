package dev.thinkbench.ui.lessons;

import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;

/**
 * A lesson's answers to its questions, folded away behind a "Show answers" toggle (try first, then check), numbered
 * as the questions are. Hidden when the lesson gives none; folded again when the answers change (another lesson, or
 * another language). UI thread only.
 */
final class LessonAnswers extends VBox {

    private final ToggleButton toggle = new ToggleButton();
    private final VBox list = new VBox(4);

    /** @param small true for the compact strip beside an exercise, false under the lesson's text */
    LessonAnswers(ObservableValue<List<String>> answers, boolean small) {
        super(6);
        getStyleClass().add("lesson-answers");
        toggle.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
        toggle.setGraphic(Icons.icon(Feather.CHECK_SQUARE));
        toggle.textProperty().bind(toggle.selectedProperty().map(on -> Messages.get(on ? "lessons.answers.hide"
                : "lessons.answers.show")));
        toggle.setTooltip(Icons.tip(Messages.get("lessons.answers.help")));
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        list.visibleProperty().bind(toggle.selectedProperty());
        list.managedProperty().bind(list.visibleProperty());
        getChildren().addAll(toggle, list);
        answers.subscribe(a -> show(a, small));
    }

    /** The toggle, for ids and tests. */
    ToggleButton toggle() {
        return toggle;
    }

    private void show(List<String> answers, boolean small) {
        toggle.setSelected(false);
        list.getChildren().clear();
        for (int i = 0; i < answers.size(); i++) {
            // as the questions are shown: the Markdown's emphasis marks are left out
            Label a = new Label((i + 1) + ". " + answers.get(i).replace("**", "").replace("`", ""));
            a.setWrapText(true);
            a.setMinHeight(Region.USE_PREF_SIZE);
            a.getStyleClass().add("lesson-answer");
            if (small) {
                a.getStyleClass().add(Styles.TEXT_SMALL);
            }
            list.getChildren().add(a);
        }
        setVisible(!answers.isEmpty());
        setManaged(isVisible());
    }
}
