package dev.thinkbench.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import dev.thinkbench.ui.common.Fonts;
import dev.thinkbench.ui.common.Icons;
import dev.thinkbench.ui.compare.CompareView;
import dev.thinkbench.ui.connection.ConnectionBar;
import javafx.application.Application;
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
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Objects;

/**
 * The workbench window's content: a top bar (brand, connection, theme toggle), a tab per tool ("Compare" now; more
 * through {@link #addTab}), and a status bar of shortcuts. Applies the AtlantaFX Primer theme, light or dark.
 * Window-wide shortcuts: F5 lists models again, Ctrl+Shift+L switches the theme. UI thread only.
 */
public final class WorkbenchView extends BorderPane {

    /** The app's own stylesheet, on top of the AtlantaFX theme; uses the theme's colour variables. */
    public static final String STYLESHEET = Objects.requireNonNull(
            WorkbenchView.class.getResource("thinkbench.css"), "thinkbench.css").toExternalForm();
    private static final KeyCombination THEME = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final WorkbenchViewModel vm;
    private final TabPane tabs = new TabPane();
    private final CompareView compare;
    private final ConnectionBar connectionBar;

    public WorkbenchView(WorkbenchViewModel vm) {
        this.vm = vm;
        Fonts.load();
        getStyleClass().add("workbench");
        connectionBar = new ConnectionBar(vm.connection());
        compare = new CompareView(vm.compare());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        addTab("Compare", Feather.COLUMNS, compare,
                "One prompt at several thinking budgets, side by side");
        setTop(topBar());
        setCenter(tabs);
        setBottom(statusBar());
        vm.themeProperty().addListener((obs, old, now) -> applyTheme(now));
        sceneProperty().addListener((obs, old, now) -> {
            if (now != null) {
                now.getStylesheets().add(STYLESHEET);
                now.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
            }
        });
        applyTheme(vm.themeProperty().get());
    }

    private HBox topBar() {
        FontIcon logo = Icons.icon(Feather.ACTIVITY);
        logo.getStyleClass().add("brand-icon");
        Label brand = new Label("Thinkbench", logo);
        brand.getStyleClass().add("brand");
        brand.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button theme = Icons.button(null, Feather.MOON, "Switch light / dark theme (Ctrl+Shift+L)",
                Styles.BUTTON_ICON, Styles.FLAT);
        theme.setId("themeToggle");
        theme.setOnAction(e -> vm.toggleTheme());
        vm.themeProperty().addListener((obs, old, now) ->
                theme.setGraphic(Icons.icon(now == Theme.DARK ? Feather.SUN : Feather.MOON)));
        theme.setGraphic(Icons.icon(vm.themeProperty().get() == Theme.DARK ? Feather.SUN : Feather.MOON));
        HBox.setHgrow(connectionBar, Priority.ALWAYS);
        connectionBar.setMinWidth(0);
        theme.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(14, brand, separator(), connectionBar, spacer, theme);
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
        Label keys = new Label("Ctrl+Enter run \u00b7 Esc cancel all \u00b7 Ctrl+Shift+N add column \u00b7 "
                + "F5 refresh models \u00b7 Ctrl+Shift+L theme");
        keys.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label engine = new Label();
        engine.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        engine.textProperty().bind(vm.connection().engineProperty()
                .map(e -> e.displayName()).orElse("no engine"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, keys, spacer, engine);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 14, 4, 14));
        return bar;
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.F5) {
            connectionBar.refresh();
            e.consume();
        } else if (THEME.match(e)) {
            vm.toggleTheme();
            e.consume();
        }
    }

    /** Adds a tool as a tab; the lead adds Stepper and Models this way. */
    public Tab addTab(String title, Ikon icon, Node content, String tooltip) {
        Tab tab = new Tab(title, content);
        tab.setGraphic(Icons.icon(icon));
        tab.setTooltip(Icons.tip(tooltip));
        tabs.getTabs().add(tab);
        return tab;
    }

    private static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
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
