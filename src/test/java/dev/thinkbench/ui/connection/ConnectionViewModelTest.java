package dev.thinkbench.ui.connection;

import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.lab.settings.SecretsStore;
import dev.thinkbench.ui.ScriptedTestEngine;
import dev.thinkbench.ui.WorkbenchFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import dev.thinkbench.ui.common.Messages;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionViewModelTest {

    private static ScriptedTestEngine engine(String id, List<ModelInfo> models) {
        return new ScriptedTestEngine(id, spec -> null, models);
    }

    private static EngineRegistry registry(List<String> keysSeen) {
        return new EngineRegistry()
                .register(new EngineRegistry.Entry("up", "Up", "http://127.0.0.1:1111", config -> {
                    keysSeen.add(String.valueOf(config.apiKey()));
                    return engine("up", List.of(new ModelInfo("alpha", ""), new ModelInfo("beta", ""),
                            new ModelInfo("/o/blobs/sha256-c", "", "micro:latest (Ollama)")));
                }))
                .register(new EngineRegistry.Entry("down", "Down", "http://127.0.0.1:2222",
                        config -> engine("down", List.of())));
    }

    static {
        Messages.setLocale(java.util.Locale.ENGLISH);
    }

    private final List<String> keys = new ArrayList<>();
    private final ConnectionViewModel vm = new ConnectionViewModel(registry(keys),
            new WorkbenchFixture.SameThreadTasks(), name -> name.equals("TEST_KEY") ? "sk-secret" : null);

    @Test
    void aKeyTypedIntoTheWindowIsKeptForItsEngineAndUsedWhenNoVariableIsNamed(@TempDir Path dir) {
        SecretsStore store = new SecretsStore(dir.resolve(SecretsStore.FILE_NAME));
        List<String> seen = new ArrayList<>();
        ConnectionViewModel keyed = new ConnectionViewModel(registry(seen), new WorkbenchFixture.SameThreadTasks(),
                name -> name.equals("TEST_KEY") ? "sk-secret" : null, Optional.of(store));
        assertThat(keyed.canStoreKeys()).isTrue();
        assertThat(keyed.keyStoredProperty().get()).isFalse();

        keyed.saveApiKey("sk-typed-into-window-42");

        assertThat(store.get("up")).contains("sk-typed-into-window-42");
        assertThat(keyed.keyStoredProperty().get()).isTrue();
        assertThat(seen.getLast()).isEqualTo("sk-typed-into-window-42");
        keyed.apiKeyVariableProperty().set("TEST_KEY");
        assertThat(seen.getLast()).as("a named variable wins").isEqualTo("sk-secret");
        keyed.apiKeyVariableProperty().set("MY_MISSING_KEY");
        assertThat(seen.getLast()).as("a named variable that is not set falls back on the saved key")
                .isEqualTo("sk-typed-into-window-42");
        assertThat(keyed.connectionErrorProperty().get())
                .isEqualTo("environment variable MY_MISSING_KEY is not set; using the key saved here");
        keyed.apiKeyVariableProperty().set("");
        keyed.engineEntryProperty().set(keyed.engines().get(1));
        assertThat(keyed.keyStoredProperty().get()).as("the key belongs to its engine").isFalse();
        assertThat(vm.canStoreKeys()).isFalse();
    }

    @Test
    void switchingToAHostedEngineWithoutAKeySaysSoInWordsAndDropsTheModelsOfTheEngineBefore() {
        EngineRegistry registry = registry(keys).register(new EngineRegistry.Entry("hosted", "Hosted API",
                "https://api.example.test", config -> {
                    throw new dev.thinkbench.engine.MissingKeyException("Hosted API", "HOSTED_API_KEY");
                }));
        ConnectionViewModel switching = new ConnectionViewModel(registry, new WorkbenchFixture.SameThreadTasks(),
                name -> null);
        switching.refreshModels();
        assertThat(switching.statusProperty().get().state()).isEqualTo(ServerStatus.State.OK);
        assertThat(switching.modelsProperty()).hasSize(3);

        switching.engineEntryProperty().set(switching.engines().getLast());

        assertThat(switching.engineProperty().get()).isNull();
        assertThat(switching.connectionErrorProperty().get())
                .isEqualTo("Hosted API needs a key: set the environment variable HOSTED_API_KEY, or type the key in "
                        + "the key field");
        assertThat(switching.statusProperty().get().state()).as("no green check left from the engine before")
                .isEqualTo(ServerStatus.State.NONE);
        assertThat(switching.modelsProperty()).isEmpty();
        Messages.setLocale(java.util.Locale.KOREAN);
        try {
            switching.engineEntryProperty().set(switching.engines().getFirst());
            switching.engineEntryProperty().set(switching.engines().getLast());
            assertThat(switching.connectionErrorProperty().get()).isEqualTo(
                    "Hosted API에는 키가 필요합니다: 환경 변수 HOSTED_API_KEY을(를) 설정하거나 키 칸에 키를 입력하세요");
        } finally {
            Messages.setLocale(java.util.Locale.ENGLISH);
        }
    }

    @Test
    void listingModelsPicksTheFirstWhenNoneIsChosen() {
        vm.refreshModels();

        assertThat(vm.modelsProperty()).extracting(ModelInfo::name).containsExactly("alpha", "beta", "/o/blobs/sha256-c");
        assertThat(vm.modelProperty().get()).isEqualTo("alpha");
        assertThat(vm.modelsErrorProperty().get()).isEmpty();
        assertThat(vm.loadingModelsProperty().get()).isFalse();
    }

    @Test
    void aServerThatCannotListModelsSaysSoInline() {
        vm.engineEntryProperty().set(vm.engines().get(1));
        vm.refreshModels();

        assertThat(vm.modelsErrorProperty().get()).isEqualTo("No model list: scripted server is down");
        assertThat(vm.modelsProperty()).isEmpty();
    }

    @Test
    void eachEngineKindKeepsTheUrlAndKeyVariableSetOnItAndOthersUseTheirOwn() {
        assertThat(vm.baseUrlProperty().get()).isEqualTo("http://127.0.0.1:1111");

        vm.engineEntryProperty().set(vm.engines().get(1));
        assertThat(vm.baseUrlProperty().get()).isEqualTo("http://127.0.0.1:2222");

        vm.baseUrlProperty().set("http://10.0.0.5:9000");
        vm.apiKeyVariableProperty().set("TEST_KEY");
        keys.clear();
        vm.engineEntryProperty().set(vm.engines().get(0));
        assertThat(vm.baseUrlProperty().get()).as("a URL set on one engine is not another's")
                .isEqualTo("http://127.0.0.1:1111");
        assertThat(vm.apiKeyVariableProperty().get()).isEmpty();
        assertThat(keys).as("the other engine's key variable is never read for this one").doesNotContain("sk-secret");

        vm.engineEntryProperty().set(vm.engines().get(1));
        assertThat(vm.baseUrlProperty().get()).isEqualTo("http://10.0.0.5:9000");
        assertThat(vm.apiKeyVariableProperty().get()).isEqualTo("TEST_KEY");
        assertThat(vm.baseUrls()).containsExactly(java.util.Map.entry("down", "http://10.0.0.5:9000"));
        vm.baseUrlProperty().set("http://127.0.0.1:2222");
        assertThat(vm.baseUrls()).as("the default is no setting").isEmpty();
    }

    @Test
    void aMalformedUrlLeavesNoEngineAndExplains() {
        vm.baseUrlProperty().set("ftp://localhost:11434");

        assertThat(vm.engineProperty().get()).isNull();
        assertThat(vm.connectionErrorProperty().get())
                .isEqualTo("base URL must look like http://127.0.0.1:11434, was 'ftp://localhost:11434'");

        vm.baseUrlProperty().set("http://local host:11434");
        assertThat(vm.engineProperty().get()).isNull();
        assertThat(vm.connectionErrorProperty().get()).as("not Java's words")
                .isEqualTo("base URL must look like http://127.0.0.1:11434, was 'http://local host:11434'");

        vm.baseUrlProperty().set("http://localhost:11434");
        assertThat(vm.engineProperty().get()).isNotNull();
        assertThat(vm.connectionErrorProperty().get()).isEmpty();
    }

    @Test
    void aServerTypedWithoutItsSchemeIsTakenAsHttp() {
        assertThat(ConnectionViewModel.parseBaseUrl("127.0.0.1:18081/v1")).hasToString("http://127.0.0.1:18081/v1");
        assertThat(ConnectionViewModel.parseBaseUrl(" localhost:11434 ")).hasToString("http://localhost:11434");
        vm.baseUrlProperty().set("localhost:11434");
        assertThat(vm.engineProperty().get()).isNotNull();
        assertThat(vm.connectionErrorProperty().get()).isEmpty();
    }

    @Test
    void theKeyComesFromTheNamedVariableAndAMissingOneIsReported() {
        vm.apiKeyVariableProperty().set("TEST_KEY");
        assertThat(keys.getLast()).isEqualTo("sk-secret");
        assertThat(vm.connectionErrorProperty().get()).isEmpty();

        vm.apiKeyVariableProperty().set("MISSING_KEY");
        assertThat(keys.getLast()).isEqualTo("null");
        assertThat(vm.connectionErrorProperty().get())
                .isEqualTo("environment variable MISSING_KEY is not set; running without a key");
    }

    @Test
    void restoringASavedChoiceSelectsEngineUrlAndModel() {
        vm.restore("down", java.util.Map.of("down", "http://127.0.0.1:3333", "up", "http://127.0.0.1:4444"), "gamma",
                java.util.Map.of("up", "TEST_KEY"));

        assertThat(vm.engineEntryProperty().get().id()).isEqualTo("down");
        assertThat(vm.baseUrlProperty().get()).isEqualTo("http://127.0.0.1:3333");
        assertThat(vm.apiKeyVariableProperty().get()).isEmpty();
        assertThat(vm.modelProperty().get()).isEqualTo("gamma");
        vm.engineEntryProperty().set(vm.engines().get(0));
        assertThat(vm.baseUrlProperty().get()).isEqualTo("http://127.0.0.1:4444");
        assertThat(vm.apiKeyVariableProperty().get()).isEqualTo("TEST_KEY");
    }

    @Test
    void usingAnEngineSetsEverythingGivenAndListsItsModels() {
        vm.engineEntryProperty().set(vm.engines().get(1));
        vm.baseUrlProperty().set("http://10.0.0.5:9000");
        vm.apiKeyVariableProperty().set("OLD_KEY");

        vm.use("up", null, "TEST_KEY", "beta");

        assertThat(vm.engineEntryProperty().get().id()).isEqualTo("up");
        assertThat(vm.baseUrlProperty().get()).isEqualTo("http://127.0.0.1:1111");
        assertThat(vm.apiKeyVariableProperty().get()).isEqualTo("TEST_KEY");
        assertThat(vm.modelProperty().get()).isEqualTo("beta");
        assertThat(vm.modelsProperty()).extracting(ModelInfo::name).containsExactly("alpha", "beta", "/o/blobs/sha256-c");
        assertThat(keys).contains("sk-secret");
    }

    @Test
    void usingAnUnknownEngineIsRefusedAndChangesNothing() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vm.use("nope", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        assertThat(vm.engineEntryProperty().get().id()).isEqualTo("up");
    }

    @Test
    void choosingAnEngineKindChecksItAtOnceAndSaysHowItWent() {
        vm.engineEntryProperty().set(vm.engines().get(1));

        assertThat(vm.statusProperty().get().state()).isEqualTo(ServerStatus.State.PROBLEM);
        assertThat(vm.statusProperty().get().summary()).isEqualTo("Not reachable: Down");
        assertThat(vm.statusProperty().get().detail()).isEqualTo("scripted server is down");

        vm.engineEntryProperty().set(vm.engines().get(0));

        assertThat(vm.statusProperty().get().state()).isEqualTo(ServerStatus.State.OK);
        assertThat(vm.statusProperty().get().summary()).isEqualTo("3 models");
    }

    @Test
    void switchingAwayAndBackBringsBackTheModelLastUsedOnEachEngine() {
        vm.refreshModels();
        vm.modelProperty().set("beta");

        vm.engineEntryProperty().set(vm.engines().get(1));
        assertThat(vm.modelProperty().get()).isEmpty();
        vm.engineEntryProperty().set(vm.engines().get(0));

        assertThat(vm.modelProperty().get()).isEqualTo("beta");
    }

    @Test
    void aChosenModelIsLoadedWhereTheAppSaysHowAndItsStatusShows() {
        List<String> loaded = new ArrayList<>();
        vm.refreshModels();
        vm.setModelPreloader((engineId, model) -> engineId.equals("up") ? () -> {
            loaded.add(model);
            return model.equals("alpha") ? 2500L : null;
        } : null);

        assertThat(loaded).containsExactly("alpha");
        assertThat(vm.modelStatusProperty().get().summary()).isEqualTo("Loaded in 2.5 s");
        vm.modelProperty().set("beta");
        assertThat(vm.modelStatusProperty().get().summary()).isEqualTo("Model ready");
        vm.modelProperty().set("typed-but-not-listed");
        assertThat(loaded).as("a name the list lacks is checked too: a missing file says so before Run")
                .containsExactly("alpha", "beta", "typed-but-not-listed");

        vm.setModelPreloader((engineId, model) -> () -> {
            throw new ModelFileMissingException("/x/ghost.gguf");
        });
        vm.modelProperty().set("/x/ghost.gguf");
        assertThat(vm.modelStatusProperty().get().summary()).isEqualTo("Model file missing");
        assertThat(vm.modelStatusProperty().get().detail()).isEqualTo("/x/ghost.gguf cannot run: /x/ghost.gguf does "
                + "not exist (moved or deleted?). Pick another model in the Model list, or open the Models tab "
                + "(Ctrl+3) to open the file where it is now or download one.");

        vm.setModelPreloader((engineId, model) -> () -> {
            throw new IllegalStateException("Cannot use beta: not a GGUF file");
        });
        vm.modelProperty().set("beta");
        assertThat(vm.modelStatusProperty().get().state()).isEqualTo(ServerStatus.State.PROBLEM);
        assertThat(vm.modelStatusProperty().get().detail()).isEqualTo("Cannot use beta: not a GGUF file");
    }

    /** An Ollama model showed in the model box as "/.../.ollama/models/blobs/sha256-..."; the box names it by label. */
    @Test
    void aModelIsShownByItsLabelAndItsLabelMeansIt() {
        vm.refreshModels();
        assertThat(vm.labelOf("alpha")).as("known by its name").isEqualTo("alpha");
        assertThat(vm.labelOf("/not/listed.gguf")).isEqualTo("/not/listed.gguf");
        assertThat(vm.nameOf(" alpha ")).isEqualTo("alpha");
        assertThat(vm.labelOf("/o/blobs/sha256-c")).isEqualTo("micro:latest (Ollama)");
        assertThat(vm.nameOf("micro:latest (Ollama)")).as("picked or typed by its label").isEqualTo("/o/blobs/sha256-c");
    }
}
