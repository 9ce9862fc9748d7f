package dev.thinkbench.ui.session;

import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.WorkbenchView;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.function.Consumer;

/**
 * Asks before something would throw away runs that are in no file: closing the window (its close button, Ctrl+Q),
 * opening a session over them, and the presets or a lesson's exercise replacing the Compare columns that hold them. A card over the window names what is unsaved and offers Save (then goes on), going
 * on without saving, or Cancel (Esc). Closing also names a sweep under way, which it stops (its finished runs are
 * kept and the next start offers to resume it), and a model download under way, which it pauses (the part downloaded
 * stays for Resume). With nothing to lose it goes on at once. UI thread only.
 */
final class UnsavedRunsGuard {

    /** What would lose the runs, with the words the card uses for it. */
    enum Action {
        CLOSE("session.unsaved.close", "session.unsaved.closeAnyway"),
        OPEN("session.unsaved.open", "session.unsaved.openAnyway"),
        /** The engine's or model's presets replace the Compare columns: only their runs are at stake. */
        REPLACE_COLUMNS("session.unsaved.replace", "session.unsaved.replaceAnyway"),
        /** A lesson's exercise replaces the Compare columns and prompt: only the columns' runs are at stake. */
        EXERCISE("session.unsaved.exercise", "session.unsaved.exerciseAnyway");

        final String explanationKey;
        final String anywayKey;

        Action(String explanationKey, String anywayKey) {
            this.explanationKey = explanationKey;
            this.anywayKey = anywayKey;
        }
    }

    private final WorkbenchView view;
    private final SessionViewModel sessions;

    UnsavedRunsGuard(WorkbenchView view, SessionViewModel sessions) {
        this.view = view;
        this.sessions = sessions;
    }

    /**
     * Goes on with {@code action} now when nothing is unsaved; otherwise asks first.
     *
     * @param saveThen saves the runs (asking for a file where there is none yet), then runs what it is given once
     *                 the file is written
     * @param proceed what {@code action} does
     */
    void check(Action action, Consumer<Runnable> saveThen, Runnable proceed) {
        String unsaved = action == Action.REPLACE_COLUMNS || action == Action.EXERCISE ? sessions.unsavedColumns()
                : sessions.unsavedRuns();
        // opening a session leaves a sweep and a download running; closing the window stops them
        String sweep = action == Action.CLOSE ? sessions.sweepUnderWay() : null;
        String download = action == Action.CLOSE ? sessions.downloadUnderWay() : null;
        if (unsaved.isEmpty() && sweep == null && download == null) {
            proceed.run();
            return;
        }
        if (view.overlayShowing()) {
            view.closeOverlay(); // the help or the welcome gives way to the question
        }
        Label title = new Label(Messages.get(!unsaved.isEmpty() ? "session.unsaved.title"
                : sweep != null ? "session.sweepUnderWay.title" : "session.downloadUnderWay.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        String explanation = unsaved.isEmpty() ? "" : Messages.get(action.explanationKey, unsaved);
        if (sweep != null) {
            explanation += (explanation.isEmpty() ? "" : "\n\n") + Messages.get("session.sweepUnderWay.close", sweep);
        }
        if (download != null) {
            explanation += (explanation.isEmpty() ? "" : "\n\n")
                    + Messages.get("session.downloadUnderWay.close", download);
        }
        Label text = new Label(explanation);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        Button save = Icons.button(Messages.get("session.unsaved.save"), Feather.SAVE, null, Styles.ACCENT);
        save.setId("unsavedSave");
        save.setDefaultButton(true);
        save.setOnAction(e -> {
            view.closeOverlay();
            saveThen.accept(proceed);
        });
        Button anyway = Icons.button(Messages.get(unsaved.isEmpty() ? "session.sweepUnderWay.closeAnyway"
                : action.anywayKey), Feather.TRASH_2, null, Styles.DANGER, Styles.FLAT);
        anyway.setId("unsavedAnyway");
        anyway.setOnAction(e -> {
            view.closeOverlay();
            proceed.run();
        });
        Button cancel = Icons.button(Messages.get("dialog.cancel"), null, null, Styles.FLAT);
        cancel.setId("unsavedCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> view.closeOverlay());
        HBox buttons = unsaved.isEmpty() ? new HBox(8, anyway, cancel) : new HBox(8, save, anyway, cancel);
        if (unsaved.isEmpty()) {
            anyway.setDefaultButton(true);
        }
        VBox card = new VBox(12, title, text, buttons);
        card.setId("unsavedRuns");
        card.setPadding(new Insets(20, 24, 18, 24));
        card.setMaxWidth(560);
        view.showOverlay(card, view::closeOverlay);
    }
}
