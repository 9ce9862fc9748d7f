package dev.thinkbench.lab.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CurrentSettingsTest {

    private static final String NEWER = "{\"schemaVersion\": 99, \"engineId\": \"future-engine\", \"theme\": \"dark\"}";

    @TempDir
    Path dir;

    private final ManualTestScheduler scheduler = new ManualTestScheduler();

    private CurrentSettings open(Path file) {
        return CurrentSettings.open(new SettingsStore(file), scheduler, CurrentSettings.SAVE_DELAY);
    }

    @Test
    void anUpdateIsSeenAtOnceAndWrittenByTheSchedulerNotTheCaller() throws Exception {
        Path file = dir.resolve("settings.json");
        CurrentSettings current = open(file);

        current.update(s -> s.withBuiltinEngine(3, 8192));

        assertThat(current.get().builtinEngine().threads()).isEqualTo(3);
        assertThat(file).as("not written on the caller's thread").doesNotExist();
        assertThat(scheduler.runDue()).isEqualTo(1);
        assertThat(new SettingsStore(file).load().settings().builtinContextSize()).isEqualTo(8192);
        assertThat(current.problem()).isNull();
    }

    @Test
    void aBurstOfChangesIsOneWriteOfTheLastValue() throws Exception {
        Path file = dir.resolve("settings.json");
        CurrentSettings current = open(file);

        for (int threads = 1; threads <= 20; threads++) {
            int t = threads;
            current.update(s -> s.withBuiltinEngine(t, 4096));
        }

        assertThat(scheduler.pending()).isEqualTo(1);
        assertThat(scheduler.delays()).containsExactly(CurrentSettings.SAVE_DELAY);
        scheduler.runDue();
        assertThat(new SettingsStore(file).load().settings().builtinThreads()).isEqualTo(20);

        current.update(s -> s.withTheme("dark"));
        assertThat(scheduler.pending()).as("a change after the write schedules the next one").isEqualTo(1);
    }

    @Test
    void closeWritesWhatIsPendingAndStopsTheWriter() throws Exception {
        Path file = dir.resolve("settings.json");
        CurrentSettings current = open(file);
        current.update(s -> s.withTheme("dark"));

        current.close();

        assertThat(new SettingsStore(file).load().settings().theme()).isEqualTo("dark");
        assertThat(scheduler.closed()).isTrue();
    }

    @Test
    void aFileFromANewerVersionIsNeverWrittenAndSaysSo() throws Exception {
        Path file = Files.writeString(dir.resolve("settings.json"), NEWER);
        List<String> told = new CopyOnWriteArrayList<>();
        CurrentSettings current = open(file);
        current.setOnProblem(told::add);

        current.update(s -> s.withTheme("light").withEngine("ollama", null, "qwen3"));
        scheduler.runDue();
        current.flush();
        current.close();

        assertThat(Files.readString(file)).isEqualTo(NEWER);
        assertThat(current.get().engineId()).as("the change holds in memory").isEqualTo("ollama");
        assertThat(current.problem()).contains("newer Thinkbench").contains("left untouched");
        assertThat(told).singleElement().asString().contains("newer Thinkbench");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aBrokenFileIsLeftAloneUntilTheSettingsAreUsed() throws Exception {
        Path file = Files.writeString(dir.resolve("settings.json"), "{\"schemaVersion\": 1, \"engineId\": ");
        CurrentSettings current = open(file);

        assertThat(current.isLoaded()).isFalse();
        assertThat(file).exists();

        assertThat(current.get()).isEqualTo(Settings.defaults());
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("settings.json.broken")).hasContent("{\"schemaVersion\": 1, \"engineId\": ");
        assertThat(current.problem()).contains("set aside as settings.json.broken").contains("Defaults are in use");
    }

    @Test
    void anUnwritableFileKeepsTheChangeForThisSessionAndTellsTheListener() {
        Path blocker = writeBlocker();
        List<String> told = new CopyOnWriteArrayList<>();
        CurrentSettings current = open(blocker.resolve("settings.json"));
        current.setOnProblem(told::add);

        current.update(s -> s.withTheme("dark"));
        scheduler.runDue();

        assertThat(current.get().theme()).isEqualTo("dark");
        assertThat(told).singleElement().asString().contains("Settings not saved to").contains("not-a-folder");
        assertThat(current.problem()).contains("Settings not saved to");
        current.update(s -> s.withTheme("light"));
        IOException e = catchThrowableOfType(IOException.class, current::flush);
        assertThat(e).hasMessageContaining("not-a-folder");
    }

    private Path writeBlocker() {
        try {
            return Files.writeString(dir.resolve("not-a-folder"), "a file where the config folder should be");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theBackgroundSchedulerWritesOnItsOwnThread() throws Exception {
        Path file = dir.resolve("settings.json");
        try (CurrentSettings current = CurrentSettings.open(new SettingsStore(file), SaveScheduler.background(),
                java.time.Duration.ZERO)) {
            current.update(s -> s.withTheme("dark"));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(file) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(new SettingsStore(file).load().settings().theme()).isEqualTo("dark");
        }
    }
}
