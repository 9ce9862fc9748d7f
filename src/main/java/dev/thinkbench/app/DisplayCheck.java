package dev.thinkbench.app;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Whether the workbench window can open here, asked before JavaFX starts so a machine without a display gets one
 * line that says what to do instead of a JavaFX stack trace. On Linux and other X11/Wayland systems a display is
 * {@code DISPLAY} or {@code WAYLAND_DISPLAY}; Monocle (headless JavaFX, as the tests use) needs none; macOS and
 * Windows always have one. Any thread.
 */
final class DisplayCheck {

    private DisplayCheck() {
    }

    /** What to tell a user who has no display; {@code command} is how they started Thinkbench. */
    static String noDisplayMessage(String command) {
        return "thinkbench: no display found; run `xvfb-run -a " + command + "`, or use the command line: `"
                + command + " compare --help`";
    }

    /** True when the window certainly cannot open: a Linux/Unix desktop-less session without Monocle. */
    static boolean missing(Map<String, String> env, Properties properties) {
        String os = properties.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return false;
        }
        if ("monocle".equalsIgnoreCase(properties.getProperty("glass.platform", ""))) {
            return false;
        }
        return blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"));
    }

    /** True when {@code failure} is JavaFX saying it could not open the display (the check's fallback). */
    static boolean isNoDisplayFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("display")) {
                return true;
            }
        }
        return false;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
