package dev.thinkbench.app;

import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.hosted.HostedModels;
import dev.thinkbench.engine.hosted.anthropic.AnthropicEngine;
import dev.thinkbench.engine.hosted.deepseek.DeepSeekEngine;
import dev.thinkbench.engine.hosted.openai.OpenAiResponsesEngine;
import dev.thinkbench.lab.settings.SecretsStore;
import dev.thinkbench.lab.settings.Settings;
import dev.thinkbench.lab.settings.SettingsStore;
import dev.thinkbench.testing.FakeKeys;
import dev.thinkbench.testing.HostedApiTestServer;
import dev.thinkbench.testing.RecordedRequest;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user trial: Anthropic set to one loopback server, then OpenAI chosen (its chip showed Anthropic's server), then a
 * restart on DeepSeek's server and Anthropic picked: Anthropic's key went at once to DeepSeek's server. Here every
 * engine's default is a loopback server of its own, every server records the keys it is sent, and no server may ever
 * see another engine's key.
 */
class EngineKeysStayWithTheirServersTest {

    private static final String ANTHROPIC_KEY = FakeKeys.of("sk-ant", "anthropic-only-1");
    private static final String OPENAI_KEY = FakeKeys.of("sk-proj", "openai-only-2");
    private static final String DEEPSEEK_KEY = FakeKeys.of("sk", "deepseek-only-3");

    @TempDir
    Path dir;

    /** The server each engine talks to by default, and the one the user typed in, per engine id. */
    private final Map<String, HostedApiTestServer> homes = new LinkedHashMap<>();
    private final Map<String, HostedApiTestServer> typed = new LinkedHashMap<>();
    private SecretsStore secrets;
    private EngineRegistry registry;

    @BeforeEach
    void servers() throws Exception {
        homes.put(AnthropicEngine.ID, HostedApiTestServer.anthropic().models("claude-sonnet-4-5"));
        homes.put(OpenAiResponsesEngine.ID, HostedApiTestServer.openAiResponses().models("gpt-5-mini"));
        homes.put(DeepSeekEngine.ID, HostedApiTestServer.deepSeek().models("deepseek-v4-flash"));
        typed.put(AnthropicEngine.ID, HostedApiTestServer.anthropic().models("claude-sonnet-4-5"));
        typed.put(DeepSeekEngine.ID, HostedApiTestServer.deepSeek().models("deepseek-v4-flash"));
        secrets = new SecretsStore(dir.resolve(SecretsStore.FILE_NAME));
        secrets.put(AnthropicEngine.ID, ANTHROPIC_KEY);
        secrets.put(OpenAiResponsesEngine.ID, OPENAI_KEY);
        secrets.put(DeepSeekEngine.ID, DEEPSEEK_KEY);
        EngineRegistry hosted = new EngineRegistry();
        new HostedEngines(HostedModels.empty(), secrets, name -> null).registerInto(hosted);
        registry = new EngineRegistry();
        for (EngineRegistry.Entry e : hosted.entries()) {
            registry.register(new EngineRegistry.Entry(e.id(), e.displayName(), e.talksTo(),
                    homes.get(e.id()) == null ? e.defaultBaseUrl() : homes.get(e.id()).baseUrl().toString(),
                    e.apiKeyVariable(), e.factory(), e.backends()));
        }
    }

    @AfterEach
    void close() {
        homes.values().forEach(HostedApiTestServer::close);
        typed.values().forEach(HostedApiTestServer::close);
    }

    private ConnectionViewModel connection() {
        return new ConnectionViewModel(registry, new WorkbenchFixture.SameThreadTasks(), name -> null,
                Optional.of(secrets));
    }

    private void choose(ConnectionViewModel c, String id) {
        c.engineEntryProperty().set(registry.get(id));
    }

    @Test
    void switchingEnginesNeverSendsOneEnginesKeyToAnotherEnginesServer() throws Exception {
        ConnectionViewModel c = connection();
        choose(c, AnthropicEngine.ID);
        c.baseUrlProperty().set(typed.get(AnthropicEngine.ID).baseUrl().toString());
        c.refreshModels();
        assertThat(c.modelsProperty()).as("Anthropic listed on the server set for it").isNotEmpty();

        choose(c, OpenAiResponsesEngine.ID);
        assertThat(c.baseUrlProperty().get()).as("OpenAI on its own server, not Anthropic's")
                .isEqualTo(homes.get(OpenAiResponsesEngine.ID).baseUrl().toString());

        // the settings file as a Thinkbench before this fix left it: one URL, set on DeepSeek
        Path file = dir.resolve("settings.json");
        Files.writeString(file, """
                {"schemaVersion": 1, "engineId": "deepseek", "baseUrl": "%s", "model": "deepseek-v4-flash",
                 "apiKeyEnv": null, "theme": "light", "columns": [], "welcomeSeen": true}
                """.formatted(typed.get(DeepSeekEngine.ID).baseUrl()));
        Settings saved = new SettingsStore(file).load().settings();
        ConnectionViewModel restarted = connection();
        restarted.restore(saved.engineId(), saved.baseUrls(), saved.model(), saved.apiKeyEnvs());
        restarted.refreshModels();
        assertThat(restarted.baseUrlProperty().get()).isEqualTo(typed.get(DeepSeekEngine.ID).baseUrl().toString());
        assertThat(restarted.modelsProperty()).isNotEmpty();

        choose(restarted, AnthropicEngine.ID);
        assertThat(restarted.baseUrlProperty().get()).as("Anthropic on its default, DeepSeek's server stays DeepSeek's")
                .isEqualTo(homes.get(AnthropicEngine.ID).baseUrl().toString());
        choose(restarted, DeepSeekEngine.ID);
        assertThat(restarted.baseUrlProperty().get()).isEqualTo(typed.get(DeepSeekEngine.ID).baseUrl().toString());

        assertOnlyOwnKeys(AnthropicEngine.ID, ANTHROPIC_KEY);
        assertOnlyOwnKeys(OpenAiResponsesEngine.ID, OPENAI_KEY);
        assertOnlyOwnKeys(DeepSeekEngine.ID, DEEPSEEK_KEY);
        assertThat(typed.get(DeepSeekEngine.ID).requests()).as("DeepSeek's server was checked after the restart")
                .isNotEmpty();
    }

    private void assertOnlyOwnKeys(String engineId, String key) {
        List<RecordedRequest> seen = new ArrayList<>(homes.get(engineId).requests());
        if (typed.containsKey(engineId)) {
            seen.addAll(typed.get(engineId).requests());
        }
        for (HostedApiTestServer other : all()) {
            if (other != homes.get(engineId) && other != typed.get(engineId)) {
                assertThat(other.requests().stream().map(RecordedRequest::headers).map(Object::toString))
                        .as("no other server is sent %s's key", engineId).noneMatch(h -> h.contains(key));
            }
        }
        assertThat(seen.stream().map(RecordedRequest::headers).map(Object::toString))
                .as("%s's servers see its key and no other", engineId)
                .allMatch(h -> h.contains(key));
    }

    private List<HostedApiTestServer> all() {
        List<HostedApiTestServer> all = new ArrayList<>(homes.values());
        all.addAll(typed.values());
        return all;
    }

    @Test
    void aChosenEngineRemembersItsOwnServerAndKeyVariableAcrossSwitches() {
        ConnectionViewModel c = connection();
        choose(c, AnthropicEngine.ID);
        c.baseUrlProperty().set(typed.get(AnthropicEngine.ID).baseUrl().toString());
        c.apiKeyVariableProperty().set("MY_CLAUDE_KEY");
        choose(c, DeepSeekEngine.ID);
        assertThat(c.apiKeyVariableProperty().get()).as("Anthropic's key variable is not read for DeepSeek").isEmpty();
        c.baseUrlProperty().set(typed.get(DeepSeekEngine.ID).baseUrl().toString());

        choose(c, AnthropicEngine.ID);

        assertThat(c.baseUrlProperty().get()).isEqualTo(typed.get(AnthropicEngine.ID).baseUrl().toString());
        assertThat(c.apiKeyVariableProperty().get()).isEqualTo("MY_CLAUDE_KEY");
        assertThat(c.baseUrls()).containsOnlyKeys(AnthropicEngine.ID, DeepSeekEngine.ID);
        assertThat(c.apiKeyVariables()).containsExactly(Map.entry(AnthropicEngine.ID, "MY_CLAUDE_KEY"));
    }
}
