package dev.thinkbench.lab.settings;

import java.nio.file.Path;

/**
 * Where Thinkbench keeps the user's files: settings under the config directory, models and sessions under the data
 * directory (XDG on Linux, the usual places on macOS and Windows). {@code -Dthinkbench.data} and
 * {@code -Dthinkbench.config} override them (tests use this).
 */
public final class UserDirectories {

    private UserDirectories() {
    }

    public static Path config() {
        String override = System.getProperty("thinkbench.config");
        if (override != null) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return base(xdg, ".config", "Library/Application Support", "APPDATA");
    }

    public static Path data() {
        String override = System.getProperty("thinkbench.data");
        if (override != null) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return base(xdg, ".local/share", "Library/Application Support", "LOCALAPPDATA");
    }

    private static Path base(String xdg, String unixDefault, String mac, String windowsEnv) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win") && System.getenv(windowsEnv) != null) {
            return Path.of(System.getenv(windowsEnv), "Thinkbench");
        }
        if (os.contains("mac")) {
            return home.resolve(mac).resolve("Thinkbench");
        }
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(unixDefault)).resolve("thinkbench");
    }
}
