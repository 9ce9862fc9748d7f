package dev.thinkbench.ui.session;

import dev.thinkbench.ui.common.Messages;
import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.compare.CompareViewModel;
import dev.thinkbench.ui.present.PresenterViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.nio.file.Path;

/**
 * What sits above the Compare columns, each line only while it has something to say: the offer to restore an
 * autosave a crash left behind, a note that the columns are a finished comparison kept through an engine switch (with
 * the new engine's presets a click away), the replay controls of an opened session, and in presenter mode the prompt
 * in large type. UI thread only.
 */
public final class ColumnsHeader extends VBox {

    /**
     * @param beforeReplacing runs what it is given once the user agrees to lose the Compare columns' runs that are in
     *                        no file (asking first where there are some)
     */
    public ColumnsHeader(SessionViewModel sessions, PresenterViewModel presenter,
                         java.util.function.Consumer<Runnable> beforeReplacing) {
        getStyleClass().add("columns-header");
        setId("columnsHeader");
        CompareViewModel compare = sessions.compare();
        getChildren().addAll(restoreOffer(sessions, presenter), kept(sessions, presenter, beforeReplacing),
                new ReplayBar(sessions.replay()), promptBanner(compare, presenter));
        BooleanBinding any = Bindings.createBooleanBinding(() -> getChildren().stream().anyMatch(n -> n.isVisible()),
                getChildren().stream().map(n -> n.visibleProperty()).toArray(javafx.beans.Observable[]::new));
        visibleProperty().bind(any);
        managedProperty().bind(visibleProperty());
    }

    /**
     * A line of the header that wraps and keeps the height of its wrapped text: where the columns below want every
     * pixel (a 720-pixel-high window), a box shrinks to its minimum, one line, and the text would end in "..." .
     */
    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static HBox restoreOffer(SessionViewModel sessions, PresenterViewModel presenter) {
        Label text = wrapping(null);
        text.setGraphic(Icons.icon(Feather.LIFE_BUOY));
        text.textProperty().bind(sessions.restoreOfferProperty().map(ColumnsHeader::offerText));
        HBox.setHgrow(text, Priority.ALWAYS);
        Button restore = Icons.button(Messages.get("session.restore"), Feather.ROTATE_CCW,
                Messages.get("session.restore.help"),
                Styles.SMALL, Styles.ACCENT);
        restore.setId("restoreAutosave");
        restore.setOnAction(e -> sessions.restore());
        Button discard = Icons.button(Messages.get("session.discard"), Feather.TRASH_2,
                Messages.get("session.discard.help"), Styles.SMALL,
                Styles.FLAT);
        discard.setId("discardAutosave");
        discard.setOnAction(e -> sessions.discardRestore());
        restore.setMinWidth(Region.USE_PREF_SIZE);
        discard.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(8, text, restore, discard);
        box.setId("restoreOffer");
        box.getStyleClass().add("session-note");
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // for the speaker, not the room: folded away while presenting, back when presenter mode ends
        box.visibleProperty().bind(sessions.restoreOfferProperty().isNotNull()
                .and(presenter.presentingProperty().not()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static String offerText(Path file) {
        return Messages.get("session.restoreOffer", file.getFileName());
    }

    private static HBox kept(SessionViewModel sessions, PresenterViewModel presenter,
                             java.util.function.Consumer<Runnable> beforeReplacing) {
        CompareViewModel compare = sessions.compare();
        Label text = wrapping("");
        // kept over another engine or model, or (after a run) holding a budget this model refuses: the presets are
        // the way out either way
        text.textProperty().bind(Bindings.createStringBinding(() -> Messages.get(
                compare.keptColumnsProperty().get() ? compare.keptOverModelProperty().get()
                        ? "session.keptColumns.model" : "session.keptColumns" : "session.budgetsRefused"),
                compare.keptColumnsProperty(), compare.keptOverModelProperty()));
        text.setGraphic(Icons.icon(Feather.INFO));
        HBox.setHgrow(text, Priority.ALWAYS);
        Button presets = Icons.button(Messages.get("session.usePresets"), Feather.COLUMNS,
                Messages.get("session.usePresets.help"),
                Styles.SMALL, Styles.BUTTON_OUTLINED);
        presets.setId("usePresets");
        presets.textProperty().bind(Bindings.createStringBinding(() -> Messages.get(
                compare.keptOverModelProperty().get() || !compare.keptColumnsProperty().get()
                        ? "session.usePresets.model" : "session.usePresets"),
                compare.keptColumnsProperty(), compare.keptOverModelProperty()));
        presets.setMinWidth(Region.USE_PREF_SIZE);
        // the kept columns hold runs: replacing them asks first where those are in no file (it cleared them unasked)
        presets.setOnAction(e -> beforeReplacing.accept(sessions::usePresets));
        HBox box = new HBox(8, text, presets);
        box.setId("keptColumns");
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.getStyleClass().add("kept-note");
        box.visibleProperty().bind(compare.keptColumnsProperty().or(compare.budgetsRefusedProperty())
                .and(presenter.presentingProperty().not()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Label promptBanner(CompareViewModel compare, PresenterViewModel presenter) {
        Label prompt = new Label();
        prompt.setId("promptBanner");
        prompt.getStyleClass().add("prompt-banner");
        prompt.setWrapText(true);
        prompt.setMaxHeight(Region.USE_PREF_SIZE);
        // the question the columns answer (a lesson may have put the next one in the box already)
        prompt.textProperty().bind(compare.shownPromptProperty());
        prompt.visibleProperty().bind(presenter.presentingProperty()
                .and(compare.shownPromptProperty().isNotEmpty()));
        prompt.managedProperty().bind(prompt.visibleProperty());
        return prompt;
    }
}
