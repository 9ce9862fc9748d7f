package dev.thinkbench.ui.compare;

import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.Icons;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/** The answers of samples of one budget, counted, above the charts ({@link CompareViewModel#tallyProperty()}). */
final class TallyLine extends Label {

    TallyLine(CompareViewModel compare) {
        setId("answerTally");
        getStyleClass().addAll("answer-tally", Styles.TEXT_BOLD);
        setGraphic(Icons.icon(Feather.BAR_CHART_2));
        setWrapText(true);
        setMinHeight(Region.USE_PREF_SIZE);
        setPadding(new Insets(6, 12, 0, 12));
        textProperty().bind(compare.tallyProperty());
        visibleProperty().bind(compare.tallyProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
    }
}
