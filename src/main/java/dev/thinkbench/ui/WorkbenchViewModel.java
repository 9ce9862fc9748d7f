package dev.thinkbench.ui;

import dev.thinkbench.ui.common.UiLanguage;
import dev.thinkbench.ui.compare.CompareViewModel;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The whole window's state: the theme, the language chosen for the next start, the shared connection (engine, server, model) and the Compare tab. Later tabs
 * (Stepper, Models) share the same connection. UI thread only.
 */
public final class WorkbenchViewModel {

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ObjectProperty<UiLanguage> language = new SimpleObjectProperty<>(this, "language",
            UiLanguage.SYSTEM);
    private final ConnectionViewModel connection;
    private final CompareViewModel compare;

    public WorkbenchViewModel(ConnectionViewModel connection, CompareViewModel compare) {
        this.connection = connection;
        this.compare = compare;
    }

    public void toggleTheme() {
        theme.set(theme.get().toggled());
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The language chosen in the language menu; saved with the settings and applied when the app starts. */
    public ObjectProperty<UiLanguage> languageProperty() {
        return language;
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public CompareViewModel compare() {
        return compare;
    }
}
