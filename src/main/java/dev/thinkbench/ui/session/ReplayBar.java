package dev.thinkbench.ui.session;

import dev.thinkbench.ui.common.Messages;
import atlantafx.base.theme.Styles;
import dev.thinkbench.lab.Replay;
import dev.thinkbench.ui.common.Icons;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

import java.util.Locale;

/**
 * The replay controls of an opened session: what it is, play / pause, restart, speed (1x, 2x, 5x, at once), a seek
 * slider with the time, and close. Keys (see {@link SessionControls}): Space play / pause, Left / Right five seconds
 * back / on, Home restart. UI thread only.
 */
public final class ReplayBar extends HBox {

    private final ReplayViewModel replay;
    private final Button play = Icons.button(null, Feather.PLAY, Messages.get("replay.play.help"),
            Styles.BUTTON_ICON, Styles.ACCENT);
    private final Slider seek = new Slider(0, 1, 0);
    private boolean updating;

    public ReplayBar(ReplayViewModel replay) {
        this.replay = replay;
        getStyleClass().add("replay-bar");
        setId("replayBar");
        Label title = new Label();
        title.getStyleClass().add("replay-title");
        title.setGraphic(Icons.icon(Feather.FILM));
        title.textProperty().bind(replay.titleProperty());
        title.setMinWidth(0);
        // the whole title (a narrow bar cuts it) and the file's note, e.g. how a sample was recorded
        javafx.scene.control.Tooltip tip = Icons.tip("");
        tip.textProperty().bind(Bindings.createStringBinding(() -> replay.noteProperty().get().isEmpty()
                        ? Messages.get("replay.title.tip", replay.titleProperty().get())
                        : Messages.get("replay.title.tipNote", replay.titleProperty().get(), replay.noteProperty().get()),
                replay.titleProperty(), replay.noteProperty()));
        title.setTooltip(tip);
        play.setId("replayPlay");
        play.setOnAction(e -> replay.playPause());
        replay.playingProperty().addListener((obs, was, now) -> {
            play.setGraphic(Icons.icon(now ? Feather.PAUSE : Feather.PLAY));
            play.getTooltip().setText(Messages.get(now ? "replay.pause.help" : "replay.play.help"));
        });
        Button restart = Icons.button(null, Feather.SKIP_BACK, Messages.get("replay.restart.help"), Styles.BUTTON_ICON,
                Styles.FLAT);
        restart.setId("replayRestart");
        restart.setOnAction(e -> replay.restart());
        HBox speeds = speeds();
        seek.setId("replaySeek");
        seek.setMinWidth(80);
        HBox.setHgrow(seek, Priority.ALWAYS);
        seek.maxProperty().bind(Bindings.max(0.001, replay.durationProperty()));
        replay.positionProperty().addListener((obs, old, now) -> {
            updating = true;
            seek.setValue(now.doubleValue());
            updating = false;
        });
        seek.valueProperty().addListener((obs, old, now) -> {
            if (!updating) {
                replay.seek(now.doubleValue());
            }
        });
        Label time = new Label();
        time.getStyleClass().add("replay-time");
        time.setMinWidth(Region.USE_PREF_SIZE);
        time.textProperty().bind(Bindings.createStringBinding(() -> {
            double duration = replay.durationProperty().get();
            return clock(replay.positionProperty().get(), duration) + " / " + clock(duration, duration);
        }, replay.positionProperty(), replay.durationProperty()));
        Button close = Icons.button(null, Feather.X, Messages.get("replay.close.help"),
                Styles.BUTTON_ICON, Styles.FLAT);
        close.setId("replayClose");
        close.setOnAction(e -> replay.close());
        for (Region r : new Region[]{play, restart, speeds, close}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox.setHgrow(title, Priority.SOMETIMES);
        getChildren().addAll(play, restart, speeds, seek, time, title, close);
        visibleProperty().bind(replay.activeProperty());
        managedProperty().bind(visibleProperty());
        // an opened session takes the keys: Space plays at once, not into the prompt
        replay.activeProperty().addListener((obs, was, now) -> {
            if (now) {
                Platform.runLater(play::requestFocus);
            }
        });
    }

    private HBox speeds() {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox();
        box.getStyleClass().add("replay-speeds");
        for (Replay.Speed s : Replay.Speed.values()) {
            ToggleButton b = new ToggleButton(s == Replay.Speed.INSTANT ? Messages.get("replay.speed.instant")
                    : s.tenth() ? Messages.get("replay.speed.tenth") : Messages.get("replay.speed", s.factor()));
            b.setId(s.tenth() ? "replaySpeedTenth" : "replaySpeed" + s.factor());
            b.setToggleGroup(group);
            b.getStyleClass().add(Styles.SMALL);
            b.setUserData(s);
            b.setSelected(s == replay.speedProperty().get());
            b.setTooltip(Icons.tip(s == Replay.Speed.INSTANT ? Messages.get("replay.speed.instant.help")
                    : s.tenth() ? Messages.get("replay.speed.tenth.help")
                    : Messages.get("replay.speed.help", s.factor())));
            box.getChildren().add(b);
        }
        box.getChildren().getFirst().getStyleClass().add(Styles.LEFT_PILL);
        box.getChildren().getLast().getStyleClass().add(Styles.RIGHT_PILL);
        for (int i = 1; i < box.getChildren().size() - 1; i++) {
            box.getChildren().get(i).getStyleClass().add(Styles.CENTER_PILL);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one speed is always chosen
            } else if (now.getUserData() != replay.speedProperty().get()) {
                replay.setSpeed((Replay.Speed) now.getUserData());
            }
        });
        replay.speedProperty().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true)));
        return box;
    }

    /**
     * A position as minutes, seconds and tenths; in hundredths for a recording under 10 s (a 0.2 s one read
     * "0:00.0 / 0:00.2" with its slider a third of the way).
     */
    static String clock(double seconds, double duration) {
        long s = (long) Math.floor(seconds);
        if (duration < 10) {
            return String.format(Locale.ROOT, "%d:%02d.%02d", s / 60, s % 60, (long) ((seconds - s) * 100));
        }
        return String.format(Locale.ROOT, "%d:%02d.%d", s / 60, s % 60, (long) ((seconds - s) * 10));
    }

    /** The seek slider, for tests. */
    public Slider seekSlider() {
        return seek;
    }
}
