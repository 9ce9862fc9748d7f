package dev.thinkbench.lab.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CurrentSettingsTest {

    @TempDir
    Path dir;

    @Test
    void anUpdateIsSeenAtOnceAndSaved() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        CurrentSettings current = CurrentSettings.load(store);

        current.update(s -> s.withBuiltinEngine(3, 8192));

        assertThat(current.get().builtinEngine().threads()).isEqualTo(3);
        assertThat(store.load().builtinContextSize()).isEqualTo(8192);
        assertThat(current.loadProblem()).isNull();
    }

    @Test
    void anUnwritableFileKeepsTheChangeForThisSessionAndSaysWhy() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "a file where the config folder should be");
        CurrentSettings current = CurrentSettings.load(new SettingsStore(blocker.resolve("settings.json")));

        java.io.IOException e = catchThrowableOfType(java.io.IOException.class,
                () -> current.update(s -> s.withTheme("dark")));

        assertThat(e).hasMessageContaining("settings not saved to").hasMessageContaining("not-a-folder");
        assertThat(current.get().theme()).isEqualTo("dark");
    }
}
