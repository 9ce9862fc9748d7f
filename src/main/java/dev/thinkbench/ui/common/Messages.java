package dev.thinkbench.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The workbench's user-visible strings, from the resource bundle {@code dev/thinkbench/ui/messages.properties} and its
 * translations ({@code messages_ko.properties}), in the language of {@link #locale()} (the system's unless set).
 * Every string is a {@link MessageFormat} pattern ({@code {0}} an argument, {@code ''} a quote, {@code '{'} a brace). A key the bundle lacks
 * shows as itself, so a missing string is visible rather than fatal. Any thread; set the locale before the views
 * are built.
 */
public final class Messages {

    private static final String BUNDLE = "dev.thinkbench.ui.messages";
    private static volatile Locale locale = Locale.getDefault();
    private static volatile ResourceBundle bundle;

    private Messages() {
    }

    /**
     * The text for {@code key}, with {@code args} filled in when given; in Korean, with each particle written both
     * ways settled where the word before it tells ({@link KoreanParticles}).
     */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        String text = new MessageFormat(pattern, locale).format(args);
        // a Korean particle written both ways after a placeholder ({0}을(를)) settles on the word filled in
        return korean() ? KoreanParticles.settle(text) : text;
    }

    /** The language strings are shown in. */
    public static Locale locale() {
        return locale;
    }

    /** Shows strings in {@code newLocale} from now on (English where the bundle has no translation). */
    public static void setLocale(Locale newLocale) {
        locale = newLocale == null ? Locale.getDefault() : newLocale;
        bundle = null;
    }

    /** True when strings are shown in Korean. */
    public static boolean korean() {
        return "ko".equals(locale.getLanguage());
    }

    /**
     * The bundle in the current language, for FXML forms ({@code text="%key"}): FXML uses the string as it is, so
     * the keys a form reads must hold no quote or brace.
     */
    public static ResourceBundle bundle() {
        ResourceBundle b = bundle;
        if (b == null) {
            b = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES));
            bundle = b;
        }
        return b;
    }
}
