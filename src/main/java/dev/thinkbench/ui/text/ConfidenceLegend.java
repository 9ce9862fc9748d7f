package dev.thinkbench.ui.text;

import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The legend of the confidence view's three bands (■ sure ■ unsure ■ guessing, in their colours), with what they mean
 * in a tooltip; Compare and the Stepper show the same one beside their switch. UI thread only.
 */
public final class ConfidenceLegend {

    private ConfidenceLegend() {
    }

    /** A new legend (style class {@code confidence-legend}). */
    public static HBox create() {
        HBox legend = new HBox(8, swatch(TextChunk.Confidence.SURE, "confidence.sure"),
                swatch(TextChunk.Confidence.UNSURE, "confidence.unsure"),
                swatch(TextChunk.Confidence.GUESSING, "confidence.guessing"));
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.getStyleClass().add("confidence-legend");
        legend.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip.install(legend, Icons.tip(Messages.get("confidence.legend")));
        return legend;
    }

    private static Text swatch(TextChunk.Confidence band, String key) {
        Text t = new Text("\u25a0 " + Messages.get(key));
        t.getStyleClass().addAll("text", band.styleClass());
        return t;
    }
}
