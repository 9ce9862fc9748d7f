package dev.thinkbench.app;

import dev.thinkbench.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Starting Thinkbench as a user does: the window without a display, and a command that needs no settings. */
@Timeout(120)
class LauncherTest {

    @TempDir
    Path home;

    private static Properties os(String name, String... more) {
        Properties p = new Properties();
        p.setProperty("os.name", name);
        for (int i = 0; i < more.length; i += 2) {
            p.setProperty(more[i], more[i + 1]);
        }
        return p;
    }

    @Test
    void withoutADisplayTheWindowIsNotAttemptedAndOneLineSaysWhatToDo() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", null);
        env.put("WAYLAND_DISPLAY", null);
        try (ChildJvm child = ChildJvm.launch(home, env)) {
            int code = child.awaitExit(Duration.ofSeconds(60));

            assertThat(code).isEqualTo(2);
            assertThat(child.err()).isEqualTo("thinkbench: no display found; run `xvfb-run -a thinkbench`, or use the "
                    + "command line: `thinkbench compare --help`\n");
            assertThat(child.out()).isEmpty();
        }
    }

    @Test
    void aDisplayIsMissingOnlyOnLinuxWithoutDisplayWaylandOrMonocle() {
        assertThat(DisplayCheck.missing(Map.of(), os("Linux"))).isTrue();
        assertThat(DisplayCheck.missing(Map.of("DISPLAY", " "), os("Linux"))).isTrue();
        assertThat(DisplayCheck.missing(Map.of("DISPLAY", ":99"), os("Linux"))).isFalse();
        assertThat(DisplayCheck.missing(Map.of("WAYLAND_DISPLAY", "wayland-0"), os("Linux"))).isFalse();
        assertThat(DisplayCheck.missing(Map.of(), os("Linux", "glass.platform", "Monocle"))).isFalse();
        assertThat(DisplayCheck.missing(Map.of(), os("Mac OS X"))).isFalse();
        assertThat(DisplayCheck.missing(Map.of(), os("Windows 11"))).isFalse();
    }

    @Test
    void javaFxsOwnNoDisplayFailureIsRecognisedAsTheFallback() {
        RuntimeException launch = new RuntimeException("Application launch failed",
                new UnsupportedOperationException("Unable to open DISPLAY"));

        assertThat(DisplayCheck.isNoDisplayFailure(launch)).isTrue();
        assertThat(DisplayCheck.isNoDisplayFailure(new RuntimeException(new IllegalStateException("boom"))))
                .isFalse();
    }

    @Test
    void aCommandThatNeedsNoSettingsLeavesABrokenSettingsFileAlone() throws Exception {
        Path settings = Files.createDirectories(home.resolve("config")).resolve(AppContext.SETTINGS_FILE);
        Files.writeString(settings, "{\"schemaVersion\": 1, \"theme\": ");

        try (ChildJvm child = ChildJvm.launch(home, Map.of(), "--version")) {
            assertThat(child.awaitExit(Duration.ofSeconds(60))).isZero();
            assertThat(child.out()).startsWith("Thinkbench");
        }

        assertThat(settings).hasContent("{\"schemaVersion\": 1, \"theme\": ");
        try (var files = Files.list(home.resolve("config"))) {
            assertThat(files).containsExactly(settings);
        }
    }
}
