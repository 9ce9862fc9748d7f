package dev.thinkbench.lab.settings;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class UserDirectoriesTest {

    private static Properties linux(String... more) {
        Properties p = new Properties();
        p.setProperty("os.name", "Linux");
        p.setProperty("user.home", "/home/account");
        for (int i = 0; i < more.length; i += 2) {
            p.setProperty(more[i], more[i + 1]);
        }
        return p;
    }

    @Test
    void homeFromTheEnvironmentWinsOverTheAccountsHome() {
        UserDirectories dirs = new UserDirectories(Map.of("HOME", "/tmp/x"), linux());

        assertThat(dirs.home()).isEqualTo(Path.of("/tmp/x"));
        assertThat(dirs.configDirectory()).isEqualTo(Path.of("/tmp/x/.config/thinkbench"));
        assertThat(dirs.dataDirectory()).isEqualTo(Path.of("/tmp/x/.local/share/thinkbench"));
    }

    @Test
    void xdgDirectoriesWinOverHome() {
        UserDirectories dirs = new UserDirectories(Map.of("HOME", "/tmp/x", "XDG_CONFIG_HOME", "/tmp/cfg",
                "XDG_DATA_HOME", "/tmp/data"), linux());

        assertThat(dirs.configDirectory()).isEqualTo(Path.of("/tmp/cfg/thinkbench"));
        assertThat(dirs.dataDirectory()).isEqualTo(Path.of("/tmp/data/thinkbench"));
    }

    @Test
    void aRelativeOrBlankValueIsIgnoredAsTheXdgSpecSays() {
        UserDirectories dirs = new UserDirectories(Map.of("HOME", "relative", "XDG_CONFIG_HOME", "cfg",
                "XDG_DATA_HOME", " "), linux());

        assertThat(dirs.configDirectory()).isEqualTo(Path.of("/home/account/.config/thinkbench"));
        assertThat(dirs.dataDirectory()).isEqualTo(Path.of("/home/account/.local/share/thinkbench"));
    }

    @Test
    void theOverridesWinOverEverything() {
        UserDirectories dirs = new UserDirectories(Map.of("HOME", "/tmp/x", "XDG_CONFIG_HOME", "/tmp/cfg"),
                linux("thinkbench.config", "/o/config", "thinkbench.data", "/o/data"));

        assertThat(dirs.configDirectory()).isEqualTo(Path.of("/o/config"));
        assertThat(dirs.dataDirectory()).isEqualTo(Path.of("/o/data"));
    }

    @Test
    void macOsAndWindowsUseTheirOwnPlaces() {
        Properties mac = linux("os.name", "Mac OS X");
        assertThat(new UserDirectories(Map.of("HOME", "/Users/me"), mac).configDirectory())
                .isEqualTo(Path.of("/Users/me/Library/Application Support/Thinkbench"));
        Properties windows = linux("os.name", "Windows 11");
        assertThat(new UserDirectories(Map.of("APPDATA", "/roaming", "LOCALAPPDATA", "/local"), windows)
                .dataDirectory()).isEqualTo(Path.of("/local/Thinkbench"));
    }

    @Test
    void neverPrintsTheEnvironment() {
        UserDirectories dirs = new UserDirectories(Map.of("HOME", "/tmp/x", "SOME_API_KEY", "sk-secret"), linux());
        assertThat(dirs.toString()).doesNotContain("sk-secret");
    }
}
