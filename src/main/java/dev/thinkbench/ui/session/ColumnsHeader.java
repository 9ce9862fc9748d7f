package dev.thinkbench.ui.session;

import dev.thinkbench.ui.common.Messages;
import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.compare.CompareViewModel;
import dev.thinkbench.ui.present.PresenterViewModel;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

import java.nio.file.Path;

/**
 * What sits above the Compare columns, each line only while it has something to say: the offer to restore an
 * autosave a crash left behind, what the last save or open did (or why it failed), a note that the columns are a
 * finished comparison kept through an engine switch (with the new engine's presets a click away), the replay
 * controls of an opened session, and in presenter mode the prompt in large type. UI thread only.
 */
public final class ColumnsHeader extends VBox {

    /** How long a message that is not a problem stays. */
    static final Duration MESSAGE_SHOWN = Duration.seconds(8);

    public ColumnsHeader(SessionViewModel sessions, PresenterViewModel presenter) {
        getStyleClass().add("columns-header");
        setId("columnsHeader");
        CompareViewModel compare = sessions.compare();
        getChildren().addAll(restoreOffer(sessions), message(sessions), kept(compare),
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

    private static HBox restoreOffer(SessionViewModel sessions) {
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
        box.visibleProperty().bind(sessions.restoreOfferProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static String offerText(Path file) {
        return Messages.get("session.restoreOffer", file.getFileName());
    }

    private static HBox message(SessionViewModel sessions) {
        Label text = wrapping(null);
        text.setId("sessionMessage");
        text.textProperty().bind(sessions.messageProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = Icons.button(null, Feather.X, Messages.get("session.message.close"), Styles.BUTTON_ICON,
                Styles.FLAT,
                Styles.SMALL);
        close.setOnAction(e -> sessions.dismissMessage());
        HBox box = new HBox(6, text, close);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.getStyleClass().addAll("session-note", "session-message");
        sessions.problemProperty().addListener((obs, was, now) -> {
            box.getStyleClass().remove("problem");
            if (now) {
                box.getStyleClass().add("problem");
            }
            text.setGraphic(Icons.icon(now ? Feather.ALERT_TRIANGLE : Feather.CHECK_CIRCLE));
        });
        text.setGraphic(Icons.icon(Feather.CHECK_CIRCLE));
        box.visibleProperty().bind(sessions.messageProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        // good news goes by itself after a while (the room to the columns); a problem stays until closed
        PauseTransition fade = new PauseTransition(MESSAGE_SHOWN);
        fade.setOnFinished(e -> {
            if (!sessions.problemProperty().get()) {
                sessions.dismissMessage();
            }
        });
        sessions.messageProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty() && !sessions.problemProperty().get()) {
                fade.playFromStart();
            } else {
                fade.stop();
            }
        });
        return box;
    }

    private static HBox kept(CompareViewModel compare) {
        Label text = wrapping(Messages.get("session.keptColumns"));
        text.setGraphic(Icons.icon(Feather.INFO));
        HBox.setHgrow(text, Priority.ALWAYS);
        Button presets = Icons.button(Messages.get("session.usePresets"), Feather.COLUMNS,
                Messages.get("session.usePresets.help"),
                Styles.SMALL, Styles.BUTTON_OUTLINED);
        presets.setId("usePresets");
        presets.setMinWidth(Region.USE_PREF_SIZE);
        presets.setOnAction(e -> compare.resetColumnsToPresets());
        HBox box = new HBox(8, text, presets);
        box.setId("keptColumns");
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.getStyleClass().add("kept-note");
        box.visibleProperty().bind(compare.keptColumnsProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Label promptBanner(CompareViewModel compare, PresenterViewModel presenter) {
        Label prompt = new Label();
        prompt.setId("promptBanner");
        prompt.getStyleClass().add("prompt-banner");
        prompt.setWrapText(true);
        prompt.setMaxHeight(Region.USE_PREF_SIZE);
        prompt.textProperty().bind(compare.prompt().promptProperty());
        prompt.visibleProperty().bind(presenter.presentingProperty()
                .and(compare.prompt().promptProperty().isNotEmpty()));
        prompt.managedProperty().bind(prompt.visibleProperty());
        return prompt;
    }
}
