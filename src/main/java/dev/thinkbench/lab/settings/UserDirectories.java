package dev.thinkbench.lab.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where Thinkbench keeps the user's files: settings under the config directory, models and sessions under the data
 * directory. On Linux and other Unix systems these follow {@code $XDG_CONFIG_HOME} / {@code $XDG_DATA_HOME}, else
 * {@code $HOME/.config} / {@code $HOME/.local/share}; {@code $HOME} wins over the account's home folder, so
 * {@code HOME=/tmp/x thinkbench} runs with a separate profile. macOS uses {@code ~/Library/Application Support},
 * Windows {@code %APPDATA%} and {@code %LOCALAPPDATA%}. {@code -Dthinkbench.config} and {@code -Dthinkbench.data}
 * override all of it (tests use this). Immutable; any thread. Not a record on purpose: it holds the environment,
 * which may hold API keys, and must never print it.
 */
public final class UserDirectories {

    private final Map<String, String> env;
    private final Properties properties;

    /**
     * @param env the environment to read ({@code HOME}, {@code XDG_*}, {@code APPDATA}, {@code LOCALAPPDATA})
     * @param properties the system properties to read ({@code os.name}, {@code user.home}, the overrides)
     */
    public UserDirectories(Map<String, String> env, Properties properties) {
        this.env = Map.copyOf(env);
        this.properties = new Properties();
        this.properties.putAll(properties);
    }

    /** This process's directories. */
    public static UserDirectories current() {
        return new UserDirectories(System.getenv(), System.getProperties());
    }

    public static Path config() {
        return current().configDirectory();
    }

    public static Path data() {
        return current().dataDirectory();
    }

    /** The user's home folder: {@code $HOME} when set to an absolute path (not on Windows), else {@code user.home}. */
    public Path home() {
        String home = env.get("HOME");
        if (!windows() && home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
            return Path.of(home);
        }
        return Path.of(properties.getProperty("user.home", ""));
    }

    /** Where the settings file lives. */
    public Path configDirectory() {
        String override = properties.getProperty("thinkbench.config");
        if (override != null) {
            return Path.of(override);
        }
        return base("XDG_CONFIG_HOME", ".config", "APPDATA");
    }

    /** Where downloaded models (and later sessions) live. */
    public Path dataDirectory() {
        String override = properties.getProperty("thinkbench.data");
        if (override != null) {
            return Path.of(override);
        }
        return base("XDG_DATA_HOME", ".local/share", "LOCALAPPDATA");
    }

    private Path base(String xdgVariable, String unixDefault, String windowsVariable) {
        if (windows() && env.get(windowsVariable) != null) {
            return Path.of(env.get(windowsVariable), "Thinkbench");
        }
        if (os().contains("mac")) {
            return home().resolve("Library/Application Support").resolve("Thinkbench");
        }
        String xdg = env.get(xdgVariable);
        // the XDG spec ignores a relative value
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : home().resolve(unixDefault);
        return base.resolve("thinkbench");
    }

    private boolean windows() {
        return os().contains("win");
    }

    private String os() {
        return properties.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    }
}
