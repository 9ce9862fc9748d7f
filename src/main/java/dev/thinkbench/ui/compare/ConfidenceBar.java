package dev.thinkbench.ui.compare;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.common.Switches;
import dev.thinkbench.ui.text.ConfidenceLegend;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.control.Tooltip;

/**
 * The switch that colours the columns' thinking and answers by the model's confidence in each token, with its
 * legend; disabled, with the reason beside it, when the chosen engine does not report token probabilities. UI thread
 * only.
 */
final class ConfidenceBar extends HBox {

    ConfidenceBar(CompareViewModel compare) {
        getStyleClass().add("confidence-bar");
        setId("confidenceBar");
        setSpacing(8);
        setAlignment(Pos.CENTER_RIGHT);
        setPadding(new Insets(4, 8, 4, 8));
        ToggleSwitch toggle = Switches.of(Messages.get("confidence.toggle"));
        toggle.setId("confidenceToggle");
        toggle.selectedProperty().bindBidirectional(compare.confidenceShownProperty());
        toggle.disableProperty().bind(compare.confidenceUnavailableProperty().isNotEmpty());
        toggle.setTooltip(Icons.tip(Messages.get("confidence.help")));
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        HBox legend = ConfidenceLegend.create();
        legend.setId("confidenceLegend");
        legend.visibleProperty().bind(toggle.selectedProperty().and(toggle.disabledProperty().not()));
        legend.managedProperty().bind(legend.visibleProperty());
        // why not, in short, beside the switch; the whole reason, with the engine's name, in its tooltip
        Label why = new Label();
        why.setId("confidenceUnavailable");
        why.getStyleClass().addAll(Styles.TEXT_SMALL, "confidence-unavailable");
        why.textProperty().bind(compare.confidenceUnavailableProperty().map(r -> r.isEmpty() ? ""
                : compare.confidenceUnavailableShort()));
        why.visibleProperty().bind(compare.confidenceUnavailableProperty().isNotEmpty());
        why.managedProperty().bind(why.visibleProperty());
        why.setMinWidth(0);
        Tooltip reason = Icons.tip("");
        reason.textProperty().bind(compare.confidenceUnavailableProperty());
        why.setTooltip(reason);
        // the switch last, at the right edge: the legend appearing beside it never moves it from under the pointer
        getChildren().addAll(legend, why, toggle);
    }
}
