package dev.thinkbench.ui;

/** The workbench's colour themes (AtlantaFX Primer). */
public enum Theme {
    LIGHT, DARK;

    public Theme toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** The name kept in settings: {@code light} or {@code dark}. */
    public String settingsName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads a settings name; anything but {@code dark} is light. */
    public static Theme fromSettings(String name) {
        return "dark".equals(name) ? DARK : LIGHT;
    }
}
