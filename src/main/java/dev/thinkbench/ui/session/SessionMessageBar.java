package dev.thinkbench.ui.session;

import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * What the last save or open did, or why it failed, floating over the bottom of the whole window
 * ({@link dev.thinkbench.ui.WorkbenchView#addFloating}): saving and opening are the window's (Ctrl+S from the Stepper,
 * a file opened from the Experiments tab), so their word shows wherever the user is, and it moves nothing when it
 * comes or goes. Good news goes by itself after a while; a problem stays until closed. Shown only while there is a
 * message. UI thread only.
 */
public final class SessionMessageBar extends HBox {

    /** The widest the message's text runs before it wraps. */
    static final double MAX_WIDTH_PX = 720;

    /** How long a message that is not a problem stays. */
    static final Duration MESSAGE_SHOWN = Duration.seconds(8);

    public SessionMessageBar(SessionViewModel sessions) {
        super(6);
        Label text = new Label();
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setId("sessionMessage");
        text.textProperty().bind(sessions.messageProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(MAX_WIDTH_PX);
        Button close = Icons.button(null, Feather.X, Messages.get("session.message.close"), Styles.BUTTON_ICON,
                Styles.FLAT, Styles.SMALL);
        close.setOnAction(e -> sessions.dismissMessage());
        getChildren().addAll(text, close);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getStyleClass().addAll("session-note", "session-message", "window-message");
        sessions.problemProperty().addListener((obs, was, now) -> {
            getStyleClass().remove("problem");
            if (now) {
                getStyleClass().add("problem");
            }
            text.setGraphic(Icons.icon(now ? Feather.ALERT_TRIANGLE : Feather.CHECK_CIRCLE));
        });
        text.setGraphic(Icons.icon(Feather.CHECK_CIRCLE));
        visibleProperty().bind(sessions.messageProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
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
    }
}
