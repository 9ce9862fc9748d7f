package dev.thinkbench.app;

import dev.thinkbench.testing.FakeKeys;
import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.engine.EngineConfig;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.hosted.HostedModels;
import dev.thinkbench.lab.settings.SecretsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a hosted engine's key comes from, and the four engines in the registry. */
class HostedEnginesTest {

    @TempDir
    Path dir;

    private HostedEngines hosted(SecretsStore secrets, Map<String, String> environment) {
        return new HostedEngines(HostedModels.empty(), secrets, environment::get);
    }

    private static EngineConfig config(String key, String variable) {
        return new EngineConfig("anthropic", null, key, Duration.ofSeconds(5), variable);
    }

    @Test
    void aNamedVariableWinsThenTheKeyEnteredInTheAppThenTheStandardVariable() throws IOException {
        SecretsStore secrets = new SecretsStore(dir.resolve(SecretsStore.FILE_NAME));
        HostedEngines hosted = hosted(secrets, Map.of("ANTHROPIC_API_KEY", FakeKeys.of("sk-ant", "from-environment")));

        EngineConfig named = hosted.withKey(config(FakeKeys.of("sk-ant", "named"), "MY_KEY"), "anthropic", "ANTHROPIC_API_KEY");
        EngineConfig standard = hosted.withKey(config(null, null), "anthropic", "ANTHROPIC_API_KEY");
        secrets.put("anthropic", FakeKeys.of("sk-ant", "entered-in-app"));
        EngineConfig entered = hosted.withKey(config(null, null), "anthropic", "ANTHROPIC_API_KEY");

        assertThat(named.apiKey()).isEqualTo(FakeKeys.of("sk-ant", "named"));
        assertThat(named.apiKeyEnv()).isEqualTo("MY_KEY");
        assertThat(standard.apiKey()).isEqualTo(FakeKeys.of("sk-ant", "from-environment"));
        assertThat(standard.apiKeyEnv()).as("messages name the variable to check").isEqualTo("ANTHROPIC_API_KEY");
        assertThat(entered.apiKey()).isEqualTo(FakeKeys.of("sk-ant", "entered-in-app"));
        assertThat(entered.apiKeyEnv()).isNull();
    }

    @Test
    void theFourHostedEnginesAreRegisteredWithTheirPublicEndpointsAndRefuseToStartWithoutAKey() {
        EngineRegistry registry = new EngineRegistry();
        hosted(new SecretsStore(dir.resolve(SecretsStore.FILE_NAME)), Map.of("GEMINI_API_KEY", FakeKeys.of("AIza", "test-123456")))
                .registerInto(registry);

        assertThat(registry.entries()).extracting(EngineRegistry.Entry::id)
                .containsExactly("anthropic", "openai", "gemini", "deepseek");
        assertThat(registry.get("anthropic").defaultBaseUrl()).isEqualTo("https://api.anthropic.com/v1");
        assertThat(registry.get("openai").defaultBaseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(registry.get("gemini").defaultBaseUrl())
                .isEqualTo("https://generativelanguage.googleapis.com/v1beta");
        assertThat(registry.get("deepseek").defaultBaseUrl()).isEqualTo("https://api.deepseek.com");
        assertThat(registry.get("gemini").factory().create(new EngineConfig("gemini", null, null, null)).displayName())
                .isEqualTo("Gemini API at https://generativelanguage.googleapis.com/v1beta");
        assertThatThrownBy(() -> registry.get("openai").factory().create(new EngineConfig("openai", null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OPENAI_API_KEY");
    }

    /**
     * Under each Compare column the window shows a budget's meaning up to its first ": ", in every language: for the
     * hosted engines that is the wire parameter (language-neutral), the explanation is in the tooltip.
     */
    @Test
    void theVisibleHeadOfEveryHostedBudgetMeaningIsItsWireParameter() {
        EngineRegistry registry = new EngineRegistry();
        hosted(new SecretsStore(dir.resolve(SecretsStore.FILE_NAME)), Map.of(
                "ANTHROPIC_API_KEY", FakeKeys.of("sk-ant", "test-123456"),
                "OPENAI_API_KEY", FakeKeys.of("sk", "test-123456"),
                "GEMINI_API_KEY", FakeKeys.of("AIza", "test-123456"),
                "DEEPSEEK_API_KEY", FakeKeys.of("sk", "test-654321"))).registerInto(registry);

        for (String id : List.of("anthropic", "openai", "gemini", "deepseek")) {
            ReasoningEngine engine = registry.get(id).factory().create(new EngineConfig(id, null, null, null));
            for (String spec : List.of("tokens:4096", "effort:high", "effort:low")) {
                Budget budget = BudgetSpec.parse(spec);
                if (engine.capabilities().unsupported(budget) != null) {
                    continue;
                }
                String meaning = engine.describe(budget);
                String head = meaning.substring(0, Math.max(0, meaning.indexOf(": ")));
                assertThat(head).as(id + " " + spec + ": " + meaning).contains("=").hasSizeLessThan(60);
                assertThat(engine.meaning(budget).english()).as("worded by reason for the window").isEqualTo(meaning);
            }
        }
        ReasoningEngine deepseek = registry.get("deepseek").factory().create(new EngineConfig("deepseek", null, null,
                null));
        assertThat(deepseek.describe(BudgetSpec.parse("effort:medium"))).as("the command line's words").isEqualTo(
                "thinking.type=enabled, reasoning_effort=high (DeepSeek has low, high and max; medium is sent as high):"
                        + " the full reasoning streams; reasoning tokens are reported and billed as output");
        ReasoningEngine gemini = registry.get("gemini").factory().create(new EngineConfig("gemini", null, null, null));
        assertThat(gemini.describe(BudgetSpec.parse("tokens:4096"))).startsWith("thinkingBudget=4,096: Gemini 2.5 (");
    }

    @Test
    void theShippedTableLoadsAndAMissingOneLeavesBudgetsToTheProviders() {
        assertThat(HostedEngines.loadModels(Path.of("assets")).forEngine("anthropic")).isNotEmpty();
        assertThat(HostedEngines.loadModels(dir).forEngine("anthropic")).isEmpty();
    }
}
