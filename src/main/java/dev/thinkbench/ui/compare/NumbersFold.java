package dev.thinkbench.ui.compare;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Whether the Compare columns show all their numbers or only the key ones (thinking tokens, total time, cost), the
 * same for every column: all where the columns are tall enough, the key ones in a short window, so that the thinking
 * keeps its lines (the charts below show the rest); once the user chooses, their choice holds until they choose
 * again. UI thread only.
 */
public final class NumbersFold {

    private final BooleanProperty roomy = new SimpleBooleanProperty(this, "roomy", true);
    /** The user's choice: null while the room decides. */
    private final ObjectProperty<Boolean> chosen = new SimpleObjectProperty<>(this, "chosen");
    private final BooleanBinding allShown = Bindings.createBooleanBinding(
            () -> chosen.get() != null ? chosen.get() : roomy.get(), chosen, roomy);

    /** Whether the columns are tall enough for all their numbers (set by the columns' pane as the window changes). */
    BooleanProperty roomyProperty() {
        return roomy;
    }

    /** True while all numbers are shown. */
    public BooleanBinding allShownProperty() {
        return allShown;
    }

    /** Shows the key numbers where all were shown and all where the key ones were; holds until toggled again. */
    public void toggle() {
        chosen.set(!allShown.get());
    }
}
