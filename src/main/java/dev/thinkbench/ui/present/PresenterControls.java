package dev.thinkbench.ui.present;

import dev.thinkbench.ui.common.Messages;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.Theme;
import dev.thinkbench.ui.WorkbenchView;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.text.StreamingTextArea;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * Applies a {@link PresenterViewModel} to the workbench window: the zoom as the root font size (every size in the
 * stylesheets is in em, so the layout follows; the streaming text is measured again), presenter mode (the
 * {@code presenting} style class hides the settings chrome; the Compare tab gives the prompt panel's room to the
 * columns), the high-contrast stylesheet over the dark theme, and full screen. Keys, anywhere in the window: Ctrl+= /
 * Ctrl+- / Ctrl+0 zoom, Ctrl+Shift+P presenter mode, Ctrl+Shift+H high contrast, F11 full screen; the same in a top-bar
 * menu. UI thread only.
 */
public final class PresenterControls {

    /** The high-contrast stylesheet, over AtlantaFX Primer Dark. */
    public static final String HIGH_CONTRAST = Objects.requireNonNull(
            WorkbenchView.class.getResource("high-contrast.css"), "high-contrast.css").toExternalForm();
    /** AtlantaFX's root font size, which the zoom multiplies. */
    static final double BASE_FONT_PX = 14;
    /** Below this height (at 100 %) the window is "short": the stylesheet folds what the columns can spare. */
    static final double SHORT_HEIGHT = 820;
    private static final PseudoClass SHORT = PseudoClass.getPseudoClass("short");

    private static final KeyCombination PRESENT = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination CONTRAST = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final WorkbenchView view;
    private final PresenterViewModel vm;
    private final Label toast = new Label();
    private final PauseTransition toastTimer = new PauseTransition(Duration.seconds(4));
    private String zoomSheet;

    public PresenterControls(WorkbenchView view, PresenterViewModel vm) {
        this.view = view;
        this.vm = vm;
        toast.getStyleClass().add("presenter-toast");
        toast.setMouseTransparent(true);
        toast.setVisible(false);
        StackPane.setAlignment(toast, Pos.BOTTOM_CENTER);
        view.getChildren().add(toast);
        toastTimer.setOnFinished(e -> toast.setVisible(false));
        // the way out on screen (the top bar with its menu is hidden, and the toast naming Ctrl+Shift+P goes):
        // small and faint in a corner until the pointer comes by
        javafx.scene.control.Button leave = dev.thinkbench.ui.common.Icons.button(Messages.get("present.leave"),
                org.kordamp.ikonli.feather.Feather.MINIMIZE_2, Messages.get("present.leave.help"),
                atlantafx.base.theme.Styles.SMALL, atlantafx.base.theme.Styles.FLAT, "presenter-leave");
        leave.setId("leavePresenterButton");
        leave.setOnAction(e -> vm.togglePresenting(view.getHeight()));
        leave.visibleProperty().bind(vm.presentingProperty());
        leave.setFocusTraversable(false);
        StackPane.setAlignment(leave, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(leave, new javafx.geometry.Insets(0, 6, 4, 0));
        view.getChildren().add(leave);
        vm.zoomProperty().addListener((obs, old, now) -> applyZoom());
        vm.presentingProperty().addListener((obs, old, now) -> applyPresenting(now));
        vm.highContrastProperty().addListener((obs, old, now) -> applyContrast());
        vm.fullScreenProperty().addListener((obs, old, now) -> applyFullScreen(now));
        view.viewModel().themeProperty().addListener((obs, old, now) -> applyContrast());
        view.heightProperty().addListener((obs, old, now) -> {
            vm.windowResized(now.doubleValue());
            applyShort();
        });
        view.sceneProperty().addListener((obs, old, now) -> onScene(old, now));
        if (view.getScene() != null) {
            onScene(null, view.getScene());
        }
    }

    private void onScene(Scene old, Scene now) {
        if (old != null) {
            old.removeEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
            old.getStylesheets().removeAll(HIGH_CONTRAST);
            if (zoomSheet != null) {
                old.getStylesheets().remove(zoomSheet);
            }
        }
        if (now != null) {
            now.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
            now.windowProperty().addListener((o, was, window) -> watchFullScreen(window));
            watchFullScreen(now.getWindow());
            applyZoom();
            applyContrast();
        }
    }

    private void watchFullScreen(Window window) {
        if (window instanceof Stage stage) {
            // Esc cancels runs here; F11 is the way out of full screen
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint(Messages.get("present.fullScreen.exitHint"));
            stage.fullScreenProperty().addListener((obs, was, now) -> vm.setFullScreen(now));
        }
    }

    /** One step larger, or a word that this is the largest the window's height allows. */
    private void zoomIn() {
        if (!vm.zoomIn()) {
            show(Messages.get("present.zoomMax", vm.maxZoom()));
        }
    }

    /** Filters, so they work with the caret in a text area; a key an open modal card took is left alone. */
    private void onKey(KeyEvent e) {
        if (e.isConsumed() || view.overlayShowing()) {
            return;
        }
        boolean shortcut = e.isShortcutDown() && !e.isAltDown();
        KeyCode code = e.getCode();
        if (shortcut && (code == KeyCode.EQUALS || code == KeyCode.PLUS || code == KeyCode.ADD)) {
            zoomIn();
        } else if (shortcut && (code == KeyCode.MINUS || code == KeyCode.SUBTRACT)) {
            vm.zoomOut();
        } else if (shortcut && !e.isShiftDown() && (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0)) {
            vm.resetZoom();
        } else if (PRESENT.match(e)) {
            vm.togglePresenting(view.getHeight());
        } else if (CONTRAST.match(e)) {
            vm.toggleHighContrast();
        } else if (code == KeyCode.F11) {
            vm.toggleFullScreen();
        } else {
            return;
        }
        e.consume();
    }

    private void applyZoom() {
        Scene scene = view.getScene();
        if (scene == null) {
            return;
        }
        if (zoomSheet != null) {
            scene.getStylesheets().remove(zoomSheet);
            zoomSheet = null;
        }
        int percent = vm.zoomProperty().get();
        applyShort();
        if (percent != 100) {
            double z = percent / 100.0;
            // icon sizes do not follow the font (an em there is the icon's own size), so they are scaled here
            String css = String.format(Locale.ROOT, ".root { -fx-font-size: %.2fpx; }%n"
                    + ".ikonli-font-icon { -fx-icon-size: %.1fpx; }%n.tb-icon { -fx-icon-size: %.1fpx; }%n"
                    + ".brand-icon { -fx-icon-size: %.1fpx; }%n.model-tag.success .tb-icon { -fx-icon-size: %.1fpx; }",
                    BASE_FONT_PX * z, 18 * z, 15 * z, 20 * z, 11 * z);
            zoomSheet = "data:text/css;base64," + Base64.getEncoder()
                    .encodeToString(css.getBytes(StandardCharsets.UTF_8));
            scene.getStylesheets().add(zoomSheet);
        }
        // heights measured at the old font size are stale
        scene.getRoot().applyCss();
        for (Node n : scene.getRoot().lookupAll(".streaming-text")) {
            if (n instanceof StreamingTextArea area) {
                area.remeasure();
            }
        }
        if (vm.presentingProperty().get() || percent != 100) {
            show(Messages.get("present.zoomed", percent));
        }
    }

    /** Short means short for the zoom: at 150 % a 1080-pixel window holds what a 720-pixel one does at 100 %. */
    private void applyShort() {
        double zoom = vm.zoomProperty().get() / 100.0;
        view.pseudoClassStateChanged(SHORT, view.getHeight() > 0 && view.getHeight() / zoom < SHORT_HEIGHT);
    }

    private void applyPresenting(boolean presenting) {
        view.getStyleClass().remove("presenting");
        if (presenting) {
            view.getStyleClass().add("presenting");
            show(Messages.get("present.on"));
        }
        view.compareView().setPresenting(presenting);
        view.requestFocus();
    }

    private void applyContrast() {
        Scene scene = view.getScene();
        boolean on = vm.highContrastProperty().get();
        if (on) {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        } else if (view.viewModel().themeProperty().get() == Theme.LIGHT) {
            // the workbench applies its own theme on a change; this restores it when high contrast goes
            Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        }
        if (scene != null) {
            scene.getStylesheets().remove(HIGH_CONTRAST);
            if (on) {
                int at = scene.getStylesheets().indexOf(WorkbenchView.STYLESHEET) + 1;
                scene.getStylesheets().add(at, HIGH_CONTRAST);
            }
        }
    }

    private void applyFullScreen(boolean on) {
        if (view.getScene() != null && view.getScene().getWindow() instanceof Stage stage
                && stage.isFullScreen() != on) {
            stage.setFullScreen(on);
        }
    }

    /**
     * Shows {@code text} briefly while presenting (what Ctrl+S did: the window's own message bar is folded away in
     * presenter mode, so a save said nothing); nothing otherwise.
     */
    public void tellWhilePresenting(String text) {
        if (vm.presentingProperty().get() && text != null && !text.isBlank()) {
            show(text);
        }
    }

    private void show(String text) {
        toast.setText(text);
        toast.setVisible(true);
        toast.toFront();
        toastTimer.playFromStart();
    }

    /** The top bar's menu: presenter mode, zoom, high contrast, full screen, with their keys. */
    public MenuButton menu() {
        MenuButton menu = new MenuButton(null, Icons.icon(Feather.MONITOR));
        menu.setId("presenterMenu");
        menu.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        menu.setTooltip(Icons.tip(Messages.get("present.menu.help")));
        menu.setAccessibleText(Messages.get("present.menu.help")); // an icon alone says nothing to a screen reader
        CheckMenuItem present = new CheckMenuItem(Messages.get("present.mode"));
        present.setAccelerator(PRESENT);
        present.selectedProperty().addListener((obs, was, now) -> {
            if (now != vm.presentingProperty().get()) {
                vm.togglePresenting(view.getHeight());
            }
        });
        vm.presentingProperty().addListener((obs, was, now) -> present.setSelected(now));
        MenuItem in = new MenuItem(Messages.get("present.zoomIn"));
        in.setAccelerator(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN));
        in.setOnAction(e -> zoomIn());
        MenuItem out = new MenuItem(Messages.get("present.zoomOut"));
        out.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        out.setOnAction(e -> vm.zoomOut());
        MenuItem reset = new MenuItem();
        reset.textProperty().bind(vm.zoomProperty().map(z -> Messages.get("present.actualSize", z)));
        reset.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        reset.setOnAction(e -> vm.resetZoom());
        CheckMenuItem contrast = new CheckMenuItem(Messages.get("present.highContrast"));
        contrast.setAccelerator(CONTRAST);
        contrast.selectedProperty().addListener((obs, was, now) -> {
            if (now != vm.highContrastProperty().get()) {
                vm.toggleHighContrast();
            }
        });
        vm.highContrastProperty().addListener((obs, was, now) -> contrast.setSelected(now));
        CheckMenuItem full = new CheckMenuItem(Messages.get("present.fullScreen"));
        full.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        full.selectedProperty().addListener((obs, was, now) -> {
            if (now != vm.fullScreenProperty().get()) {
                vm.toggleFullScreen();
            }
        });
        vm.fullScreenProperty().addListener((obs, was, now) -> full.setSelected(now));
        // the scene's key filter does the work; accelerators here only show the keys
        for (MenuItem item : new MenuItem[]{present, in, out, reset, contrast, full}) {
            item.setMnemonicParsing(false);
        }
        menu.getItems().addAll(present, new SeparatorMenuItem(), in, out, reset, new SeparatorMenuItem(), contrast,
                full);
        return menu;
    }

    /** The message shown for a moment at the bottom (the keys on entering presenter mode), for tests. */
    public Label toast() {
        return toast;
    }
}
