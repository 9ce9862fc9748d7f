package dev.thinkbench.ui.common;

import java.util.Locale;

/**
 * The window's language as chosen in the top bar's language menu and kept in settings: the system's (the default),
 * English or Korean. It takes effect when the window is built (see {@link Messages#setLocale}), so a change applies
 * when Thinkbench starts again. Immutable; any thread.
 */
public enum UiLanguage {
    SYSTEM("system", null),
    ENGLISH("en", Locale.ENGLISH),
    KOREAN("ko", Locale.KOREAN);

    private final String settingsName;
    private final Locale locale;

    UiLanguage(String settingsName, Locale locale) {
        this.settingsName = settingsName;
        this.locale = locale;
    }

    /** The name kept in settings: {@code system}, {@code en} or {@code ko}. */
    public String settingsName() {
        return settingsName;
    }

    /** The locale strings are shown in: the system's default for {@link #SYSTEM}. */
    public Locale locale() {
        return locale == null ? Locale.getDefault() : locale;
    }

    /** What the language menu calls it: each language in its own words, the system's in the current language. */
    public String label() {
        return switch (this) {
            case SYSTEM -> Messages.get("language.system");
            case ENGLISH -> "English";
            case KOREAN -> "\ud55c\uad6d\uc5b4";
        };
    }

    /** Reads a settings name; anything unknown (or missing) is the system's language. */
    public static UiLanguage fromSettings(String name) {
        for (UiLanguage l : values()) {
            if (l.settingsName.equals(name)) {
                return l;
            }
        }
        return SYSTEM;
    }
}
