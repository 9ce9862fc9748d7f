package dev.thinkbench.ui.compare;

import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.Icons;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import org.kordamp.ikonli.feather.Feather;

/**
 * Says, above the columns, that they show a run made before the prompt, the model or a budget changed
 * ({@link CompareViewModel#staleNoteProperty()}); hidden otherwise, and while the columns' own note says they were
 * kept over another engine or model.
 */
final class StaleLine extends Label {

    StaleLine(CompareViewModel compare) {
        setId("staleNote");
        getStyleClass().addAll("stale-note", Styles.WARNING, Styles.TEXT_SMALL);
        setGraphic(Icons.icon(Feather.ALERT_TRIANGLE));
        setWrapText(true);
        setMinHeight(USE_PREF_SIZE);
        setMaxWidth(Double.MAX_VALUE);
        setPadding(new Insets(2, 12, 2, 12));
        textProperty().bind(compare.staleNoteProperty());
        visibleProperty().bind(compare.staleNoteShown());
        managedProperty().bind(visibleProperty());
    }
}
