package dev.thinkbench.ui.common;

import dev.thinkbench.core.Grade;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The top of an answer, the same in every Compare column and in the Stepper: the extracted answer in large type with a
 * mark beside it (right, wrong with the expected answer, no answer found, or not graded when the prompt has no known
 * answer), or, instead of a run, why the model cannot do the prompt. Hidden while there is no grade (a run in
 * flight). Follows a grade and a notice. UI thread only.
 */
public final class VerdictBox extends VBox {

    private static final PseudoClass CORRECT = PseudoClass.getPseudoClass("correct");
    private static final PseudoClass WRONG = PseudoClass.getPseudoClass("wrong");
    private static final PseudoClass UNGRADED = PseudoClass.getPseudoClass("ungraded");

    private final Label answer = new Label();
    private final Label mark = new Label();
    private final Label notice = new Label();
    private final Tooltip markTip = Icons.tip("");
    private final BooleanProperty holdsPlace = new SimpleBooleanProperty(this, "holdsPlace");

    /**
     * @param grade the answer's grade, null while there is none
     * @param why why there is no run, empty (or null) when there is one
     */
    public VerdictBox(ObservableValue<Grade> grade, ObservableValue<String> why) {
        getStyleClass().add("verdict-box");
        setSpacing(4);
        answer.setId("extractedAnswer");
        answer.getStyleClass().add("extracted-answer");
        answer.setMinWidth(0);
        answer.setTooltip(Icons.tip(Messages.get("verdict.answer.help")));
        mark.getStyleClass().add("verdict-mark");
        mark.setWrapText(true);
        mark.setTooltip(markTip);
        // the mark moves under the answer when the column is too narrow for both: the answer is never squeezed out
        FlowPane line = new FlowPane(10, 2, answer, mark);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setRowValignment(VPos.CENTER);
        // a flow pane asks for its widest child's whole width as its minimum: a long answer ("I can only solve small
        // arithmetic word problems.") then pushed the column's content past its edge; the answer is cut instead
        line.setMinWidth(0);
        answer.maxWidthProperty().bind(line.widthProperty());
        mark.maxWidthProperty().bind(line.widthProperty());
        notice.getStyleClass().add("verdict-notice");
        notice.setWrapText(true);
        notice.setMinHeight(Region.USE_PREF_SIZE);
        notice.setGraphic(Icons.icon(Feather.ALERT_TRIANGLE));
        getChildren().addAll(line, notice);
        grade.addListener((obs, old, now) -> show(now, why.getValue()));
        holdsPlace.addListener((obs, old, now) -> show(grade.getValue(), why.getValue()));
        why.addListener((obs, old, now) -> show(grade.getValue(), now));
        show(grade.getValue(), why.getValue());
    }

    /**
     * Whether the box keeps its place while there is no grade yet (empty, its height kept): in presenter mode the
     * thinking above it then keeps its height when the answer comes, instead of giving two lines of it up in front of
     * the room. False by default.
     */
    public BooleanProperty holdsPlaceProperty() {
        return holdsPlace;
    }

    private void show(Grade grade, String why) {
        boolean hasNotice = why != null && !why.isEmpty();
        notice.setText(hasNotice ? why : "");
        notice.setVisible(hasNotice);
        notice.setManaged(hasNotice);
        boolean graded = grade != null && !hasNotice;
        boolean placeHeld = holdsPlace.get() && !hasNotice;
        answer.getParent().setVisible(graded);
        answer.getParent().setManaged(graded || placeHeld);
        setVisible(graded || hasNotice);
        setManaged(isVisible() || placeHeld);
        pseudoClassStateChanged(CORRECT, graded && grade.verdict() == Grade.Verdict.CORRECT);
        pseudoClassStateChanged(WRONG, graded && grade.verdict() == Grade.Verdict.WRONG);
        pseudoClassStateChanged(UNGRADED, graded && grade.verdict() == Grade.Verdict.UNGRADABLE);
        if (!graded) {
            return;
        }
        answer.setText(grade.extracted() == null ? Messages.get("verdict.noAnswer")
                : dev.thinkbench.core.SecretScrubber.blot(grade.extracted())); // a key the model wrote as its answer
        switch (grade.verdict()) {
            case CORRECT -> {
                mark.setText(Messages.get("verdict.correct"));
                mark.setGraphic(Icons.icon(Feather.CHECK_CIRCLE));
                markTip.setText(Messages.get("verdict.correct.help", grade.expected()));
            }
            case WRONG -> {
                mark.setText(grade.flag() == Grade.Flag.NO_ANSWER_FOUND
                        ? Messages.get("verdict.wrong.none", grade.expected())
                        : Messages.get("verdict.wrong", grade.expected()));
                mark.setGraphic(Icons.icon(Feather.X_CIRCLE));
                markTip.setText(Messages.get("verdict.wrong.help", grade.expected()));
            }
            case UNGRADABLE -> {
                mark.setText(Messages.get("verdict.ungraded"));
                mark.setGraphic(Icons.icon(Feather.HELP_CIRCLE));
                markTip.setText(Messages.get("verdict.ungraded.help"));
            }
        }
    }

    /** The extracted answer shown, for tests. */
    public String answerText() {
        return answer.getText();
    }

    /** The mark shown (right, wrong, not graded), for tests. */
    public String markText() {
        return mark.getText();
    }

    /** Why the column did not run, for tests; empty when it did. */
    public String noticeText() {
        return notice.getText();
    }
}
