package dev.thinkbench.ui.compare;

import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.Icons;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import org.kordamp.ikonli.feather.Feather;

/**
 * Says, in the row above the columns (beside the best-of-N switch), that they show a run made before the prompt, the model or a budget changed
 * ({@link CompareViewModel#staleNoteProperty()}); hidden otherwise, and while the columns' own note says they were
 * kept over another engine or model.
 */
final class StaleLine extends Label {

    StaleLine(CompareViewModel compare) {
        setId("staleNote");
        getStyleClass().addAll("stale-note", Styles.WARNING, Styles.TEXT_SMALL);
        setGraphic(Icons.icon(Feather.ALERT_TRIANGLE));
        // one line in the row above the columns, cut with an ellipsis where narrow and whole on hover: a line of its
        // own pushed every column down at the first keystroke in a budget field, under the pointer
        setMinWidth(0);
        setMaxWidth(Double.MAX_VALUE);
        setPadding(new Insets(0, 12, 0, 12));
        textProperty().bind(compare.staleNoteProperty());
        javafx.scene.control.Tooltip whole = Icons.tip("");
        whole.textProperty().bind(compare.staleNoteProperty());
        setTooltip(whole);
        visibleProperty().bind(compare.staleNoteShown());
        managedProperty().bind(visibleProperty());
    }
}
