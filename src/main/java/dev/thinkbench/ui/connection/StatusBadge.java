package dev.thinkbench.ui.connection;

import atlantafx.base.controls.Popover;
import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * A few words on the engine or the model (checking, fine, a problem) that open the whole message on a click, with a
 * way to check again. Never cut to an unreadable fragment: the words are short, the message is in the popover.
 * UI thread only.
 */
final class StatusBadge extends Button {

    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");

    /** The narrowest a problem's badge gets: its icon and the start of its words. */
    static final double MIN_WIDTH_PX = 100;

    private final ObservableValue<ServerStatus> status;
    private final Runnable checkAgain;
    private final ProgressIndicator busy = new ProgressIndicator();

    /** @param checkAgain what "Check again" does, null for no such button */
    StatusBadge(String id, ObservableValue<ServerStatus> status, Runnable checkAgain) {
        this.status = status;
        this.checkAgain = checkAgain;
        setId(id);
        getStyleClass().addAll("status-badge", Styles.FLAT, Styles.SMALL);
        // a good state ("1 model", "Loaded in 1.1 s") keeps its words whole: the engine and model boxes beside it give
        // way first; a problem (a server's, with its URL and key fields beside it) may give way too, down to its icon
        // and first words (the tooltip and a click have the rest), rather than run under the buttons beside the bar
        // ({@link #computeMinWidth})
        setMaxWidth(Region.USE_PREF_SIZE);
        setFocusTraversable(false);
        busy.setPrefSize(12, 12);
        busy.setMaxSize(12, 12);
        setOnAction(e -> showDetail());
        status.addListener((obs, old, now) -> show(now));
        show(status.getValue());
    }

    private void show(ServerStatus s) {
        setText(s.summary());
        setVisible(!s.summary().isEmpty());
        setManaged(isVisible());
        setGraphic(switch (s.state()) {
            case CHECKING -> busy;
            case OK -> Icons.icon(Feather.CHECK_CIRCLE);
            case PROBLEM -> Icons.icon(Feather.ALERT_CIRCLE);
            case NONE -> null;
        });
        pseudoClassStateChanged(PROBLEM, s.state() == ServerStatus.State.PROBLEM);
        pseudoClassStateChanged(OK, s.state() == ServerStatus.State.OK);
        // the summary too, so a hover names the state without a click
        setTooltip(s.summary().isEmpty() ? null : Icons.tip(s.detail().isEmpty() ? s.summary()
                : s.summary() + "\n" + Messages.get("connection.details")));
    }

    /** A problem's few words may give way ({@link #MIN_WIDTH_PX}); a good state's stay whole. */
    @Override
    protected double computeMinWidth(double height) {
        double pref = computePrefWidth(height);
        return getPseudoClassStates().contains(PROBLEM) ? Math.min(pref, MIN_WIDTH_PX) : pref;
    }

    /** The whole message, in a popover under the badge. */
    void showDetail() {
        ServerStatus s = status.getValue();
        if (s.detail().isEmpty()) {
            return;
        }
        Label text = new Label(s.detail());
        text.setId(getId() + "Detail");
        text.setWrapText(true);
        text.setMaxWidth(460);
        text.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(8, text);
        box.setPadding(new Insets(4));
        Popover popover = new Popover(box);
        popover.setArrowLocation(Popover.ArrowLocation.TOP_CENTER);
        popover.setDetachable(false);
        if (checkAgain != null && s.state() == ServerStatus.State.PROBLEM) {
            Button again = Icons.button(Messages.get("connection.checkAgain"), Feather.REFRESH_CW, null,
                    Styles.SMALL);
            again.setOnAction(e -> {
                popover.hide();
                checkAgain.run();
            });
            box.getChildren().add(again);
        }
        popover.show(this);
    }
}
