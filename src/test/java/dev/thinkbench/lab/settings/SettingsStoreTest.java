package dev.thinkbench.lab.settings;

import dev.thinkbench.engine.local.LocalEngineSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void savedSettingsLoadBackEqual() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("sub/settings.json"));
        Settings s = Settings.defaults().withEngine("ollama", "http://127.0.0.1:11434", "qwen3")
                .withTheme("dark").withColumns(List.of("small=none", "large=effort:high")).withApiKeyEnv("KEY_VAR");
        store.save(s);
        assertThat(store.load().settings()).isEqualTo(s);
        assertThat(store.load().status()).isEqualTo(SettingsStore.Status.OK);
        assertThat(store.load().problem()).isNull();
        try (var files = Files.list(dir.resolve("sub"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.json");
        }
    }

    @Test
    void missingFileGivesDefaults() {
        SettingsStore.Loaded loaded = new SettingsStore(dir.resolve("none.json")).load();
        assertThat(loaded.settings()).isEqualTo(Settings.defaults());
        assertThat(loaded.status()).isEqualTo(SettingsStore.Status.MISSING);
        assertThat(loaded.writable()).isTrue();
    }

    @Test
    void brokenFileIsSetAsideWithAReason() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"engineId\": ");
        SettingsStore.Loaded loaded = new SettingsStore(file).load();
        assertThat(loaded.settings()).isEqualTo(Settings.defaults());
        assertThat(loaded.status()).isEqualTo(SettingsStore.Status.BROKEN);
        assertThat(loaded.writable()).isTrue();
        assertThat(loaded.problem()).contains("unreadable").contains("set aside as settings.json.broken");
        assertThat(loaded.setAsideAs()).isEqualTo(dir.resolve("settings.json.broken"));
        assertThat(dir.resolve("settings.json.broken")).exists();
    }

    @Test
    void aSecondBrokenFileNeverOverwritesTheFirst() throws Exception {
        Path file = dir.resolve("settings.json");
        SettingsStore store = new SettingsStore(file);
        Files.writeString(file, "first broken");
        store.load();
        Files.writeString(file, "second broken");
        SettingsStore.Loaded second = store.load();
        Files.writeString(file, "third broken");
        store.load();

        assertThat(dir.resolve("settings.json.broken")).hasContent("first broken");
        assertThat(dir.resolve("settings.json.broken-2")).hasContent("second broken");
        assertThat(dir.resolve("settings.json.broken-3")).hasContent("third broken");
        assertThat(second.problem()).contains("set aside as settings.json.broken-2");
    }

    @Test
    void aFileFromANewerVersionIsNotWritableAndLeftAsItIs() throws Exception {
        Path file = dir.resolve("settings.json");
        String newer = "{\"schemaVersion\": 2, \"theme\": \"dark\", \"somethingNew\": [1, 2]}";
        Files.writeString(file, newer);

        SettingsStore.Loaded loaded = new SettingsStore(file).load();

        assertThat(loaded.status()).isEqualTo(SettingsStore.Status.NEWER);
        assertThat(loaded.writable()).isFalse();
        assertThat(loaded.settings()).isEqualTo(Settings.defaults());
        assertThat(loaded.problem()).contains("newer Thinkbench").contains("left untouched");
        assertThat(file).hasContent(newer);
    }

    @Test
    void unknownFieldsFromLaterVersionsAreIgnored() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"schemaVersion\":1,\"engineId\":\"ollama\",\"futureThing\":42}");
        assertThat(new SettingsStore(file).load().settings().engineId()).isEqualTo("ollama");
    }

    @Test
    void aFileWithOneSharedUrlGivesItToTheEngineItWasChosenOnOnly() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, """
                {"schemaVersion": 1, "engineId": "deepseek", "baseUrl": "http://127.0.0.1:18724/v1",
                 "model": "deepseek-v4-flash", "apiKeyEnv": "MY_DEEPSEEK_KEY", "theme": "light", "columns": [],
                 "welcomeSeen": true, "builtinThreads": 0, "builtinContextSize": 4096, "language": "en"}
                """);
        SettingsStore store = new SettingsStore(file);

        Settings loaded = store.load().settings();

        assertThat(loaded.baseUrls()).containsExactly(java.util.Map.entry("deepseek", "http://127.0.0.1:18724/v1"));
        assertThat(loaded.apiKeyEnvs()).containsExactly(java.util.Map.entry("deepseek", "MY_DEEPSEEK_KEY"));
        assertThat(loaded.baseUrlOf("anthropic")).as("another engine uses its own default").isNull();
        assertThat(loaded.apiKeyEnvOf("anthropic")).isNull();
        store.save(loaded);
        assertThat(Files.readString(file)).as("written per engine from now on").contains("\"baseUrls\"")
                .doesNotContain("\"baseUrl\"").doesNotContain("\"apiKeyEnv\"");
        assertThat(store.load().settings()).isEqualTo(loaded);
    }

    @Test
    void eachEngineKeepsItsOwnUrlAndKeyVariable() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Settings s = Settings.defaults().withEngine("anthropic", "http://127.0.0.1:18721/v1", "claude")
                .withApiKeyEnv("MY_CLAUDE_KEY").withEngine("ollama", null, "qwen3");

        store.save(s);
        Settings loaded = store.load().settings();

        assertThat(loaded.engineId()).isEqualTo("ollama");
        assertThat(loaded.baseUrlOf("anthropic")).isEqualTo("http://127.0.0.1:18721/v1");
        assertThat(loaded.apiKeyEnvOf("anthropic")).isEqualTo("MY_CLAUDE_KEY");
        assertThat(loaded.baseUrlOf("ollama")).isNull();
        assertThat(loaded.apiKeyEnvOf("ollama")).isNull();
    }

    @Test
    void settingsNeverCarryAKeyOnlyItsVariableName() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("s.json"));
        store.save(Settings.defaults().withEngine("deepseek", null, null).withApiKeyEnv("DEEPSEEK_API_KEY"));
        assertThat(Files.readString(dir.resolve("s.json"))).contains("DEEPSEEK_API_KEY").doesNotContain("sk-");
    }

    @Test
    void builtinEngineSettingsRoundTrip() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Settings s = Settings.defaults().withBuiltinEngine(3, 8192).withTheme("dark");

        store.save(s);
        Settings loaded = store.load().settings();

        assertThat(loaded).isEqualTo(s);
        assertThat(loaded.builtinEngine()).isEqualTo(new LocalEngineSettings(3, 8192));
        assertThat(Files.readString(dir.resolve("settings.json"))).contains("\"builtinThreads\" : 3")
                .doesNotContain("builtinEngine");
    }

    @Test
    void aFileWrittenBeforeTheEngineFieldsLoadsWithTheirDefaults() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, """
                {"schemaVersion":1,"engineId":"builtin","baseUrl":null,"model":"","apiKeyEnv":null,
                 "theme":"dark","columns":["small=none"],"welcomeSeen":true}
                """);

        Settings loaded = new SettingsStore(file).load().settings();

        assertThat(loaded.engineId()).isEqualTo("builtin");
        assertThat(loaded.welcomeSeen()).isTrue();
        assertThat(loaded.builtinThreads()).isEqualTo(Settings.AUTO_THREADS);
        assertThat(loaded.builtinContextSize()).isEqualTo(LocalEngineSettings.DEFAULT_CONTEXT);
        assertThat(loaded.builtinEngine()).isEqualTo(LocalEngineSettings.defaults());
    }

    @Test
    void outOfRangeEngineValuesFromAHandEditedFileGiveWayToDefaults() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"schemaVersion\":1,\"builtinThreads\":9999,\"builtinContextSize\":12}");

        Settings loaded = new SettingsStore(file).load().settings();

        assertThat(loaded.builtinEngine()).isEqualTo(LocalEngineSettings.defaults());
    }
}
