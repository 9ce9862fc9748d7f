package dev.thinkbench.ui.compare;

import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * A column's editable title: a text field, and over it, while the field is not being edited, the same text as a label
 * that ends in an ellipsis where the header's room runs out (a text field cuts its text at its edge with nothing to say
 * so: beside a "waiting" badge, "16 tokens" read "16 toke"). The whole title is then in the tooltip. Clicks and the
 * keyboard go to the field; while it has the focus it shows its own text, to edit. UI thread only.
 */
final class ColumnTitle extends StackPane {

    /** The field's own text is hidden while the label shows it (drawing both would double it). */
    private static final PseudoClass COVERED = PseudoClass.getPseudoClass("covered");

    private final TextField field = new TextField();
    private final Label shown = new Label();

    ColumnTitle(StringProperty title) {
        getStyleClass().add("column-title-box");
        field.textProperty().bindBidirectional(title);
        field.getStyleClass().add("column-label");
        field.setPromptText(Messages.get("column.label.placeholder"));
        shown.getStyleClass().add("column-title");
        shown.textProperty().bind(field.textProperty());
        shown.setTextOverrun(OverrunStyle.ELLIPSIS);
        shown.setMinWidth(0);
        shown.setMaxWidth(Double.MAX_VALUE);
        shown.setMouseTransparent(true);
        shown.visibleProperty().bind(field.focusedProperty().not().and(field.textProperty().isNotEmpty()));
        shown.visibleProperty().addListener((obs, was, now) -> field.pseudoClassStateChanged(COVERED, now));
        field.pseudoClassStateChanged(COVERED, shown.isVisible());
        setAlignment(Pos.CENTER_LEFT);
        String help = Messages.get("column.label.help");
        Tooltip tip = Icons.tip(help);
        // a cut title is whole here
        tip.textProperty().bind(Bindings.createStringBinding(() -> shown.isTextTruncated()
                ? shown.getText() + "\n" + help : help, shown.textTruncatedProperty(), shown.textProperty()));
        field.setTooltip(tip);
        getChildren().addAll(field, shown);
    }

    /** The field that edits the title (it takes the focus, and a screen reader's name for the title). */
    TextField field() {
        return field;
    }
}
