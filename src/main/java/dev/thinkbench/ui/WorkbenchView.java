package dev.thinkbench.ui;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.KeyboardModality;
import dev.thinkbench.ui.common.EngineNames;
import dev.thinkbench.ui.common.FocusCycle;
import dev.thinkbench.ui.common.Fonts;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.common.SceneGraph;
import dev.thinkbench.ui.common.TabMovesFocus;
import dev.thinkbench.ui.compare.CompareView;
import dev.thinkbench.ui.connection.ConnectionBar;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The workbench window's content: a top bar (brand, connection, help, theme toggle), a tab per tool added through
 * {@link #addTab}, a status bar with the selected tab's shortcuts, and an overlay layer for a modal card (the
 * welcome) over all of it. Applies the AtlantaFX Primer theme, light or dark. Window-wide shortcuts: Ctrl+1..9 select
 * a tab, F1 shows the help (when set), F5 lists models again, Ctrl+Shift+L switches the theme; while an overlay shows,
 * Esc closes it, Tab and Shift+Tab go round its own controls, and the other shortcuts wait. A newly selected tab takes
 * the keyboard focus, so its own keys work at once; in every window, Tab leaves a multi-line text field
 * ({@link TabMovesFocus}). UI thread only.
 */
public final class WorkbenchView extends StackPane {

    /** The app's own stylesheet, on top of the AtlantaFX theme; uses the theme's colour variables. */
    public static final String STYLESHEET = Objects.requireNonNull(
            WorkbenchView.class.getResource("thinkbench.css"), "thinkbench.css").toExternalForm();
    private static final KeyCombination THEME = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final Map<Theme, String> THEME_CLASSES = Map.of(Theme.LIGHT, "theme-light", Theme.DARK, "theme-dark");
    private final String commonKeys = Messages.get("status.commonKeys");

    private final WorkbenchViewModel vm;
    private final BorderPane layout = new BorderPane();
    private final StackPane overlay = new StackPane();
    private final VBox notices = new VBox(6);
    private final TabPane tabs = new TabPane();
    private final CompareView compare;
    private final ConnectionBar connectionBar;
    private final Label keys = new Label();
    private final Button help = Icons.button(null, Feather.HELP_CIRCLE,
            dev.thinkbench.ui.common.Messages.get("help.button"), Styles.BUTTON_ICON, Styles.FLAT);
    private final Map<Tab, TabKeys> tabKeys = new HashMap<>();
    private final HBox barItems = new HBox(6);
    private Runnable onHelp;
    private Runnable onOverlayEscape;

    /** What a tab adds to the status bar, and which node takes the focus when it is selected. */
    private record TabKeys(String shortcuts, Node focus) {
    }

    /** The engine bar, the notices and any banner a tab adds ({@link #addBanner}), above the tabs. */
    private final VBox top = new VBox();

    public WorkbenchView(WorkbenchViewModel vm) {
        this.vm = vm;
        Fonts.load();
        TabMovesFocus.everywhere();
        getStyleClass().add("workbench-root");
        KeyboardModality.track(this); // the focus ring while the keyboard is in use
        layout.getStyleClass().add("workbench");
        connectionBar = new ConnectionBar(vm.connection());
        compare = new CompareView(vm.compare());
        tabs.setId("toolTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> onTabSelected(now));
        Tab compareTab = addTab(Messages.get("tab.compare"), Feather.COLUMNS, compare,
                Messages.get("tab.compare.help"));
        tabKeys.put(compareTab, new TabKeys(Messages.get("tab.compare.keys"),
                compare.promptPane()));
        notices.setId("notices");
        notices.setPadding(Insets.EMPTY);
        HBox bar = topBar();
        top.getChildren().addAll(bar, notices);
        // the engine bar's room: what the top bar leaves beside its other items (it folds its server fields away)
        Runnable fit = () -> {
            double others = bar.getChildren().stream().filter(n -> n != connectionBar && n.isManaged())
                    .mapToDouble(n -> n instanceof Region r && HBox.getHgrow(r) == Priority.ALWAYS ? 0
                            : n.prefWidth(-1)).sum();
            double gaps = bar.getSpacing() * (bar.getChildren().stream().filter(javafx.scene.Node::isManaged)
                    .count() - 1);
            connectionBar.fitTo(bar.getWidth() - bar.getInsets().getLeft() - bar.getInsets().getRight() - others
                    - gaps);
        };
        bar.widthProperty().addListener((obs, old, now) -> javafx.application.Platform.runLater(fit));
        vm.connection().engineEntryProperty().addListener((obs, old, now) -> javafx.application.Platform.runLater(fit));
        layout.setTop(top);
        layout.setCenter(tabs);
        layout.setBottom(statusBar());
        overlay.setId("overlay");
        overlay.getStyleClass().add("overlay-backdrop");
        overlay.setVisible(false);
        getChildren().addAll(layout, overlay);
        vm.themeProperty().addListener((obs, old, now) -> applyTheme(now));
        sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, this::onKeyFilter);
                old.removeEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
            }
            if (now != null) {
                now.getStylesheets().add(STYLESHEET);
                now.addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyFilter);
                now.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
            }
        });
        applyTheme(vm.themeProperty().get());
        onTabSelected(compareTab);
    }

    private HBox topBar() {
        FontIcon logo = Icons.icon(Feather.ACTIVITY);
        logo.getStyleClass().add("brand-icon");
        Label brand = new Label("Thinkbench", logo);
        brand.getStyleClass().add("brand");
        brand.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button theme = Icons.button(null, Feather.MOON, Messages.get("theme.toggle.help"),
                Styles.BUTTON_ICON, Styles.FLAT);
        theme.setId("themeToggle");
        theme.setOnAction(e -> vm.toggleTheme());
        vm.themeProperty().addListener((obs, old, now) ->
                theme.setGraphic(Icons.icon(now == Theme.DARK ? Feather.SUN : Feather.MOON)));
        theme.setGraphic(Icons.icon(vm.themeProperty().get() == Theme.DARK ? Feather.SUN : Feather.MOON));
        help.setId("helpButton");
        help.setOnAction(e -> showHelp());
        help.setVisible(false);
        help.managedProperty().bind(help.visibleProperty());
        HBox.setHgrow(connectionBar, Priority.ALWAYS);
        connectionBar.setMinWidth(0);
        theme.setMinWidth(Region.USE_PREF_SIZE);
        help.setMinWidth(Region.USE_PREF_SIZE);
        barItems.setAlignment(Pos.CENTER_LEFT);
        barItems.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(14, brand, separator(), connectionBar, spacer, barItems, help, theme);
        bar.getStyleClass().add("top-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 14, 8, 14));
        return bar;
    }

    private static Region separator() {
        Region r = new Region();
        r.getStyleClass().add("bar-separator");
        return r;
    }

    private HBox statusBar() {
        keys.setId("shortcutsLabel");
        keys.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label engine = new Label();
        engine.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        engine.textProperty().bind(vm.connection().engineProperty()
                .map(EngineNames::of).orElse(Messages.get("status.noEngine")));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, keys, spacer, engine);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 14, 4, 14));
        return bar;
    }

    /** Tab selection must work from inside a text area too, so it is a filter; an open overlay keeps the keys. */
    private void onKeyFilter(KeyEvent e) {
        if (overlay.isVisible()) {
            if (e.getCode() == KeyCode.ESCAPE && onOverlayEscape != null) {
                onOverlayEscape.run();
                e.consume();
            } else if (e.getCode() == KeyCode.TAB && !e.isShortcutDown() && !e.isAltDown()) {
                // round the card's own controls: the window behind is dimmed, and the focus must not go there
                FocusCycle.move(overlay, getScene().getFocusOwner(), e.isShiftDown());
                e.consume();
            } else if (!SceneGraph.isInside(e.getTarget(), overlay)) {
                e.consume();
            }
            return;
        }
        int digit = tabDigit(e);
        if (digit > 0 && digit <= tabs.getTabs().size()) {
            tabs.getSelectionModel().select(digit - 1);
            e.consume();
        }
    }

    private static int tabDigit(KeyEvent e) {
        if (!e.isShortcutDown() || e.isShiftDown() || e.isAltDown()) {
            return 0;
        }
        KeyCode code = e.getCode();
        if (code.isDigitKey()) {
            String name = code.getName();
            char c = name.charAt(name.length() - 1);
            return Character.isDigit(c) ? c - '0' : 0;
        }
        return 0;
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.F5) {
            connectionBar.refresh();
            e.consume();
        } else if (e.getCode() == KeyCode.F1 && onHelp != null) {
            showHelp();
            e.consume();
        } else if (THEME.match(e)) {
            vm.toggleTheme();
            e.consume();
        }
    }

    private void showHelp() {
        if (onHelp != null && !overlay.isVisible()) {
            onHelp.run();
        }
    }

    private void onTabSelected(Tab tab) {
        compare.setShortcutsEnabled(tab != null && tab.getContent() == compare && !overlay.isVisible());
        TabKeys k = tab == null ? null : tabKeys.get(tab);
        keys.setText(k == null || k.shortcuts().isEmpty() ? commonKeys : k.shortcuts() + " \u00b7 " + commonKeys);
        if (tab != null && !overlay.isVisible()) {
            Node target = k == null || k.focus() == null ? tab.getContent() : k.focus();
            // after the skin has made the new content visible, or the request is ignored
            Platform.runLater(() -> {
                focus(target);
                // the keys go where the focus is: left in the tab before (a node now hidden), they reached no tab
                // (a speaker's Ctrl+Enter after Ctrl+2 in presenter mode did nothing until a click)
                Node owner = getScene() == null ? null : getScene().getFocusOwner();
                if (tab.isSelected() && !inside(owner, tab.getContent())) {
                    tab.getContent().requestFocus();
                }
            });
        }
    }

    private static boolean inside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private void focus(Node target) {
        if (target == compare.promptPane()) {
            if (compare.promptPane().getScene() != null) {
                compare.promptPane().focusPrompt();
            } else {
                // presenter mode has taken the prompt panel away: the columns' area, not the first column's name
                // field (its focus ring showed to the room)
                compare.requestFocus();
            }
        } else if (target != null) {
            target.requestFocus();
        }
    }

    /** Adds a tool as a tab; it takes the focus when selected. */
    public Tab addTab(String title, Ikon icon, Node content, String tooltip) {
        Tab tab = new Tab(title, content);
        tab.setId(title.toLowerCase(java.util.Locale.ROOT) + "Tab");
        tab.setGraphic(Icons.icon(icon));
        tab.setTooltip(Icons.tip(tooltip));
        tabs.getTabs().add(tab);
        return tab;
    }

    /**
     * Adds a tool as a tab whose shortcuts the status bar shows while it is selected, and whose {@code focus} node
     * (else the content) takes the keyboard focus when it is selected.
     */
    public Tab addTab(String title, Ikon icon, Node content, String tooltip, String shortcuts, Node focus) {
        Tab tab = addTab(title, icon, content, tooltip);
        tabKeys.put(tab, new TabKeys(shortcuts == null ? "" : shortcuts, focus));
        return tab;
    }

    /** The engine bar, for tests. */
    public ConnectionBar connectionBar() {
        return connectionBar;
    }

    /** Adds a control to the top bar, before the help and theme buttons (sessions, presenter mode). */
    public void addBarItem(Node item) {
        barItems.getChildren().add(item);
    }

    /** Selects the tab at {@code index} (0-based). */
    /** Puts {@code banner} above the tabs, below the engine bar and the notices (it hides itself when it has nothing). */
    public void addBanner(Node banner) {
        top.getChildren().add(banner);
    }

    /**
     * Floats {@code note} over the bottom of the window, above the status bar, as a short-lived message that moves
     * nothing when it comes or goes (a banner that pushed the tabs down put the next click somewhere else). Below
     * any overlay card.
     */
    public void addFloating(javafx.scene.layout.Region note) {
        note.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        StackPane.setAlignment(note, Pos.BOTTOM_CENTER);
        StackPane.setMargin(note, new Insets(0, 24, 36, 24));
        getChildren().add(getChildren().indexOf(overlay), note);
    }

    public void selectTab(int index) {
        tabs.getSelectionModel().select(index);
    }

    /** Shows the help button (and F1), running {@code action} when pressed; null hides it. */
    public void setOnHelp(Runnable action) {
        onHelp = action;
        help.setVisible(action != null);
    }

    /**
     * Shows {@code card} centred over the whole window on a dimmed backdrop, modal: the window behind takes no
     * clicks or keys until {@link #closeOverlay()}. Esc runs {@code onEscape} (which should close it).
     */
    public void showOverlay(Region card, Runnable onEscape) {
        card.getStyleClass().add("overlay-card");
        // as tall as its content, no taller; a window too short for it gets the card's own scroll bar
        card.setMaxHeight(Region.USE_PREF_SIZE);
        overlay.getChildren().setAll(card);
        StackPane.setAlignment(card, Pos.CENTER);
        StackPane.setMargin(card, new Insets(28));
        onOverlayEscape = onEscape;
        overlay.setVisible(true);
        compare.setShortcutsEnabled(false);
        Platform.runLater(card::requestFocus);
    }

    /** Removes the overlay and gives the focus back to the selected tab. */
    public void closeOverlay() {
        overlay.setVisible(false);
        overlay.getChildren().clear();
        onOverlayEscape = null;
        onTabSelected(tabs.getSelectionModel().getSelectedItem());
    }

    /**
     * Shows a warning banner under the top bar until the user closes it (e.g. a settings file that could not be
     * used). The same message twice shows once.
     */
    public void showNotice(String title, String message) {
        boolean shown = notices.getChildren().stream()
                .anyMatch(n -> n instanceof Message m && message.equals(m.getDescription()));
        if (shown) {
            return;
        }
        Message notice = new Message(title, message, Icons.icon(Feather.ALERT_TRIANGLE));
        notice.getStyleClass().add(Styles.WARNING);
        notice.getStyleClass().add("workbench-notice");
        notice.setOnClose(e -> notices.getChildren().remove(notice));
        VBox.setMargin(notice, new Insets(6, 14, 6, 14));
        notices.getChildren().add(notice);
    }

    /** The banners now showing, oldest first. */
    public java.util.List<Message> notices() {
        return notices.getChildren().stream().filter(Message.class::isInstance).map(Message.class::cast).toList();
    }

    /** True while an overlay shows. */
    public boolean overlayShowing() {
        return overlay.isVisible();
    }

    /**
     * The theme for the whole application, and its name as a style class on this view (thinkbench.css raises the
     * theme's muted text colours there, each its own way).
     */
    private void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        getStyleClass().removeAll(THEME_CLASSES.values());
        getStyleClass().add(THEME_CLASSES.get(theme));
    }

    public WorkbenchViewModel viewModel() {
        return vm;
    }

    public CompareView compareView() {
        return compare;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** A scene for this view with the app's stylesheet. */
    public Scene createScene(double width, double height) {
        return new Scene(this, width, height);
    }
}
