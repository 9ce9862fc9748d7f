package dev.thinkbench.engine.hosted;

import dev.thinkbench.core.Budget;
import dev.thinkbench.lab.BudgetPresets;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hosted-model table: reading, matching, and agreement with the shipped presets. */
class HostedModelsTest {

    private static HostedModels read(String json) throws IOException {
        return HostedModels.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anExactNameWinsOverAPrefixAndTheLongestPrefixOverShorterOnes() throws IOException {
        HostedModels t = read("""
                {"models": [
                  {"engine": "openai", "model": "gpt-5*", "name": "GPT-5", "efforts": ["minimal", "low"]},
                  {"engine": "openai", "model": "gpt-5.5*", "name": "GPT-5.5", "efforts": ["none", "low"], "off": true},
                  {"engine": "openai", "model": "gpt-5.5-pro", "name": "GPT-5.5 pro", "efforts": ["high"]}]}""");

        assertThat(t.lookup("openai", "gpt-5.5-pro")).get().extracting(HostedModel::name).isEqualTo("GPT-5.5 pro");
        assertThat(t.lookup("openai", "GPT-5.5-mini")).get().extracting(HostedModel::name).isEqualTo("GPT-5.5");
        assertThat(t.lookup("openai", "gpt-5-nano")).get().extracting(HostedModel::name).isEqualTo("GPT-5");
        assertThat(t.lookup("openai", "o3")).isEmpty();
        assertThat(t.lookup("anthropic", "gpt-5.5")).isEmpty();
    }

    @Test
    void anEntryThatIsWrongIsNamed() {
        assertThatThrownBy(() -> read("""
                {"models": [{"engine": "gemini", "model": "gemini-x*", "tokens": {"min": 500, "max": 100}}]}"""))
                .isInstanceOf(IOException.class).hasMessageContaining("gemini-x*");
        assertThatThrownBy(() -> read("{\"rows\": []}")).hasMessageContaining("\"models\"");
    }

    @Test
    void theKnobsAreWordedWithTheAlternatives() throws IOException {
        HostedModel both = read("""
                {"models": [{"engine": "anthropic", "model": "claude-opus-4-6*", "name": "Claude Opus 4.6",
                  "tokens": {"min": 1024, "max": 127999}, "efforts": ["low", "high"], "off": true}]}""")
                .lookup("anthropic", "claude-opus-4-6").orElseThrow();

        assertThat(ModelKnobs.alternatives(both))
                .isEqualTo("effort:low|high or tokens:N (N from 1,024 to 127,999) or none");
        assertThat(ModelKnobs.whyUnsupported(both, new Budget.Tokens(2048), null)).isNull();
        assertThat(ModelKnobs.whyUnsupported(both, new Budget.None(), null)).isNull();
    }

    /** Every shipped preset of a hosted engine must be a budget its models take, or its column fails on launch. */
    @Test
    void everyShippedPresetIsABudgetTheModelFamilyTakes() throws IOException {
        HostedModels table = HostedAssets.models();
        BudgetPresets presets;
        try (InputStream in = Files.newInputStream(Path.of("assets/budget-presets.json"))) {
            presets = BudgetPresets.read(in);
        }
        int checked = 0;
        for (String engine : new String[] {"anthropic", "openai", "gemini", "deepseek"}) {
            assertThat(table.forEngine(engine)).as(engine).isNotEmpty();
            for (HostedModel row : table.forEngine(engine)) {
                String model = row.pattern().replace("*", "");
                for (BudgetPresets.Preset p : presets.forModel(engine, model)) {
                    assertThat(ModelKnobs.whyUnsupported(row, p.budget(), null))
                            .as("%s %s preset %s (%s)", engine, model, p.label(), p.budget().spec()).isNull();
                    assertThat(p.means()).isNotBlank();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void everyShippedRowSaysWhereItsFactsCameFrom() {
        for (String engine : new String[] {"anthropic", "openai", "gemini", "deepseek"}) {
            assertThat(HostedAssets.models().forEngine(engine)).allSatisfy(row -> {
                assertThat(row.source()).as(row.pattern()).isNotBlank();
                assertThat(row.knob()).as(row.pattern()).isNotBlank();
                assertThat(row.takesEffort() || row.takesTokens()).as(row.pattern()).isTrue();
            });
        }
    }
}
