package dev.thinkbench.ui.compare;

import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.Icons;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import org.kordamp.ikonli.feather.Feather;

/**
 * The answers of samples of one budget, counted, in the row above the columns ({@link CompareViewModel#tallyProperty()});
 * one line, its whole text in a tooltip where the row is too narrow.
 */
final class TallyLine extends Label {

    TallyLine(CompareViewModel compare) {
        setId("answerTally");
        getStyleClass().addAll("answer-tally", Styles.TEXT_BOLD);
        setGraphic(Icons.icon(Feather.BAR_CHART_2));
        setMinWidth(0);
        setMaxWidth(Double.MAX_VALUE);
        setPadding(new Insets(0, 12, 0, 12));
        textProperty().bind(compare.tallyProperty());
        javafx.scene.control.Tooltip whole = Icons.tip("");
        whole.textProperty().bind(compare.tallyProperty());
        setTooltip(whole);
        visibleProperty().bind(compare.tallyProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
    }
}
