package dev.thinkbench.ui.session;

import dev.thinkbench.ui.common.Messages;
import atlantafx.base.theme.Styles;
import dev.thinkbench.lab.Replay;
import dev.thinkbench.ui.WorkbenchView;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.PeriodicUiAction;
import dev.thinkbench.ui.present.PresenterViewModel;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.kordamp.ikonli.feather.Feather;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Sessions in the window: a top-bar menu (Open, Save, Save as, recent files, and the exports), the header above the
 * Compare columns (restore offer, replay controls), what a save or open did (floating over the window), the question
 * before closing or opening over runs in no file ({@link UnsavedRunsGuard}), and the keys: Ctrl+O open, Ctrl+S save,
 * Ctrl+Shift+S save as; while a session is replayed and the caret is not in a text field, Space play / pause, Left /
 * Right five seconds, Home restart, 1 / 2 / 5 / 0 the speed. Autosaves every minute when something changed, besides
 * after each run. UI thread only.
 */
public final class SessionControls {

    static final Duration AUTOSAVE_EVERY = Duration.ofMinutes(1);
    private static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE_AS = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

    private final WorkbenchView view;
    private final SessionViewModel sessions;
    private final FileAsker files;
    private final WindowExports exports;
    private final Menu recentMenu = new Menu(Messages.get("session.openRecent"));
    private final PeriodicUiAction autosave;
    private final UnsavedRunsGuard guard;
    private final javafx.event.EventHandler<WindowEvent> closeHandler = this::onCloseRequest;
    private final javafx.beans.value.ChangeListener<Window> windowListener = (obs, old, now) -> onWindow(old, now);
    /** Set once the user chose how to close with unsaved runs: the next close request goes through. */
    private boolean closeAnswered;

    public SessionControls(WorkbenchView view, SessionViewModel sessions, PresenterViewModel presenter,
                           FileAsker files) {
        this.view = view;
        this.sessions = sessions;
        this.files = files;
        this.exports = new WindowExports(sessions);
        this.guard = new UnsavedRunsGuard(view, sessions);
        view.compareView().setColumnsHeader(new ColumnsHeader(sessions, presenter, proceed -> guard.check(
                UnsavedRunsGuard.Action.REPLACE_COLUMNS, then -> saveThen(then, false), proceed)));
        view.addFloating(new SessionMessageBar(sessions));
        view.compareView().hideSwitchesWhile(sessions.replay().activeProperty(), presenter.presentingProperty());
        sessions.recent().addListener((ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        view.sceneProperty().addListener((obs, old, now) -> onScene(old, now));
        if (view.getScene() != null) {
            onScene(null, view.getScene());
        }
        autosave = PeriodicUiAction.every("thinkbench-autosave", AUTOSAVE_EVERY, sessions::autosave);
    }

    private void onScene(Scene old, Scene now) {
        if (old != null) {
            old.removeEventFilter(KeyEvent.KEY_PRESSED, this::onKeyFilter);
            old.removeEventFilter(KeyEvent.KEY_PRESSED, this::onReplayKey);
            old.windowProperty().removeListener(windowListener);
            onWindow(old.getWindow(), null);
        }
        if (now != null) {
            now.addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyFilter);
            now.addEventFilter(KeyEvent.KEY_PRESSED, this::onReplayKey);
            now.windowProperty().addListener(windowListener);
            onWindow(null, now.getWindow());
        }
    }

    private void onWindow(Window old, Window now) {
        if (old != null) {
            old.removeEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, closeHandler);
        }
        if (now != null) {
            now.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, closeHandler);
        }
    }

    private void onKeyFilter(KeyEvent e) {
        if (e.isConsumed()) {
            return;
        }
        if (QUIT.match(e)) {
            e.consume();
            quit();
            return;
        }
        if (view.overlayShowing()) {
            return;
        }
        if (SAVE_AS.match(e)) {
            saveAs();
        } else if (SAVE.match(e)) {
            save();
        } else if (OPEN.match(e)) {
            open();
        } else {
            return;
        }
        e.consume();
    }

    /**
     * A filter, so a focused scroll pane does not take Space and the arrows first; text fields keep their own keys,
     * buttons their Space and sliders their arrows. Only while a session is replayed.
     */
    private void onReplayKey(KeyEvent e) {
        ReplayViewModel replay = sessions.replay();
        Object target = e.getTarget();
        if (e.isConsumed() || !replay.activeProperty().get() || view.overlayShowing()
                || target instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()
                || target instanceof ButtonBase && e.getCode() == KeyCode.SPACE && !inReplayBar(target)
                || target instanceof Slider && e.getCode().isArrowKey()) {
            return;
        }
        switch (e.getCode()) {
            case SPACE, K -> replay.playPause();
            case LEFT -> replay.skip(-5);
            case RIGHT -> replay.skip(5);
            case HOME -> replay.restart();
            case DIGIT1 -> replay.setSpeed(Replay.Speed.X1);
            case DIGIT2 -> replay.setSpeed(Replay.Speed.X2);
            case DIGIT5 -> replay.setSpeed(Replay.Speed.X5);
            case DIGIT0 -> replay.setSpeed(Replay.Speed.INSTANT);
            default -> {
                return;
            }
        }
        e.consume();
    }

    /**
     * Whether {@code target} is one of the replay bar's playing controls: there Space plays and pauses too (a speed
     * clicked with the mouse keeps the focus, and Space pressed it again instead of playing). Its close button keeps
     * its Space, the keyboard's way to press it.
     */
    private static boolean inReplayBar(Object target) {
        if (target instanceof Node node && "replayClose".equals(node.getId())) {
            return false;
        }
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof ReplayBar) {
                return true;
            }
        }
        return false;
    }

    /** Saves to the current file, or asks for one. */
    public void save() {
        if (!sessions.saveAgain()) {
            saveAs();
        }
    }

    public void saveAs() {
        saveThen(() -> { }, true);
    }

    /** Saves (to the current file unless {@code ask}, else to one asked for), then runs {@code then} once written. */
    private void saveThen(Runnable then, boolean ask) {
        Path file = ask ? null : sessions.currentFileProperty().get();
        if (file == null) {
            file = files.saveAs(Messages.get("session.save.title"), "json", "thinkbench-" + LocalDate.now() + ".json");
        }
        if (file != null) {
            sessions.save(file, then);
        }
    }

    /**
     * Before a lesson's exercise replaces the Compare columns and prompt: their runs in no file are offered a save
     * first, as before the presets replace them; then {@code setUp} replaces them, and a file that kept their runs
     * stops being the window's document ({@link SessionViewModel#replaceColumns}).
     */
    public void beforeExercise(Runnable setUp) {
        guard.check(UnsavedRunsGuard.Action.EXERCISE, then -> saveThen(then, false),
                () -> sessions.replaceColumns(setUp));
    }

    /** Opens a session file asked for; runs on screen that are in no file are offered a save first. */
    public void open() {
        guard.check(UnsavedRunsGuard.Action.OPEN, then -> saveThen(then, false), () -> {
            Path file = files.open(Messages.get("session.open.title"), "json");
            if (file != null) {
                sessions.open(file);
            }
        });
    }

    /**
     * The window's close button and Ctrl+Q: runs on screen that are in no file are offered a save first, and a sweep
     * or a model download under way is named (closing stops the one, pauses the other) (the close waits for the
     * answer); once answered, the window closes.
     */
    private void onCloseRequest(WindowEvent e) {
        if (closeAnswered || sessions.unsavedRuns().isEmpty() && sessions.sweepUnderWay() == null
                && sessions.downloadUnderWay() == null) {
            return;
        }
        e.consume();
        guard.check(UnsavedRunsGuard.Action.CLOSE, then -> saveThen(then, false), () -> {
            closeAnswered = true;
            quit();
        });
    }

    /** The top-bar menu. */
    public MenuButton menu() {
        MenuButton menu = new MenuButton(Messages.get("session.menu"), Icons.icon(Feather.FOLDER));
        menu.setId("sessionMenu");
        menu.getStyleClass().addAll(Styles.FLAT);
        menu.setTooltip(Icons.tip(Messages.get("session.menu.help")));
        MenuItem open = item(Messages.get("session.open"), OPEN, this::open);
        MenuItem save = item(Messages.get("session.save"), SAVE, this::save);
        MenuItem saveAs = item(Messages.get("session.saveAs"), SAVE_AS, this::saveAs);
        MenuItem htmlReport = exportItem("session.export.html", "session.export.html.title", "html", "report",
                exports::html);
        MenuItem markdownReport = exportItem("session.export.markdown", "session.export.markdown.title", "md",
                "report", exports::markdown);
        Menu export = new Menu(Messages.get("session.export"));
        MenuItem forPrint = exportItem("session.export.chartsPrint", "session.export.charts.title", "png", "charts",
                f -> exports.chartsPng(f, ChartSlides.Look.print()));
        forPrint.setId("exportChartsForPrint");
        export.getItems().addAll(
                exportItem("session.export.chartsShown", "session.export.charts.title", "png", "charts",
                        f -> exports.chartsPng(f, look())),
                forPrint,
                exportItem("session.export.csv", "session.export.csv.title", "csv", "metrics", exports::csv),
                htmlReport, markdownReport);
        menu.setOnShowing(e -> {
            export.getItems().forEach(i -> i.setDisable(!exports.hasComparison()));
            // a report tells a sweep as well as a comparison (the sweep's charts and CSV: its own Export button)
            boolean report = exports.hasReport();
            htmlReport.setDisable(!report);
            markdownReport.setDisable(!report);
            // in the light theme the print look is the look shown: one entry, not two that write the same file
            forPrint.setVisible(look() != ChartSlides.Look.print());
        });
        MenuItem quit = item(Messages.get("session.quit"), QUIT, this::quit);
        quit.setId("quitItem");
        menu.getItems().addAll(open, recentMenu, new SeparatorMenuItem(), save, saveAs, new SeparatorMenuItem(),
                export, new SeparatorMenuItem(), quit);
        return menu;
    }

    /**
     * Closes the window as its close button does (a close request first, then hiding it), so quitting keeps the
     * settings and stops the runs and the built-in engine the same way.
     */
    void quit() {
        if (view.getScene() == null || view.getScene().getWindow() == null) {
            return;
        }
        Window window = view.getScene().getWindow();
        WindowEvent request = new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST);
        Event.fireEvent(window, request);
        if (!request.isConsumed()) {
            window.hide();
        }
    }

    /** An export menu item: its text and the file dialog's title are bundle keys. */
    private MenuItem exportItem(String textKey, String titleKey, String extension, String name, Export export) {
        return item(Messages.get(textKey), null, () -> exportTo(Messages.get(titleKey), extension, name, export));
    }

    private ChartSlides.Look look() {
        if (view.getScene() != null
                && view.getScene().getStylesheets().contains(dev.thinkbench.ui.present.PresenterControls.HIGH_CONTRAST)) {
            return ChartSlides.Look.HIGH_CONTRAST;
        }
        return view.viewModel().themeProperty().get() == dev.thinkbench.ui.Theme.DARK ? ChartSlides.Look.DARK
                : ChartSlides.Look.LIGHT;
    }

    /** Writes one export; what happened shows above the columns. */
    @FunctionalInterface
    interface Export {
        void to(Path file) throws IOException;
    }

    private void exportTo(String title, String extension, String name, Export export) {
        Path file = files.saveAs(title, extension, name + "-" + LocalDate.now() + "." + extension);
        if (file == null) {
            return;
        }
        try {
            export.to(file);
            sessions.tellExported(file);
        } catch (IOException | RuntimeException e) {
            sessions.tellProblem(e.getMessage());
        }
    }

    private static MenuItem item(String text, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(false);
        // keys shown only: the scene's filter acts on them, wherever the caret is
        if (keys != null) {
            item.setAccelerator(keys);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : sessions.recent()) {
            MenuItem item = new MenuItem(p.getFileName() + "  \u2014  " + p.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> guard.check(UnsavedRunsGuard.Action.OPEN, then -> saveThen(then, false),
                    () -> sessions.open(p)));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    /** Stops the autosave timer (the window closes). */
    public void stop() {
        autosave.close();
    }
}
